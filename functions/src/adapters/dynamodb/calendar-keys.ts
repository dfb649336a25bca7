/**
 * Key builders of the working-day calendar: one partition holds every year and its audit trail,
 * so listing the calendar is one query and a year's change commits with its audit entry.
 */
export const calendarKeys = {
  partition: 'CALENDAR',
  year: (year: number) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
  yearPrefix: 'YEAR#',
  change: (year: number, at: string, id: string) => ({ pk: 'CALENDAR', sk: `AUDIT#${year}#${at}#${id}` }),
  changePrefix: (year: number) => `AUDIT#${year}#`,
};

/**
 * Key builders of the working-day calendar: one partition holds every year and its audit trail,
 * so listing the calendar is one query and a year's change commits with its audit entry.
 */
export const calendarKeys = {
  partition: 'CALENDAR',
  year: (year: number) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
  yearPrefix: 'YEAR#',
  /** One audit entry per saved version, so entries sort in the order the saves committed. */
  change: (year: number, version: number) => ({
    pk: 'CALENDAR',
    sk: `AUDIT#${year}#${String(version).padStart(6, '0')}`,
  }),
  changePrefix: (year: number) => `AUDIT#${year}#`,
};

import { getHolidaysInRange, getWorkdaysInRange } from 'chinese-days';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  calendarYearArrangementSchema,
  isWeekend,
  parseDateString,
  type CalendarYearArrangement,
} from '@jiuyi/shared';

/**
 * The years `chinese-days` knows, as the calendar's first records (source `library`, confirmed).
 * Only seeding reads the library: at run time working days come from the table, where the
 * hospital enters each new year once the State Council has published it.
 */
export function libraryCalendarYears(): CalendarYearArrangement[] {
  const years: CalendarYearArrangement[] = [];
  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year += 1) {
    const first = libraryDate(`${year}-01-01`);
    const last = libraryDate(`${year}-12-31`);
    const holidays = getHolidaysInRange(first, last, false).map(String).sort();
    // Every published arrangement lists New Year's Day and National Day; without them the
    // library has no data for the year and would only guess Monday–Friday.
    if (!holidays.includes(`${year}-01-01`) || !holidays.includes(`${year}-10-01`)) continue;
    const workdays = getWorkdaysInRange(first, last, true).map(String).filter(isWeekend).sort();
    years.push(calendarYearArrangementSchema.parse({ year, holidays, workdays, confirmed: true }));
  }
  return years;
}

/**
 * The library reads and formats dates with local-time getters; a local noon Date names the
 * same calendar day whatever the host's time zone, where a string or UTC instant would not.
 */
function libraryDate(date: string): Date {
  const parts = parseDateString(date);
  if (!parts) throw new RangeError(`Invalid date "${date}"`);
  return new Date(parts.year, parts.month - 1, parts.day, 12);
}

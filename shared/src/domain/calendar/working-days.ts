import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { addDays, parseDateString } from './shanghai-time';
import type { DateString } from './shanghai-time';

/**
 * Working days follow the State Council's yearly holiday arrangement, make-up working days
 * (调休) included, as carried by `chinese-days`. The library only knows years whose
 * arrangement has been published; for a later year it silently falls back to Monday–Friday,
 * which is why `holidayDataCoversYear` exists and a test pins the current year.
 */

// Long enough for any deadline this product computes, short enough that a bad argument
// cannot spin the loop for minutes.
const MAX_WORKING_DAYS = 3660;

/** True when `date` (`YYYY-MM-DD`, Asia/Shanghai) is a working day in mainland China. */
export function isWorkingDay(date: DateString): boolean {
  return isWorkday(libraryDate(date));
}

/**
 * The date `n` working days after `date` (before it when `n` is negative), counting only
 * days strictly after `date`: "3 working days after discharge on a Friday" lands on the
 * next Wednesday. `n = 0` returns `date` unchanged, even on a holiday.
 */
export function addWorkingDays(date: DateString, n: number): DateString {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
    throw new RangeError(`Working-day count must be an integer within ±${MAX_WORKING_DAYS}, got ${n}`);
  }
  assertDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * The number of working days in the half-open range (`from`, `to`]; negative when `to` is
 * before `from`. It is the inverse of `addWorkingDays` for any working day `to`.
 */
export function workingDaysBetween(from: DateString, to: DateString): number {
  assertDate(from);
  assertDate(to);
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}

/**
 * Whether the bundled calendar holds the published holiday arrangement for `year`. Every
 * arrangement lists New Year's Day and National Day, so their absence means the year's data
 * has not been shipped yet and working days for it would be plain Monday–Friday guesses.
 */
export function holidayDataCoversYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return false;
  const listed = new Set(
    getHolidaysInRange(libraryDate(`${year}-01-01`), libraryDate(`${year}-12-31`), false).map(String),
  );
  return listed.has(`${year}-01-01`) && listed.has(`${year}-10-01`);
}

function assertDate(date: DateString): void {
  if (!parseDateString(date)) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
}

/**
 * The library reads and formats dates with local-time getters; a local noon Date names the
 * same calendar day whatever the host's time zone, where a string or UTC instant would not.
 */
function libraryDate(date: DateString): Date {
  const parts = parseDateString(date);
  if (!parts) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  return new Date(parts.year, parts.month - 1, parts.day, 12);
}

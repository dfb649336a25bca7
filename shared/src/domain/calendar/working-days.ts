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

/**
 * The holidays whose dates the law itself fixes (全国年节及纪念日放假办法, as amended in 2024: New
 * Year's Day, 1–2 May, 1–3 October). Until a year's arrangement is published these are the only
 * days known to be off, and sessions must not be opened on them.
 */
const FIXED_DATE_HOLIDAYS = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

const coveredYears = new Map<number, boolean>();
function yearCovered(year: number): boolean {
  let covered = coveredYears.get(year);
  if (covered === undefined) {
    covered = holidayDataCoversYear(year);
    coveredYears.set(year, covered);
  }
  return covered;
}

/**
 * True when `date` (`YYYY-MM-DD`, Asia/Shanghai) is a working day in mainland China. For a year
 * without a published arrangement the fixed-date holidays are still off; the lunar ones (Spring
 * Festival, Qingming, Dragon Boat, Mid-Autumn) need the arrangement, hence the coverage test.
 */
export function isWorkingDay(date: DateString): boolean {
  const library = libraryDate(date);
  if (!yearCovered(library.getFullYear()) && FIXED_DATE_HOLIDAYS.has(date.slice(5))) return false;
  return isWorkday(library);
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

import { addDays, parseDateString } from './shanghai-time';
import type { DateString } from './shanghai-time';

/**
 * Working days follow the State Council's yearly holiday arrangement, make-up working days (调休)
 * included. The arrangement of a year is published in the autumn before, so it is data the
 * hospital enters and confirms (one record per year, loaded from the table), never a library
 * release: these rules are pure functions over a `WorkingDayCalendar` built from those records.
 */

/** One year's arrangement as stored: the days off and the weekend days worked instead. */
export interface CalendarYearRecord {
  year: number;
  /** Every day off under the arrangement, weekends inside a break included. */
  holidays: readonly DateString[];
  /** Make-up working days (调休上班): weekend days worked instead. */
  workdays: readonly DateString[];
  /** Only a confirmed arrangement is used; until then the year counts as unpublished. */
  confirmed: boolean;
}

interface ConfirmedYear {
  holidays: ReadonlySet<DateString>;
  workdays: ReadonlySet<DateString>;
}

/** The confirmed arrangements by year; build it with `buildWorkingDayCalendar`. */
export interface WorkingDayCalendar {
  readonly confirmedYears: ReadonlyMap<number, ConfirmedYear>;
}

/** A deadline counted in working days; `provisional` when a counted day lies in an unconfirmed year. */
export interface WorkingDayDeadline {
  date: DateString;
  provisional: boolean;
}

// Long enough for any deadline this product computes, short enough that a bad argument
// cannot spin the loop for minutes.
const MAX_WORKING_DAYS = 3660;

/**
 * The holidays whose dates the law itself fixes (全国年节及纪念日放假办法, as amended in 2024: New
 * Year's Day, 1–2 May, 1–3 October). Until a year's arrangement is confirmed these are the only
 * days known to be off, and sessions must not be opened on them.
 */
export const FIXED_DATE_HOLIDAYS: readonly string[] = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];
const FIXED = new Set(FIXED_DATE_HOLIDAYS);

/** Builds the calendar from stored year records; unconfirmed records are left out on purpose. */
export function buildWorkingDayCalendar(records: readonly CalendarYearRecord[]): WorkingDayCalendar {
  const confirmedYears = new Map<number, ConfirmedYear>();
  for (const record of records) {
    if (!record.confirmed) continue;
    confirmedYears.set(record.year, {
      holidays: new Set(record.holidays),
      workdays: new Set(record.workdays),
    });
  }
  return { confirmedYears };
}

/** True when the hospital has confirmed `year`'s arrangement. */
export function yearConfirmed(calendar: WorkingDayCalendar, year: number): boolean {
  return calendar.confirmedYears.has(year);
}

/**
 * True on a day off of the arrangement (weekends inside a break included, plain weekends not).
 * In an unconfirmed year only the date-fixed statutory holidays are known.
 */
export function isStatutoryHoliday(calendar: WorkingDayCalendar, date: DateString): boolean {
  const parts = requireDate(date);
  const year = calendar.confirmedYears.get(parts.year);
  return year ? year.holidays.has(date) : FIXED.has(date.slice(5));
}

/**
 * True when `date` (`YYYY-MM-DD`, Asia/Shanghai) is a working day in mainland China: a make-up
 * working day, or a Monday–Friday that is not a holiday. In an unconfirmed year the date-fixed
 * holidays are still off; the lunar ones (Spring Festival, Qingming, Dragon Boat, Mid-Autumn)
 * need the confirmed arrangement, which is why such deadlines are marked provisional.
 */
export function isWorkingDay(calendar: WorkingDayCalendar, date: DateString): boolean {
  const parts = requireDate(date);
  if (calendar.confirmedYears.get(parts.year)?.workdays.has(date)) return true;
  if (isStatutoryHoliday(calendar, date)) return false;
  return !isWeekend(date);
}

/** True on a Saturday or Sunday. */
export function isWeekend(date: DateString): boolean {
  const parts = requireDate(date);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The date `n` working days after `date` (before it when `n` is negative), counting only
 * days strictly after `date`: "3 working days after discharge on a Friday" lands on the
 * next Wednesday. `n = 0` returns `date` unchanged, even on a holiday.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, date: DateString, n: number): DateString {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
    throw new RangeError(`Working-day count must be an integer within ±${MAX_WORKING_DAYS}, got ${n}`);
  }
  requireDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(calendar, current)) remaining -= 1;
  }
  return current;
}

/**
 * The number of working days in the half-open range (`from`, `to`]; negative when `to` is
 * before `from`. It is the inverse of `addWorkingDays` for any working day `to`.
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: DateString, to: DateString): number {
  requireDate(from);
  requireDate(to);
  if (to < from) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(calendar, current)) count += 1;
  }
  return count;
}

/**
 * A deadline `n` working days after `from` (e.g. a records copy 3 working days after discharge).
 * It is provisional when any day counted, (`from`, date] or [date, `from`) backwards, lies in a
 * year whose arrangement is not confirmed: a lunar holiday announced later may move it.
 */
export function workingDayDeadline(
  calendar: WorkingDayCalendar,
  from: DateString,
  n: number,
): WorkingDayDeadline {
  const date = addWorkingDays(calendar, from, n);
  const [first, last] = date < from ? [date, addDays(from, -1)] : [addDays(from, 1), date];
  let provisional = false;
  if (n !== 0) {
    for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) {
      if (!yearConfirmed(calendar, year)) provisional = true;
    }
  }
  return { date, provisional };
}

function requireDate(date: DateString): { year: number; month: number; day: number } {
  const parts = parseDateString(date);
  if (!parts) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  return parts;
}

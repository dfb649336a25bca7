/**
 * Asia/Shanghai wall-clock helpers. China has kept UTC+8 all year since 1991 (no DST), so a
 * fixed offset is exact for every date this product handles and needs no time-zone database,
 * which keeps the helpers identical on Lambda (UTC), a developer laptop and the mini-program.
 */

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type DateString = string;

/** A wall-clock time in Asia/Shanghai, `HH:mm`. */
export type TimeString = string;

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MINUTE_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Splits a `YYYY-MM-DD` string, or returns `undefined` when it is not a real calendar date. */
export function parseDateString(date: string): { year: number; month: number; day: number } | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Round-tripping through Date.UTC rejects 2026-02-30 and friends without a month table.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** True when `date` is a real calendar date written `YYYY-MM-DD`. */
export function isDateString(date: string): boolean {
  return parseDateString(date) !== undefined;
}

/** Minutes since midnight for an `HH:mm` string; throws on anything else. */
export function minutesOfDay(time: TimeString): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Invalid time "${time}", expected HH:mm`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Formats minutes since midnight (0–1439) as `HH:mm`. */
export function formatMinutes(minutes: number): TimeString {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError(`Minutes out of range: ${minutes}`);
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The Asia/Shanghai calendar date of an instant, e.g. 2026-01-01T16:00Z → '2026-01-02'. */
export function shanghaiDate(now: Date): DateString {
  return shifted(now).toISOString().slice(0, 10);
}

/** The Asia/Shanghai wall-clock time of an instant as `HH:mm` (seconds are dropped, not rounded). */
export function shanghaiTime(now: Date): TimeString {
  return shifted(now).toISOString().slice(11, 16);
}

/** The instant at which Shanghai clocks show `time` on `date`. */
export function atShanghai(date: DateString, time: TimeString): Date {
  const parts = parseDateString(date);
  if (!parts) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  const utcMidnight = Date.UTC(parts.year, parts.month - 1, parts.day);
  return new Date(utcMidnight + minutesOfDay(time) * MINUTE_MS - OFFSET_MS);
}

/**
 * ISO 8601 with the contract's `+08:00` offset and millisecond precision, so every timestamp
 * the API emits has one fixed shape and sorts correctly as a string.
 */
export function toShanghaiIso(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid Date');
  return shifted(d).toISOString().replace('Z', '+08:00');
}

/** Adds whole calendar days to a `YYYY-MM-DD` date (negative goes back). */
export function addDays(date: DateString, days: number): DateString {
  const parts = parseDateString(date);
  if (!parts) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer, got ${days}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateString, to: DateString): number {
  return Math.round((atShanghai(to, '00:00').getTime() - atShanghai(from, '00:00').getTime()) / DAY_MS);
}

function shifted(d: Date): Date {
  return new Date(d.getTime() + OFFSET_MS);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

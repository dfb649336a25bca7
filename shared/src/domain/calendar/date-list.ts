import { addDays, isDateString } from './shanghai-time';
import type { DateString } from './shanghai-time';

/** Between two dates of a range: `~`, `～` or `至` (a hyphen would clash with the dates' own). */
const RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:~|～|至)\s*(\d{4}-\d{2}-\d{2})$/;
const SEPARATORS = /[\s,，、;；]+/;
/** A range longer than this is a typing slip, not a holiday break. */
const MAX_RANGE_DAYS = 31;

/**
 * Reads dates as staff type them: one per line or separated by commas, and ranges such as
 * `2027-02-06~2027-02-11`. Returns the sorted distinct dates, or the pieces that are not dates.
 */
export function parseDateList(text: string): { dates: DateString[] } | { invalid: string[] } {
  const dates = new Set<DateString>();
  const invalid: string[] = [];
  const normalised = text.replace(/\s*(~|～|至)\s*/g, '$1');
  for (const piece of normalised.split(SEPARATORS).filter(Boolean)) {
    const range = RANGE.exec(piece);
    if (range && isDateString(range[1]!) && isDateString(range[2]!) && range[1]! <= range[2]!) {
      const run: DateString[] = [];
      for (let d = range[1]!; d <= range[2]! && run.length <= MAX_RANGE_DAYS; d = addDays(d, 1)) run.push(d);
      if (run.length > MAX_RANGE_DAYS) invalid.push(piece);
      else run.forEach((d) => dates.add(d));
    } else if (isDateString(piece)) dates.add(piece);
    else invalid.push(piece);
  }
  return invalid.length > 0 ? { invalid } : { dates: [...dates].sort() };
}

/** Writes dates back compactly: consecutive days as one `first~last` range, one run per line. */
export function formatDateList(dates: readonly DateString[]): string {
  const sorted = [...new Set(dates)].sort();
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === addDays(sorted[j]!, 1)) j += 1;
    runs.push(i === j ? sorted[i]! : `${sorted[i]}~${sorted[j]}`);
    i = j + 1;
  }
  return runs.join('\n');
}

/**
 * Text a person types (a reason, a display name) as the API accepts it. Lengths are counted in Unicode
 * code points, so "最多 80 个字" means 80 characters whether they are Han, Latin or emoji, and nothing
 * here ever cuts a surrogate pair in half.
 */

/** C0 and C1 controls and DEL; a newline may be allowed in long text. */
const CONTROL = /\p{Cc}/u;
/** Bidirectional overrides and isolates: invisible, and used to make text read other than it is. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type FreeTextProblem = 'blank' | 'too_short' | 'too_long' | 'control' | 'invalid_unicode';

export interface FreeTextRule {
  /** At least this many characters once trimmed (default 1: blank is refused). */
  min?: number;
  max: number;
  /** Allows line breaks (long reasons); every other control character is still refused. */
  multiline?: boolean;
}

/** How many characters (code points) a text has. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** True when the text holds a UTF-16 surrogate that is not part of a pair (not valid Unicode). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** What is wrong with an already trimmed text, or undefined when it may be stored. */
export function freeTextProblem(text: string, rule: FreeTextRule): FreeTextProblem | undefined {
  if (hasLoneSurrogate(text)) return 'invalid_unicode';
  const controls = rule.multiline ? text.replace(/\r?\n/g, '') : text;
  if (CONTROL.test(controls) || BIDI_CONTROL.test(text)) return 'control';
  const length = codePointLength(text);
  if (length === 0) return 'blank';
  if (length < (rule.min ?? 1)) return 'too_short';
  if (length > rule.max) return 'too_long';
  return undefined;
}

/**
 * At most `max` characters of `text`, cut on a code point boundary (a surrogate pair is kept whole or
 * dropped whole); when cut, the last character becomes `ellipsis` (if given) so the result still fits.
 */
export function truncateText(text: string, max: number, ellipsis = ''): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const mark = codePointLength(ellipsis) <= max ? ellipsis : '';
  return `${chars.slice(0, max - codePointLength(mark)).join('')}${mark}`;
}

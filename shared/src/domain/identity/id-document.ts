import { isIdDocumentType } from './id-document-types';
import type { IdDocumentType, IdValidationResult } from './id-document-types';
import { validateResidentIdNumber } from './resident-id';
import {
  validateHkMacauPermitNumber,
  validatePassportNumber,
  validateTaiwanPermitNumber,
} from './travel-documents';

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_TO_HALF_WIDTH = 0xfee0;

/**
 * Puts an ID number into the one form we store, hash and compare: upper case, ASCII, no
 * spaces and no parentheses. Chinese input methods often type full-width characters
 * (１１０…ｘ), people copy numbers with spaces, and older permits print an issue count in
 * parentheses; none of that should make the same document look like two documents.
 */
export function normaliseIdNumber(number: string): string {
  let ascii = '';
  for (const ch of number) {
    const code = ch.codePointAt(0) ?? 0;
    ascii +=
      code >= FULL_WIDTH_START && code <= FULL_WIDTH_END
        ? String.fromCharCode(code - FULL_TO_HALF_WIDTH)
        : ch;
  }
  return ascii.replace(/[\s()]/g, '').toUpperCase();
}

/**
 * Validates an ID document number for its type. On success returns the normalised number
 * and, for resident IDs (and social security cards, which carry the resident ID number),
 * the embedded birth date and sex. `now` bounds the birth date: nobody is born tomorrow.
 */
export function validateIdDocument(type: IdDocumentType, number: string, now: Date): IdValidationResult {
  if (!isIdDocumentType(type)) return { ok: false, reason: 'unsupported_type', message: '不支持的证件类型' };
  const normalised = normaliseIdNumber(number);
  switch (type) {
    case 'resident_id':
      return validateResidentIdNumber(normalised, now);
    case 'social_security_card':
      // The social security card number is the holder's resident ID number (社会保障号码).
      return validateResidentIdNumber(normalised, now, '社会保障卡号');
    case 'passport':
      return validatePassportNumber(normalised);
    case 'hk_macau_permit':
      return validateHkMacauPermitNumber(normalised);
    case 'taiwan_permit':
      return validateTaiwanPermitNumber(normalised);
  }
}

/**
 * Masks an ID number for display and logs so that what is shown, together with everything else a
 * response carries about the document (only the sex, see `toPatientView`), leaves at least a million
 * numbers it could be, counted the way an attacker would: against the address codes actually issued.
 *
 * Resident-ID-shaped numbers (居民身份证, 社会保障卡, 港澳台居民居住证) show only the last 4 characters
 * (**************123X) and nothing of the birth date. Against only the ~3,500 address codes ever
 * issued, × ~46,000 possible birth dates since 1900, of which the check character keeps 1 in 11, that
 * leaves ≈ 1.5 × 10^7. The sex adds nothing: it is the parity of the 17th character, which the last 4
 * already show. The birth year is not shown on purpose: it divides the dates by ~126 and, against the
 * issued address codes, would leave only ≈ 10^5. The old mask (first 3 + last 4) beside the full birth
 * date left 10^3 / 11 ≈ 91.
 *
 * The shorter travel documents show their last 2 characters, and only when at least 6 stay hidden
 * (10^6 even if every hidden character were a digit); a shorter number is masked completely.
 */
export function maskIdNumber(type: IdDocumentType, number: string): string {
  const normalised = normaliseIdNumber(number);
  const residentShaped = type === 'resident_id' || type === 'social_security_card';
  return residentShaped ? maskMiddle(normalised, 0, 4) : maskMiddle(normalised, 0, 2, 6);
}

/** Keeps `keepStart` and `keepEnd` characters and stars the rest; needs at least `minHidden` (3) stars. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number, minHidden = 3): string {
  const chars = Array.from(value);
  const hidden = chars.length - keepStart - keepEnd;
  if (hidden < minHidden) return '*'.repeat(chars.length);
  return `${chars.slice(0, keepStart).join('')}${'*'.repeat(hidden)}${chars.slice(chars.length - keepEnd).join('')}`;
}

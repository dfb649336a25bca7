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
 * Masks an ID number for display and logs. Resident-ID-shaped numbers keep the first 3 and
 * last 4 characters (110***********123X), the convention of Chinese banks and hospitals;
 * the shorter travel documents keep 2 at each end so the holder can still tell two of their
 * documents apart. Too-short input is masked entirely rather than leaking most of it.
 */
export function maskIdNumber(type: IdDocumentType, number: string): string {
  const normalised = normaliseIdNumber(number);
  const residentShaped = type === 'resident_id' || type === 'social_security_card';
  return residentShaped ? maskMiddle(normalised, 3, 4) : maskMiddle(normalised, 2, 2);
}

/** Keeps `keepStart` and `keepEnd` characters and stars the rest; needs at least 3 stars. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  const hidden = chars.length - keepStart - keepEnd;
  if (hidden < 3) return '*'.repeat(chars.length);
  return `${chars.slice(0, keepStart).join('')}${'*'.repeat(hidden)}${chars.slice(chars.length - keepEnd).join('')}`;
}

import { parseDateString, shanghaiDate } from '../calendar/shanghai-time';
import type { IdValidationResult } from './id-document-types';

/**
 * Citizen identity numbers per GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 * Residence permits for Hong Kong, Macau and Taiwan residents (居住证) use the same form with
 * the address codes 810000, 820000 and 830000.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes of GB/T 2260 that appear on mainland ID cards. */
const PROVINCE_CODES = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
]);

/** Residence-permit prefixes are whole 6-digit codes: 81xxxx other than 810000 is not issued. */
const RESIDENCE_PERMIT_PREFIXES = new Set(['810000', '820000', '830000']);

const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The GB 11643 check character ('0'–'9' or 'X') for the first 17 digits of an ID number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** True when the 6-digit address code names a province or a residence-permit region. */
export function isResidentIdRegion(addressCode: string): boolean {
  const province = Number(addressCode.slice(0, 2));
  if (province >= 81 && province <= 83) return RESIDENCE_PERMIT_PREFIXES.has(addressCode.slice(0, 6));
  return PROVINCE_CODES.has(province);
}

/**
 * Validates an already-normalised 18-character resident ID number. `label` names the
 * document in messages, since a social security card carries the same number.
 */
export function validateResidentIdNumber(number: string, now: Date, label = '身份证号'): IdValidationResult {
  if (number.length === 0) return fail('empty', `请输入${label}`);
  if (number.length !== 18) return fail('length', `${label}应为18位`);
  if (!/^\d{17}[\dX]$/.test(number)) return fail('characters', `${label}前17位应为数字，最后一位为数字或X`);
  if (!isResidentIdRegion(number.slice(0, 6))) return fail('region', `${label}地区码无效`);

  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  // ISO dates compare correctly as strings.
  if (!parseDateString(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > shanghaiDate(now)) {
    return fail('birth_date', `${label}出生日期无效`);
  }
  if (residentIdCheckDigit(number.slice(0, 17)) !== number.charAt(17)) {
    return fail('check_digit', `${label}校验位不正确`);
  }
  const sex = Number(number.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalised: number, birthDate, sex };
}

function fail(
  reason: 'empty' | 'length' | 'characters' | 'region' | 'birth_date' | 'check_digit',
  message: string,
) {
  return { ok: false, reason, message } as const;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

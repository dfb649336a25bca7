import type { IdValidationResult } from './id-document-types';

/**
 * Format checks for the non-resident-ID documents. These documents carry no check digit we
 * can verify, so the rules only catch typing mistakes; the document itself is checked by
 * staff at the hospital (face verification only exists for mainland ID cards).
 */

/**
 * Passports. Chinese ordinary passports are E + 8 digits (e-passports since 2012), E + a
 * letter + 7 digits (once the all-digit E series ran out) or G + 8 digits (2007–2012).
 * Foreign passports follow ICAO Doc 9303, whose document numbers are letters and digits,
 * usually 9 characters with longer ones overflowing into the optional field; we accept
 * 5–17 letters or digits with at least one digit, which every issuing state's format meets.
 * The Chinese shapes are a subset of that rule and are listed to document what we expect.
 */
const CHINESE_PASSPORT = /^(?:E\d{8}|E[A-Z]\d{7}|G\d{8})$/;
const ICAO_PASSPORT = /^(?=.*\d)[A-Z0-9]{5,17}$/;

/**
 * "港澳通行证" covers two different cards that patients both call by that name:
 * - 往来港澳通行证, for mainland residents travelling to Hong Kong/Macau: C + 8 digits, or
 *   C + a letter + 7 digits once the numeric series ran out;
 * - 港澳居民来往内地通行证 (回乡证), for Hong Kong (H) and Macau (M) residents coming to the
 *   mainland: H/M + 8 digits, optionally followed by the 2-digit issue count printed on the
 *   card, which many people copy as part of the number.
 */
const MAINLAND_TO_HK_MACAU = /^C(?:\d{8}|[A-Z]\d{7})$/;
const HK_MACAU_TO_MAINLAND = /^[HM]\d{8}(?:\d{2})?$/;

/**
 * 台湾居民来往大陆通行证 (台胞证): 8 digits on the current card; older booklets printed a
 * 2-digit issue count in parentheses, which normalisation strips, leaving 10 digits.
 */
const TAIWAN_PERMIT = /^\d{8}(?:\d{2})?$/;

/** Validates a normalised passport number. */
export function validatePassportNumber(number: string): IdValidationResult {
  if (number.length === 0) return { ok: false, reason: 'empty', message: '请输入护照号码' };
  if (CHINESE_PASSPORT.test(number) || ICAO_PASSPORT.test(number)) return { ok: true, normalised: number };
  return { ok: false, reason: 'format', message: '护照号码应为5-17位字母或数字' };
}

/** Validates a normalised Hong Kong/Macau travel permit number (either direction). */
export function validateHkMacauPermitNumber(number: string): IdValidationResult {
  if (number.length === 0) return { ok: false, reason: 'empty', message: '请输入港澳通行证号码' };
  if (MAINLAND_TO_HK_MACAU.test(number) || HK_MACAU_TO_MAINLAND.test(number)) {
    return { ok: true, normalised: number };
  }
  return {
    ok: false,
    reason: 'format',
    message: '港澳通行证号码格式不正确，应为C开头9位，或H/M开头9位（可带2位换证次数）',
  };
}

/** Validates a normalised Taiwan compatriot permit number. */
export function validateTaiwanPermitNumber(number: string): IdValidationResult {
  if (number.length === 0) return { ok: false, reason: 'empty', message: '请输入台胞证号码' };
  if (TAIWAN_PERMIT.test(number)) return { ok: true, normalised: number };
  return { ok: false, reason: 'format', message: '台胞证号码应为8位数字（旧版可为10位）' };
}

/**
 * Names and mobile phones of patients and bookers (Beijing art. 14: a booking records the
 * patient's name, ID number and a contact phone).
 */

export type FieldValidationResult =
  { ok: true; normalised: string } | { ok: false; reason: string; message: string };

const MIDDLE_DOT = '·';
// Look-alikes people type for the middle dot in minority names such as 阿依古丽·买买提.
const DOT_LOOKALIKES = /[.•・．‧･∙⋅]/g;
const CHINESE_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
// Hyphens and apostrophes (Jean-Luc, O'Brien) are printed on passports too, so they are allowed
// between letters alongside the spaces and dots.
const LATIN_NAME = /^\p{Script=Latin}+(?:(?:\.? |[.'-])\p{Script=Latin}+)*\.?$/u;

/**
 * Normalises a person's name: trims and collapses runs of spaces; in Chinese names, where
 * spaces carry no meaning, drops them and turns look-alike dots into the middle dot (U+00B7).
 */
export function normalisePersonName(name: string): string {
  const collapsed = name.trim().replace(/\s+/g, ' ');
  return /\p{Script=Han}/u.test(collapsed)
    ? collapsed.replace(DOT_LOOKALIKES, MIDDLE_DOT).replace(/\s/g, '')
    : collapsed;
}

/**
 * A name as written on the ID document: 2–20 Chinese characters, where a middle dot may
 * join the parts of a minority or transliterated name; or, for foreign documents, 2–40
 * Latin letters with single spaces, dots, hyphens or apostrophes (J. R. Smith). Lengths count characters, so
 * rare characters outside the Basic Multilingual Plane count once.
 */
export function validatePersonName(name: string): FieldValidationResult {
  const normalised = normalisePersonName(name);
  const length = Array.from(normalised).length;
  if (length === 0) return { ok: false, reason: 'empty', message: '请输入姓名' };
  if (/\p{Script=Han}/u.test(normalised)) {
    if (!CHINESE_NAME.test(normalised)) {
      return { ok: false, reason: 'characters', message: '姓名只能包含汉字，少数民族姓名可用间隔号“·”分隔' };
    }
    if (length < 2 || length > 20) return { ok: false, reason: 'length', message: '中文姓名应为2-20个字' };
    return { ok: true, normalised };
  }
  if (!LATIN_NAME.test(normalised)) {
    return {
      ok: false,
      reason: 'characters',
      message: '姓名应与证件一致，只能包含汉字或英文字母、空格、点、连字符',
    };
  }
  if (length < 2 || length > 40) return { ok: false, reason: 'length', message: '英文姓名应为2-40个字符' };
  return { ok: true, normalised };
}

/**
 * Normalises a mainland mobile number: drops spaces and dashes, full-width digits, and the
 * +86 / 0086 country prefix that phones add when a number is copied from contacts.
 */
export function normaliseMobilePhone(phone: string): string {
  const ascii = phone
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/＋/g, '+');
  const compact = ascii.replace(/[\s\-()]/g, '');
  return compact.replace(/^(?:\+86|0086)(?=1\d{10}$)/, '');
}

/** A mainland China mobile number: 11 digits, 1 then 3–9 (1[3-9]\d{9}). */
export function validateMobilePhone(phone: string): FieldValidationResult {
  const normalised = normaliseMobilePhone(phone);
  if (normalised.length === 0) return { ok: false, reason: 'empty', message: '请输入手机号' };
  if (!/^1[3-9]\d{9}$/.test(normalised)) {
    return { ok: false, reason: 'format', message: '请输入11位中国大陆手机号' };
  }
  return { ok: true, normalised };
}

/** Masks a phone for display: 138****1234. Short or odd input is starred completely. */
export function maskPhone(phone: string): string {
  const normalised = normaliseMobilePhone(phone);
  if (normalised.length < 8) return '*'.repeat(normalised.length);
  return `${normalised.slice(0, 3)}${'*'.repeat(normalised.length - 7)}${normalised.slice(-4)}`;
}

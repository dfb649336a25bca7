/** The five documents a patient may register with (Dalian guide 1.1). */
export const ID_DOCUMENT_TYPES = [
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'social_security_card',
] as const;

export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** What the patient sees on the document picker. */
export const ID_DOCUMENT_LABELS: Record<IdDocumentType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_permit: '港澳通行证',
  taiwan_permit: '台胞证',
  social_security_card: '社会保障卡',
};

/**
 * Stable failure reasons. Clients may branch on them; the message is for people. The same
 * reason is reused across documents that share a rule (a social security card number is a
 * resident ID number), with a message that names the document the patient chose.
 */
export const ID_FAILURE_REASONS = [
  'unsupported_type',
  'empty',
  'length',
  'characters',
  'region',
  'birth_date',
  'check_digit',
  'format',
] as const;

export type IdFailureReason = (typeof ID_FAILURE_REASONS)[number];

export type IdValidationResult =
  | { ok: true; normalised: string; birthDate?: string; sex?: 'male' | 'female' }
  | { ok: false; reason: IdFailureReason; message: string };

/** True when `value` is one of the accepted document types. */
export function isIdDocumentType(value: unknown): value is IdDocumentType {
  return typeof value === 'string' && (ID_DOCUMENT_TYPES as readonly string[]).includes(value);
}

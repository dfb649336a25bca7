import { z } from 'zod';
import { ID_DOCUMENT_TYPES, isIdDocumentType } from '../domain/identity/id-document-types';
import { normaliseIdNumber, validateIdDocument } from '../domain/identity/id-document';
import type { FieldValidationResult } from '../domain/identity/person';
import {
  normaliseMobilePhone,
  normalisePersonName,
  validateMobilePhone,
  validatePersonName,
} from '../domain/identity/person';
import { idSchema, shanghaiTimestampSchema } from './common.schema';

/**
 * The 就诊人 (patient profile) contract. The mini-program validates its form with these same
 * schemas, so every message here is what a patient reads next to the field.
 */

export const idDocumentTypeSchema = z.enum(ID_DOCUMENT_TYPES, { error: '请选择证件类型' });
export const patientRelationSchema = z.enum(['self', 'family', 'other'], { error: '请选择与本人的关系' });
export type PatientRelation = z.infer<typeof patientRelationSchema>;
export const sexSchema = z.enum(['male', 'female']);
export type Sex = z.infer<typeof sexSchema>;

/** Applies a domain validator to a string field, reporting its reason and Chinese message. */
function fieldRule(validate: (value: string) => FieldValidationResult) {
  return (value: string, ctx: z.RefinementCtx) => {
    const result = validate(value);
    if (!result.ok)
      ctx.addIssue({ code: 'custom', message: result.message, params: { reason: result.reason } });
  };
}

const nameField = z
  .string({ error: '请输入姓名' })
  .max(64, { error: '姓名过长' })
  .overwrite(normalisePersonName)
  .superRefine(fieldRule(validatePersonName));

const phoneField = z
  .string({ error: '请输入手机号' })
  .max(32, { error: '手机号过长' })
  .overwrite(normaliseMobilePhone)
  .superRefine(fieldRule(validateMobilePhone));

/**
 * The create body, checked against the clock `now` (a resident ID's birth date may not be in
 * the future). The parsed output carries the normalised name, ID number and phone.
 * Server code passes its injected clock: `createPatientBodySchema(() => deps.now())`; the
 * mini-program and documentation use `patientCreateBodySchema`, bound to the device clock.
 */
export function createPatientBodySchema(now: () => Date) {
  return z
    .strictObject({
      name: nameField,
      idType: idDocumentTypeSchema,
      idNumber: z
        .string({ error: '请输入证件号码' })
        .max(64, { error: '证件号码过长' })
        .overwrite(normaliseIdNumber),
      phone: phoneField,
      relation: patientRelationSchema,
    })
    .superRefine((body, ctx) => {
      // An invalid idType has its own issue already; there is no rule to check the number by.
      if (!isIdDocumentType(body.idType)) return;
      const result = validateIdDocument(body.idType, body.idNumber, now());
      if (!result.ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['idNumber'],
          message: result.message,
          params: { reason: result.reason },
        });
      }
    });
}

/** The create body bound to the device or system clock: for clients and generated docs. */
export const patientCreateBodySchema = createPatientBodySchema(() => new Date());
export type CreatePatientBody = z.output<ReturnType<typeof createPatientBodySchema>>;

/**
 * PATCH body. The ID document is immutable: a different document is a different person
 * (real-name identity, Beijing art. 13), so it is a new profile, not an edit.
 */
export const updatePatientBodySchema = z
  .strictObject(
    { name: nameField.optional(), phone: phoneField.optional(), relation: patientRelationSchema.optional() },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' && issue.keys.some((key) => key === 'idType' || key === 'idNumber')
          ? '证件信息不能修改，如需更换证件请新建就诊人'
          : undefined,
    },
  )
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    error: '请至少修改一项信息',
  });
export type UpdatePatientBody = z.output<typeof updatePatientBodySchema>;

/**
 * Where a profile stands with real-name verification (实名核验) of its name against its document:
 * `verified` by the real-name service or at the desk; `pending` while the service could not answer (checked
 * again automatically); `desk_required` for documents no online service can check (passports, travel
 * permits): the outpatient desk verifies them against the card; `revoked` once the identity went to its
 * verified holder, was released at the desk or failed the later check: the profile can no longer be used.
 */
export const REAL_NAME_STATUSES = ['verified', 'pending', 'desk_required', 'revoked'] as const;
export const realNameStatusSchema = z.enum(REAL_NAME_STATUSES);
export type RealNameStatus = z.infer<typeof realNameStatusSchema>;

/**
 * A patient profile as the API returns it: the ID number and phone only masked, and nothing of the birth
 * date (see `maskIdNumber` for what the mask and the sex leave together).
 */
export const patientSchema = z.object({
  id: idSchema,
  name: z.string(),
  idType: idDocumentTypeSchema,
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  relation: patientRelationSchema,
  sex: sexSchema.optional(),
  realNameStatus: realNameStatusSchema,
  createdAt: shanghaiTimestampSchema,
});
export type Patient = z.infer<typeof patientSchema>;

/** Each account manages at most this many 就诊人 (self, family, others); server and client read this one value. */
export const MAX_PATIENTS_PER_ACCOUNT = 5;

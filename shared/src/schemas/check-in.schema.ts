import { z } from 'zod';
import { shanghaiTimestampSchema } from './common.schema';
import { idDocumentTypeSchema } from './patient.schema';

/** `GET /v1/appointments/{id}/check-in-code`: what the patient's QR code encodes, and until when. */
export const checkInCodeResponseSchema = z.object({
  token: z.string(),
  expiresAt: shanghaiTimestampSchema,
});
export type CheckInCodeResponse = z.infer<typeof checkInCodeResponseSchema>;

/** `POST /v1/check-ins` body: the scanned code and the ID document the patient presents. */
export const staffCheckInBodySchema = z.strictObject({
  token: z.string().min(1, { message: '请扫描签到码' }).max(2048, { message: '签到码格式不正确' }),
  idType: idDocumentTypeSchema,
  idNumber: z.string().min(1, { message: '请填写证件号码' }).max(40, { message: '证件号码过长' }),
});
export type StaffCheckInBody = z.infer<typeof staffCheckInBodySchema>;

/** `POST /v1/appointments/{id}/check-in` body: nothing is needed. */
export const selfCheckInBodySchema = z.strictObject({});

/** `POST /v1/appointments/{id}/undo-void` (outpatient staff): why the void was a mistake, for the audit. */
export const undoVoidBodySchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(2, { message: '请填写撤销作废的原因（至少 2 个字）' })
    .max(200, { message: '撤销原因最多 200 字' }),
});
export type UndoVoidBody = z.infer<typeof undoVoidBodySchema>;

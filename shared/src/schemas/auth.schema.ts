import { z } from 'zod';
import { freeText } from './common.schema';

export const roleSchema = z.enum([
  'patient',
  'alliance_doctor',
  'expert',
  'referral_centre',
  'records_staff',
  /** The hospital's own outpatient doctor (linked to a catalogue doctor by `doctorId`). */
  'clinic_doctor',
  /** 门诊部: suspensions, check-in at the desk, payments and statements. */
  'outpatient_staff',
  'admin',
]);
export type Role = z.infer<typeof roleSchema>;

/** Staff roles are granted by an admin's invite; everyone else signs in as a patient. */
export const staffRoleSchema = roleSchema.exclude(['patient']);

/** What a verified session token says about its bearer. */
export const principalSchema = z.object({
  accountId: z.string(),
  role: roleSchema,
  institutionId: z.string().optional(),
  specialty: z.string().optional(),
  /** The catalogue doctor a clinic doctor or expert account speaks for. */
  doctorId: z.string().optional(),
});
export type Principal = z.infer<typeof principalSchema>;

export const wechatLoginBodySchema = z.strictObject({
  code: z.string().min(1, { message: '缺少微信登录凭证' }).max(128, { message: '微信登录凭证格式不正确' }),
});

export const devLoginBodySchema = z.strictObject({
  openid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{3,64}$/, { message: 'openid 只能包含字母、数字、下划线和短横线，3-64 位' }),
  role: roleSchema,
  institutionId: z.string().max(64).optional(),
  specialty: z.string().max(64).optional(),
  doctorId: z.string().max(64).optional(),
});

export const refreshBodySchema = z.strictObject({
  refreshToken: z.string().min(1, { message: '缺少刷新凭证' }).max(2048),
});

/** An account an admin disabled can neither sign in nor call the API; absent means active. */
export const accountStatusSchema = z.enum(['active', 'disabled']);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const accountSchema = z.object({
  id: z.string(),
  role: roleSchema,
  status: accountStatusSchema.optional(),
  institutionId: z.string().optional(),
  specialty: z.string().optional(),
  doctorId: z.string().optional(),
  displayName: z.string().optional(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const authResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  refreshToken: z.string(),
  account: accountSchema,
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const meResponseSchema = z.object({ account: accountSchema, stage: z.enum(['local', 'prod']) });

export const createInviteBodySchema = z.strictObject({
  role: staffRoleSchema,
  institutionId: z.string().max(64).optional(),
  specialty: z.string().max(64).optional(),
  doctorId: z.string().max(64).optional(),
  displayName: freeText({ label: '显示名称', max: 40 }).optional(),
});

export const inviteResponseSchema = z.object({
  code: z.string(),
  role: staffRoleSchema,
  expiresAt: z.string(),
});

export const redeemInviteBodySchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{8}$/, { message: '邀请码应为 8 位字母或数字' }),
});

/** GET /v1/admin/accounts — the staff accounts (every role but patient), oldest first. */
export const staffAccountListSchema = z.object({ items: z.array(accountSchema) });

/**
 * PATCH /v1/admin/accounts/{id} — disable or enable a staff account, or change its role (with the
 * role's own link: institution, specialty or catalogue doctor), always with a reason for the audit.
 */
export const updateStaffAccountBodySchema = z
  .strictObject({
    status: accountStatusSchema.optional(),
    role: staffRoleSchema.optional(),
    institutionId: z.string().max(64).optional(),
    specialty: z.string().max(64).optional(),
    doctorId: z.string().max(64).optional(),
    reason: freeText({ label: '原因', min: 2, max: 200, multiline: true }),
  })
  .refine((body) => body.status !== undefined || body.role !== undefined, {
    message: '请选择要停用、启用或更改的角色',
    path: ['status'],
  });
export type UpdateStaffAccountBody = z.infer<typeof updateStaffAccountBodySchema>;

/** What an account change touched, before and after. */
export const accountStateSchema = z.object({
  role: roleSchema,
  status: accountStatusSchema,
  institutionId: z.string().optional(),
  specialty: z.string().optional(),
  doctorId: z.string().optional(),
});
export type AccountState = z.infer<typeof accountStateSchema>;

/** One audited account change: who made it, when, why, and the state before and after. */
export const accountAuditEntrySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  by: z.string(),
  at: z.string(),
  reason: z.string(),
  before: accountStateSchema,
  after: accountStateSchema,
});
export type AccountAuditEntry = z.infer<typeof accountAuditEntrySchema>;

export const accountAuditListSchema = z.object({ items: z.array(accountAuditEntrySchema) });

export const updateStaffAccountResponseSchema = z.object({
  account: accountSchema,
  audit: accountAuditEntrySchema,
});

import { z } from 'zod';
import { SUSPENSION_CHOICES } from '../domain/appointments/suspension';
import { appointmentStatusSchema, scheduleIdSchema, sessionStatusSchema } from './appointment.schema';
import { clinicPeriodSchema, doctorTitleSchema, isoWeekdaySchema } from './catalogue.schema';
import { dateSchema, freeText, listOf, onceFieldsValid, shanghaiTimestampSchema } from './common.schema';
import { idDocumentTypeSchema } from './patient.schema';

// ── Weekly templates (admin) ────────────────────────────────────────────────────────────────

const percent = (label: string) =>
  z
    .number({ message: `${label}须为数字` })
    .int({ message: `${label}须为整数百分比` })
    .min(0, { message: `${label}不能为负` })
    .max(100, { message: `${label}不能超过 100` });

/** One weekly half-day of a doctor as the admin edits it; slot length defaults to 20 minutes. */
export const templateEntrySchema = z
  .strictObject({
    weekday: z
      .number({ message: '星期须为数字' })
      .int({ message: '星期须为 1–7 的整数' })
      .min(1, { message: '星期须为 1–7 的整数' })
      .max(7, { message: '星期须为 1–7 的整数' }),
    period: clinicPeriodSchema,
    capacity: z
      .number({ message: '号源数须为数字' })
      .int({ message: '号源数须为整数' })
      .min(1, { message: '每个出诊单元至少 1 个号' })
      .max(200, { message: '每个出诊单元最多 200 个号' }),
    slotMinutes: z
      .number({ message: '时段长度须为数字' })
      .int({ message: '时段长度须为整数分钟' })
      .min(5, { message: '时段至少 5 分钟' })
      .max(30, { message: '每个时段最长 30 分钟' })
      .default(20),
    onSiteReservePercent: percent('现场号比例').optional(),
    referralReservePercent: percent('转诊号比例').optional(),
  })
  .refine((t) => (t.onSiteReservePercent ?? 0) + (t.referralReservePercent ?? 0) <= 100, {
    ...onceFieldsValid,
    message: '现场号与转诊号比例之和不能超过 100',
    path: ['referralReservePercent'],
  })
  .refine((t) => (t.onSiteReservePercent === undefined) === (t.referralReservePercent === undefined), {
    ...onceFieldsValid,
    message: '现场号比例与转诊号比例须同时填写或同时留空',
    path: ['onSiteReservePercent'],
  });
export type TemplateEntry = z.output<typeof templateEntrySchema>;

/** `PUT /v1/admin/doctors/{id}/templates`: the doctor's whole week, at most one entry per half day. */
export const putDoctorTemplatesBodySchema = z
  .strictObject({ templates: z.array(templateEntrySchema).max(14, { message: '一周最多 14 个出诊单元' }) })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.templates.forEach((t, i) => {
      const key = `${t.weekday}${t.period}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          message: '同一星期的同一半天只能有一个出诊单元',
          path: ['templates', i],
        });
      seen.add(key);
    });
  });
export type PutDoctorTemplatesBody = z.output<typeof putDoctorTemplatesBodySchema>;

export const doctorTemplateViewSchema = z.object({
  weekday: isoWeekdaySchema,
  period: clinicPeriodSchema,
  capacity: z.number().int(),
  slotMinutes: z.number().int(),
  onSiteReservePercent: z.number().int(),
  referralReservePercent: z.number().int(),
  /** True when the reserves are the hospital default rather than this template's own. */
  defaultQuota: z.boolean(),
});
export const doctorTemplatesResponseSchema = z.object({
  doctorId: z.string(),
  items: z.array(doctorTemplateViewSchema),
  /** Sessions already materialised keep their numbers; the change applies to sessions created after this instant. */
  appliesToSessionsCreatedAfter: shanghaiTimestampSchema,
});
export type DoctorTemplatesResponse = z.infer<typeof doctorTemplatesResponseSchema>;

// ── Suspension (停诊) ────────────────────────────────────────────────────────────────────────

export const suspendSessionBodySchema = z.strictObject({
  reason: freeText({
    label: '停诊原因',
    min: 2,
    max: 200,
    multiline: true,
    messages: { too_short: '请填写停诊原因', too_long: '停诊原因最多 200 字' },
  }),
  /** A session staff arranged for the displaced patients; without it, the doctor's next open session. */
  makeUpSessionId: scheduleIdSchema.optional(),
});
export type SuspendSessionBody = z.infer<typeof suspendSessionBodySchema>;

export const suspensionChoiceSchema = z.enum(SUSPENSION_CHOICES, { error: '请选择替诊、补诊或退号' });
export const suspensionChoiceBodySchema = z.strictObject({ choice: suspensionChoiceSchema });

const doctorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: doctorTitleSchema,
  titleLabel: z.string(),
});

/** What one displaced booking is offered, and how it ended. */
export const suspensionOfferViewSchema = z.object({
  appointmentId: z.uuid(),
  sessionId: scheduleIdSchema,
  patientName: z.string(),
  /** `offered` until answered or defaulted; `resolved` once applied; `lapsed` when the booking ended first. */
  state: z.enum(['offered', 'resolved', 'lapsed']),
  deadline: shanghaiTimestampSchema,
  defaultChoice: suspensionChoiceSchema,
  options: z.array(suspensionChoiceSchema),
  substitute: z
    .object({
      sessionId: scheduleIdSchema,
      slotId: scheduleIdSchema,
      doctor: doctorRefSchema,
      start: shanghaiTimestampSchema,
      end: shanghaiTimestampSchema,
    })
    .optional(),
  makeUp: z
    .object({
      sessionId: scheduleIdSchema,
      date: dateSchema,
      period: clinicPeriodSchema,
      doctor: doctorRefSchema,
    })
    .optional(),
  choice: suspensionChoiceSchema.optional(),
  decidedBy: z.enum(['patient', 'default']).optional(),
  resolvedAt: shanghaiTimestampSchema.optional(),
  refundRequired: z.boolean().optional(),
});
export type SuspensionOfferView = z.infer<typeof suspensionOfferViewSchema>;

export const sessionSuspensionViewSchema = z.object({
  sessionId: scheduleIdSchema,
  status: sessionStatusSchema,
  reason: z.string().optional(),
  suspendedAt: shanghaiTimestampSchema.optional(),
  items: z.array(suspensionOfferViewSchema),
});
export type SessionSuspensionView = z.infer<typeof sessionSuspensionViewSchema>;

// ── Extra numbers (加号) and in-clinic booking (诊间预约) ──────────────────────────────────────

/** The patient in front of the doctor, named by the ID document they present. */
export const patientDocumentSchema = z.strictObject({
  idType: idDocumentTypeSchema,
  idNumber: z.string().trim().min(1, { message: '请填写证件号码' }).max(32, { message: '证件号码过长' }),
});

export const extraNumberBodySchema = z.strictObject({
  patient: patientDocumentSchema,
  reason: freeText({
    label: '加号原因',
    min: 2,
    max: 200,
    multiline: true,
    messages: { too_short: '请填写加号原因', too_long: '加号原因最多 200 字' },
  }),
  /** The time slot the patient is seen in; the session's last slot when left out. */
  slotId: scheduleIdSchema.optional(),
});
export type ExtraNumberBody = z.infer<typeof extraNumberBodySchema>;

/** One audit entry: who added which number, when, why, for whom. */
export const extraNumberEntrySchema = z.object({
  id: z.uuid(),
  sessionId: scheduleIdSchema,
  appointmentId: z.uuid(),
  slotId: scheduleIdSchema,
  patientId: z.uuid(),
  patientName: z.string(),
  idNumberMasked: z.string(),
  reason: z.string(),
  issuedByAccountId: z.string(),
  issuedByDoctorId: z.string(),
  issuedAt: shanghaiTimestampSchema,
});
export type ExtraNumberEntry = z.infer<typeof extraNumberEntrySchema>;
export const extraNumberListResponseSchema = listOf(extraNumberEntrySchema).extend({
  limit: z.number().int(),
  issued: z.number().int(),
});

export const clinicBookingKindSchema = z.enum(['follow_up', 'senior', 'other_specialty'], {
  error: '请选择复诊、上级医生或其他专科',
});
export type ClinicBookingKind = z.infer<typeof clinicBookingKindSchema>;

export const clinicBookingBodySchema = z.strictObject({
  patient: patientDocumentSchema,
  slotId: scheduleIdSchema,
  kind: clinicBookingKindSchema,
});
export type ClinicBookingBody = z.infer<typeof clinicBookingBodySchema>;

// ── Referral booking (转诊预约) ────────────────────────────────────────────────────────────────

/** `POST /v1/referral-bookings`: an alliance doctor books a referred patient from the referral reserve. */
export const referralBookingBodySchema = z.strictObject({
  patient: patientDocumentSchema,
  slotId: scheduleIdSchema,
  reason: freeText({
    label: '转诊原因',
    max: 200,
    multiline: true,
    messages: { too_long: '转诊原因最多 200 字' },
  }),
});
export type ReferralBookingBody = z.infer<typeof referralBookingBodySchema>;

/** One referral as its doctor sees it: the patient named by surname only, the appointment's live status. */
export const referralBookingViewSchema = z.object({
  appointmentId: z.uuid(),
  patientNameMasked: z.string(),
  status: appointmentStatusSchema,
  date: dateSchema,
  period: clinicPeriodSchema,
  start: shanghaiTimestampSchema,
  end: shanghaiTimestampSchema,
  department: z.object({ id: z.string(), name: z.string() }),
  doctor: z.object({ id: z.string(), name: z.string(), title: doctorTitleSchema }),
  feeFen: z.number().int().nonnegative(),
  reason: z.string(),
  referringInstitutionId: z.string(),
  createdAt: shanghaiTimestampSchema,
});
export type ReferralBookingView = z.infer<typeof referralBookingViewSchema>;
export const referralBookingListResponseSchema = listOf(referralBookingViewSchema);

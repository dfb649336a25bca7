import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../domain/appointments/appointment-status';
import { daysBetween, isDateString } from '../domain/calendar/shanghai-time';
import { clinicPeriodSchema, doctorTitleSchema } from './catalogue.schema';
import { dateSchema, freeText, listOf, onceFieldsValid, shanghaiTimestampSchema } from './common.schema';

/** Session and slot ids are generated from doctor, date, period and start time. */
export const scheduleIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { message: '编号格式不正确' });

const calendarDate = dateSchema.refine(isDateString, { message: '日期不存在' });

/** The widest date range one `GET /v1/sessions` may ask for, both ends included. */
export const MAX_SESSION_RANGE_DAYS = 14;

/** `GET /v1/sessions` query: one department, a date range of at most 14 days. */
export const sessionsQuerySchema = z
  .strictObject({ departmentId: z.string().min(1).max(64), from: calendarDate, to: calendarDate })
  .refine((q) => q.from <= q.to, { ...onceFieldsValid, message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) < MAX_SESSION_RANGE_DAYS, {
    ...onceFieldsValid,
    message: `一次最多查询 ${MAX_SESSION_RANGE_DAYS} 天`,
    path: ['to'],
  });

export const sessionStatusSchema = z.enum(['open', 'suspended']);

export const slotViewSchema = z.object({
  id: scheduleIdSchema,
  start: shanghaiTimestampSchema,
  end: shanghaiTimestampSchema,
  capacityOnline: z.number().int().nonnegative(),
  remainingOnline: z.number().int().nonnegative(),
  /** Referral-reserve numbers left, bookable only by alliance doctors (Beijing art. 16–17). */
  remainingReferral: z.number().int().nonnegative(),
  feeFen: z.number().int().nonnegative(),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const sessionViewSchema = z.object({
  id: scheduleIdSchema,
  departmentId: z.string(),
  doctor: z.object({ id: z.string(), name: z.string(), title: doctorTitleSchema }),
  date: dateSchema,
  period: clinicPeriodSchema,
  status: sessionStatusSchema,
  slots: z.array(slotViewSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;
export const sessionListResponseSchema = listOf(sessionViewSchema);

/** `POST /v1/appointments` body. */
export const bookAppointmentBodySchema = z.strictObject({
  slotId: scheduleIdSchema,
  patientId: z.uuid({ message: '就诊人编号格式不正确' }),
});
export type BookAppointmentBody = z.infer<typeof bookAppointmentBodySchema>;

/** `POST /v1/appointments/{id}/cancel` body: nothing required, a short reason allowed. */
export const cancelAppointmentBodySchema = z.strictObject({
  reason: freeText({ label: '取消原因', max: 200, multiline: true }).optional(),
});

export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export const cancelReasonSchema = z.enum([
  'patient',
  'hold_expired',
  'session_suspended',
  /** Voided at the desk: the presented ID document was not the booked patient's (Beijing art. 20–21). */
  'identity_mismatch',
]);

/** What the patient is told on success (Beijing art. 15). */
export const bookingConfirmationSchema = z.object({
  slotTime: z.string(),
  department: z.string(),
  doctor: z.string(),
  howToCancel: z.string(),
  noShowPenalty: z.string(),
});

export const appointmentViewSchema = z.object({
  id: z.uuid(),
  slotId: scheduleIdSchema,
  sessionId: scheduleIdSchema,
  patientId: z.uuid(),
  patientName: z.string(),
  status: appointmentStatusSchema,
  feeFen: z.number().int().nonnegative(),
  holdExpiresAt: shanghaiTimestampSchema.optional(),
  date: dateSchema,
  period: clinicPeriodSchema,
  start: shanghaiTimestampSchema,
  end: shanghaiTimestampSchema,
  department: z.object({ id: z.string(), name: z.string() }),
  doctor: z.object({ id: z.string(), name: z.string(), title: doctorTitleSchema, titleLabel: z.string() }),
  confirmation: bookingConfirmationSchema,
  createdAt: shanghaiTimestampSchema,
  cancelledAt: shanghaiTimestampSchema.optional(),
  cancelReason: cancelReasonSchema.optional(),
  /** A paid booking was cancelled: the payment module refunds it. */
  refundRequired: z.boolean().optional(),
  /** The session was suspended (停诊): the offer's state; details at `GET /v1/appointments/{id}/suspension-offer`. */
  suspensionOffer: z
    .object({
      sessionId: scheduleIdSchema,
      state: z.enum(['offered', 'resolved', 'lapsed']),
      deadline: shanghaiTimestampSchema,
    })
    .optional(),
  /** Given at check-in: the patient's place in the session's queue. */
  queueNumber: z.number().int().positive().optional(),
  checkedInAt: shanghaiTimestampSchema.optional(),
  /** When the identity check at triage failed (Beijing art. 20–21). */
  voidedAt: shanghaiTimestampSchema.optional(),
  /** Outpatient staff undid this void (within its session): when, and the appointment that replaced it. */
  voidUndo: z.object({ at: shanghaiTimestampSchema, restoredAppointmentId: z.uuid() }).optional(),
  /** This appointment restores a voided one whose void staff undid. */
  restoredFromAppointmentId: z.uuid().optional(),
  /** Set while this number is a waitlist offer (候补), so the page can say so. */
  waitlistEntryId: z.uuid().optional(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;
export const appointmentListResponseSchema = listOf(appointmentViewSchema);

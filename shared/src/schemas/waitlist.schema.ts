import { z } from 'zod';
import { clinicPeriodSchema, doctorTitleSchema } from './catalogue.schema';
import { dateSchema, listOf, shanghaiTimestampSchema } from './common.schema';
import { scheduleIdSchema } from './appointment.schema';

/** `POST /v1/sessions/{id}/waitlist` body: which of the account's patients joins the queue. */
export const joinWaitlistBodySchema = z.strictObject({
  patientId: z.uuid({ message: '就诊人编号格式不正确' }),
});
export type JoinWaitlistBody = z.infer<typeof joinWaitlistBodySchema>;

/**
 * `waiting` in the queue; `offered` a released number is held for the patient (see
 * `appointmentId`); `cancelled` left by the patient; `skipped` passed over because the
 * patient could not take the number (limits, a no-show block, already booked);
 * `expired` the session closed for booking while still waiting.
 */
export const WAITLIST_STATUSES = ['waiting', 'offered', 'cancelled', 'skipped', 'expired'] as const;
export const waitlistStatusSchema = z.enum(WAITLIST_STATUSES);
export type WaitlistStatus = z.infer<typeof waitlistStatusSchema>;

export const waitlistEntryViewSchema = z.object({
  id: z.uuid(),
  sessionId: scheduleIdSchema,
  patientId: z.uuid(),
  patientName: z.string(),
  status: waitlistStatusSchema,
  /** 1 for the first to join the session's queue; later joins get larger numbers. */
  position: z.number().int().positive(),
  /** People still waiting ahead of this entry; only while `waiting`. */
  ahead: z.number().int().nonnegative().optional(),
  date: dateSchema,
  period: clinicPeriodSchema,
  department: z.object({ id: z.string(), name: z.string() }),
  doctor: z.object({ id: z.string(), name: z.string(), title: doctorTitleSchema }),
  /** The held number once offered: pay (or confirm a free one) before `offerExpiresAt`. */
  appointmentId: z.uuid().optional(),
  offerExpiresAt: shanghaiTimestampSchema.optional(),
  skipReason: z.string().optional(),
  createdAt: shanghaiTimestampSchema,
  updatedAt: shanghaiTimestampSchema,
});
export type WaitlistEntryView = z.infer<typeof waitlistEntryViewSchema>;
export const waitlistListResponseSchema = listOf(waitlistEntryViewSchema);

import { z } from 'zod';
import { daysBetween, isDateString } from '../domain/calendar/shanghai-time';
import { dateSchema, freeText, listOf, onceFieldsValid, shanghaiTimestampSchema } from './common.schema';

const calendarDate = dateSchema.refine(isDateString, { message: '日期不存在' });

/**
 * The payment contract (WeChat Pay JSAPI). A payment belongs to one subject: today an appointment's
 * registration fee; an outpatient bill (诊间支付) becomes a second `kind` of subject. Money is
 * always an integer number of fen.
 */

const fen = z.number().int().nonnegative();

/**
 * `created → paying → paid → (refunding → refunded)`; `created/paying → closed` when the hold ends
 * unpaid. A partly refunded payment is back at `paid` with `refundedFen > 0`.
 */
export const PAYMENT_STATUSES = ['created', 'paying', 'paid', 'closed', 'refunding', 'refunded'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** `requested` (ours, not yet accepted by WeChat) → `processing` → `succeeded` | `failed`. */
export const REFUND_STATUSES = ['requested', 'processing', 'succeeded', 'failed'] as const;
export const refundStatusSchema = z.enum(REFUND_STATUSES);
export type RefundStatusName = z.infer<typeof refundStatusSchema>;

/** Why money goes back. */
export const refundCauseSchema = z.enum([
  /** The patient cancelled a paid booking before the session ended (Beijing art. 19). */
  'appointment_cancelled',
  /** The payment landed after the hold had been released. */
  'hold_released',
  /** A member of staff refunded, with a written reason. */
  'staff',
  /** The patient asked back paid outpatient bill items that were never executed (bill.schema.ts). */
  'bill_items',
]);
export type RefundCause = z.infer<typeof refundCauseSchema>;

/** What is being paid for: an appointment's registration fee or an outpatient bill. */
export const paymentSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appointment'), appointmentId: z.uuid() }),
  /** An outpatient bill (诊间支付): the HIS items one payment covers (bill.schema.ts). */
  z.object({ kind: z.literal('bill'), billId: z.uuid() }),
]);
export type PaymentSubject = z.infer<typeof paymentSubjectSchema>;

/** Exactly what `Taro.requestPayment` / `wx.requestPayment` takes (plus `success`/`fail`). */
export const requestPaymentParamsSchema = z.object({
  timeStamp: z.string().regex(/^\d{10}$/),
  nonceStr: z.string().min(1).max(32),
  package: z.string().regex(/^prepay_id=\S+$/),
  signType: z.literal('RSA'),
  paySign: z.string().min(1),
});
export type RequestPaymentParams = z.infer<typeof requestPaymentParamsSchema>;

/**
 * `POST /v1/appointments/{id}/payment` body. `returnUrl` is for the H5 build in stage `local` only:
 * the sandbox's pay page sends the browser back there with `sandbox_pay=ok|cancel|fail`.
 */
export const createAppointmentPaymentBodySchema = z.strictObject({
  returnUrl: z
    .url({ protocol: /^https?$/, message: '返回地址须为 http(s) 链接' })
    .max(1024)
    .optional(),
});
export type CreateAppointmentPaymentBody = z.infer<typeof createAppointmentPaymentBodySchema>;

/**
 * `POST /v1/appointments/{id}/payment` answer. Asking again during the hold returns the same
 * `paymentId`/`outTradeNo` and prepay id (fresh `timeStamp`/`nonceStr`/`paySign`). In stage `local`
 * `sandboxPayUrl` is the sandbox's pay page: the H5 build navigates there instead of calling
 * `Taro.requestPayment` (appending `&return=<url>` itself if it sent no `returnUrl`).
 */
export const appointmentPaymentResponseSchema = z.object({
  paymentId: z.uuid(),
  outTradeNo: z.string(),
  amountFen: fen,
  holdExpiresAt: shanghaiTimestampSchema,
  requestPayment: requestPaymentParamsSchema,
  sandboxPayUrl: z.string().optional(),
});
export type AppointmentPaymentResponse = z.infer<typeof appointmentPaymentResponseSchema>;

/** One refund as the patient sees it. */
export const refundViewSchema = z.object({
  id: z.uuid(),
  outRefundNo: z.string(),
  amountFen: fen,
  status: refundStatusSchema,
  cause: refundCauseSchema,
  reason: z.string(),
  requestedAt: shanghaiTimestampSchema,
  succeededAt: shanghaiTimestampSchema.optional(),
  failedAt: shanghaiTimestampSchema.optional(),
});
export type RefundView = z.infer<typeof refundViewSchema>;

/**
 * A payment as the patient sees it: `GET /v1/appointments/{id}/payment` (404 `NOT_FOUND` before
 * the first `POST …/payment`). The appointment view itself is unchanged.
 */
export const paymentViewSchema = z.object({
  id: z.uuid(),
  outTradeNo: z.string(),
  subject: paymentSubjectSchema,
  description: z.string(),
  status: paymentStatusSchema,
  amountFen: fen,
  /** Refunds that succeeded. */
  refundedFen: fen,
  /** Refunds on their way. */
  refundingFen: fen,
  /** When WeChat stops taking the payment (the hold's end). */
  expiresAt: shanghaiTimestampSchema,
  createdAt: shanghaiTimestampSchema,
  paidAt: shanghaiTimestampSchema.optional(),
  closedAt: shanghaiTimestampSchema.optional(),
  /** WeChat's transaction id: the receipt number the patient can quote. */
  transactionId: z.string().optional(),
  refunds: z.array(refundViewSchema),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

/** Who did something to money, for the audit trail. */
export const paymentActorSchema = z.object({ accountId: z.string(), role: z.string() });

/** A staff refund as audited: who, when, why. */
export const staffRefundViewSchema = refundViewSchema.extend({
  paymentId: z.uuid(),
  requestedBy: paymentActorSchema.optional(),
});
export type StaffRefundView = z.infer<typeof staffRefundViewSchema>;

/** A payment in the staff list: the patient's view plus the account and any flagged problem. */
export const staffPaymentViewSchema = paymentViewSchema.extend({
  accountId: z.string(),
  refunds: z.array(staffRefundViewSchema),
  /** Set when something needs a person (an amount mismatch, a refund WeChat refused). */
  issue: z.string().optional(),
});
export type StaffPaymentView = z.infer<typeof staffPaymentViewSchema>;

/** `GET /v1/payments?date=`: payments created that day (Shanghai), newest first. */
export const listPaymentsQuerySchema = z.strictObject({
  date: calendarDate,
  status: paymentStatusSchema.optional(),
});
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuerySchema>;
export const staffPaymentListResponseSchema = listOf(staffPaymentViewSchema);

/** `POST /v1/payments/{id}/refunds` (staff): a reason is required; the amount defaults to all that is left. */
export const staffRefundBodySchema = z.strictObject({
  reason: freeText({ label: '退款原因', min: 2, max: 80 }),
  amountFen: z
    .number()
    .int({ message: '金额须为整数（分）' })
    .positive({ message: '金额须大于 0' })
    .optional(),
});
export type StaffRefundBody = z.infer<typeof staffRefundBodySchema>;

/** Something about money that needs a person: a notification whose amount did not match, a refused refund. */
export const paymentIssueKindSchema = z.enum([
  'amount_mismatch',
  'refund_failed',
  'unknown_order',
  'his_rejected',
]);
export const paymentIssueViewSchema = z.object({
  id: z.string(),
  kind: paymentIssueKindSchema,
  paymentId: z.string().optional(),
  outTradeNo: z.string(),
  transactionId: z.string().optional(),
  expectedFen: fen.optional(),
  reportedFen: fen.optional(),
  detail: z.string(),
  at: shanghaiTimestampSchema,
  /** Set once staff resolved it: an amount mismatch refunded in full (the amount WeChat reported). */
  resolution: z
    .object({
      refundId: z.uuid(),
      amountFen: fen,
      refundStatus: refundStatusSchema,
      reason: z.string(),
      byAccountId: z.string(),
      at: shanghaiTimestampSchema,
    })
    .optional(),
});
export type PaymentIssueView = z.infer<typeof paymentIssueViewSchema>;
export const paymentIssueListResponseSchema = listOf(paymentIssueViewSchema);

/** `POST /v1/payment-issues/{id}/refund` (staff): an amount mismatch refunded in full, with a reason. */
export const paymentIssueRefundBodySchema = z.strictObject({
  reason: freeText({ label: '退款原因', min: 2, max: 80 }),
});
export type PaymentIssueRefundBody = z.infer<typeof paymentIssueRefundBodySchema>;

/** One line of a daily statement: money in (a payment) or out (a refund), at the moment it settled. */
export const statementLineSchema = z.object({
  kind: z.enum(['payment', 'refund']),
  at: shanghaiTimestampSchema,
  paymentId: z.uuid(),
  outTradeNo: z.string(),
  transactionId: z.string(),
  refundId: z.uuid().optional(),
  outRefundNo: z.string().optional(),
  amountFen: fen,
  description: z.string(),
});
export type StatementLine = z.infer<typeof statementLineSchema>;

/** Totals of one day. `netFen = paymentsFen − refundsFen`. */
export const statementSummarySchema = z.object({
  date: dateSchema,
  paymentCount: z.number().int().nonnegative(),
  paymentsFen: fen,
  refundCount: z.number().int().nonnegative(),
  refundsFen: fen,
  netFen: z.number().int(),
});
export type StatementSummary = z.infer<typeof statementSummarySchema>;

/** `GET /v1/payment-statements/{date}`: the day's totals and lines, oldest first. */
export const statementSchema = statementSummarySchema.extend({ lines: z.array(statementLineSchema) });
export type Statement = z.infer<typeof statementSchema>;

/** The longest range `GET /v1/payment-statements?from=&to=` lists. */
export const MAX_STATEMENT_RANGE_DAYS = 31;

/**
 * `GET /v1/payment-statements?from=&to=`: one summary per day, at most 31 days.
 * `GET /v1/payment-statements/{date}/csv` downloads the day as `text/csv` (UTF-8 with BOM).
 */
export const listStatementsQuerySchema = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine((q) => q.from <= q.to, { ...onceFieldsValid, message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) < MAX_STATEMENT_RANGE_DAYS, {
    ...onceFieldsValid,
    message: `一次最多查询 ${MAX_STATEMENT_RANGE_DAYS} 天`,
    path: ['to'],
  });
export type ListStatementsQuery = z.infer<typeof listStatementsQuerySchema>;
export const statementListResponseSchema = listOf(statementSummarySchema);

import { z } from 'zod';
import { dateSchema, freeText, shanghaiTimestampSchema } from './common.schema';
import { refundViewSchema, requestPaymentParamsSchema } from './payment.schema';

/**
 * Outpatient bill payment (诊间支付, domain §3): after a visit the hospital information system (HIS)
 * holds the doctor's orders (exams, drugs, treatments); the patient pays all or some of their items
 * from the phone, and may have paid items that were never executed refunded. Amounts are integer
 * fen and always come from the HIS, never from the client.
 */

const fen = z.number().int().nonnegative();

/** HIS order and item numbers are the hospital's, not ours: short and URL-safe. */
export const hisIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '项目编号格式不正确' });

/** The most items one payment or refund may cover (one DynamoDB transaction holds them all). */
export const MAX_BILL_ITEMS = 40;

export const HIS_ITEM_KINDS = ['exam', 'drug', 'treatment'] as const;
export const hisItemKindSchema = z.enum(HIS_ITEM_KINDS);
export type HisItemKind = z.infer<typeof hisItemKindSchema>;

/**
 * An item as the patient sees it: `unpaid`; `paying` while a payment for it is open; `paid`;
 * `refunded` once the HIS has withdrawn it for a refund.
 */
export const BILL_ITEM_STATUSES = ['unpaid', 'paying', 'paid', 'refunded'] as const;
export const billItemStatusSchema = z.enum(BILL_ITEM_STATUSES);
export type BillItemStatus = z.infer<typeof billItemStatusSchema>;

export const billItemViewSchema = z.object({
  id: hisIdSchema,
  code: z.string(),
  name: z.string(),
  kind: hisItemKindSchema,
  quantity: z.number().int().positive(),
  unit: z.string(),
  unitPriceFen: fen,
  lineTotalFen: fen,
  /** The exam was done, the drug dispensed, the treatment given: such an item cannot be refunded. */
  executed: z.boolean(),
  status: billItemStatusSchema,
  /** The payment that paid (or is paying) for it. */
  paymentId: z.uuid().optional(),
});
export type BillItemView = z.infer<typeof billItemViewSchema>;

/** One doctor's order (处方/申请单) of one visit. */
export const billOrderViewSchema = z.object({
  id: hisIdSchema,
  appointmentId: z.uuid(),
  date: dateSchema,
  departmentId: z.string(),
  departmentName: z.string(),
  doctorId: z.string(),
  doctorName: z.string(),
  orderedAt: shanghaiTimestampSchema,
  items: z.array(billItemViewSchema),
  /** The sum of the listed items' line totals. */
  totalFen: fen,
});
export type BillOrderView = z.infer<typeof billOrderViewSchema>;

/**
 * `GET /v1/patients/{id}/bills`: the patient's orders, split by item: `unpaid` holds the orders'
 * unpaid and paying items, `paid` their paid and refunded items (an order may appear in both).
 */
export const billListResponseSchema = z.object({
  unpaid: z.array(billOrderViewSchema),
  paid: z.array(billOrderViewSchema),
  /** What paying every unpaid item would cost. */
  unpaidTotalFen: fen,
});
export type BillListResponse = z.infer<typeof billListResponseSchema>;

const itemIdsSchema = z
  .array(hisIdSchema)
  .min(1, { message: '请至少选择一个项目' })
  .max(MAX_BILL_ITEMS, { message: `一次最多选择 ${MAX_BILL_ITEMS} 个项目` })
  .refine((ids) => new Set(ids).size === ids.length, { message: '项目不能重复选择' });

/**
 * `POST /v1/bills/payment`: pay the chosen unpaid items, or every unpaid item when `itemIds` is left
 * out. There is deliberately no amount: the server prices the items from the HIS. `returnUrl` is for
 * the H5 build in stage `local`, as for the registration payment.
 */
export const createBillPaymentBodySchema = z.strictObject({
  patientId: z.uuid(),
  itemIds: itemIdsSchema.optional(),
  returnUrl: z
    .url({ protocol: /^https?$/, message: '返回地址须为 http(s) 链接' })
    .max(1024)
    .optional(),
});
export type CreateBillPaymentBody = z.infer<typeof createBillPaymentBodySchema>;

/** One line of a bill payment, priced from the HIS when the payment was created. */
export const billLineSchema = z.object({
  itemId: hisIdSchema,
  orderId: hisIdSchema,
  appointmentId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: hisItemKindSchema,
  quantity: z.number().int().positive(),
  unit: z.string(),
  unitPriceFen: fen,
  lineTotalFen: fen,
});
export type BillLine = z.infer<typeof billLineSchema>;

/**
 * `POST /v1/bills/payment` answer: the same `requestPayment` parameters as the registration payment.
 * Asking again for exactly the same items while the payment is open returns the same payment.
 */
export const billPaymentResponseSchema = z.object({
  billId: z.uuid(),
  paymentId: z.uuid(),
  outTradeNo: z.string(),
  amountFen: fen,
  holdExpiresAt: shanghaiTimestampSchema,
  lines: z.array(billLineSchema),
  requestPayment: requestPaymentParamsSchema,
  sandboxPayUrl: z.string().optional(),
});
export type BillPaymentResponse = z.infer<typeof billPaymentResponseSchema>;

/** `POST /v1/bills/refunds`: refund paid items that were not executed; the amount is their line totals. */
export const billRefundBodySchema = z.strictObject({
  paymentId: z.uuid(),
  itemIds: itemIdsSchema,
  reason: freeText({ label: '退款原因', min: 2, max: 80 }),
});
export type BillRefundBody = z.infer<typeof billRefundBodySchema>;

export const billRefundResponseSchema = z.object({
  paymentId: z.uuid(),
  itemIds: z.array(hisIdSchema),
  amountFen: fen,
  refund: refundViewSchema,
});
export type BillRefundResponse = z.infer<typeof billRefundResponseSchema>;

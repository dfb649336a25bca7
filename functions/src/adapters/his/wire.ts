import { z } from 'zod';
import { hisItemKindSchema } from '@jiuyi/shared';

/**
 * The HIS integration API on the wire (JSON over HTTPS, every request HMAC-signed). The hospital's
 * integration engine implements it in front of its HIS; `fake-his-server.ts` implements it locally.
 * Every write is idempotent by our payment or refund id, so a retried request is always safe.
 */
export const HIS_PATHS = {
  queryOrders: '/orders/query',
  payments: '/payments',
  refunds: '/refunds',
  executed: '/items/executed',
} as const;

export const HIS_SIGNATURE_HEADERS = {
  timestamp: 'x-his-timestamp',
  nonce: 'x-his-nonce',
  signature: 'x-his-signature',
} as const;

const fen = z.number().int().nonnegative();

export const hisItemWireSchema = z.object({
  id: z.string().min(1),
  code: z.string(),
  name: z.string(),
  kind: hisItemKindSchema,
  quantity: z.number(),
  unit: z.string(),
  unitPriceFen: z.number(),
  lineTotalFen: z.number(),
  executed: z.boolean(),
  paidByPaymentId: z.string().optional(),
  refundedByRefundId: z.string().optional(),
});

export const hisVisitWireSchema = z.object({
  appointmentId: z.string(),
  patientId: z.string(),
  date: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  doctorId: z.string(),
  doctorName: z.string(),
  start: z.string(),
});

/** An order carries the fields of the visit it was made in (but for its start). */
export const hisOrderWireSchema = hisVisitWireSchema.omit({ start: true }).extend({
  id: z.string().min(1),
  orderedAt: z.string(),
  items: z.array(hisItemWireSchema),
});

export const queryOrdersRequestSchema = z.object({
  patientId: z.string(),
  visits: z.array(hisVisitWireSchema),
});
export const queryOrdersResponseSchema = z.object({ orders: z.array(hisOrderWireSchema) });

export const paidRequestSchema = z.object({
  patientId: z.string(),
  paymentId: z.string(),
  transactionId: z.string(),
  itemIds: z.array(z.string()).min(1),
  totalFen: fen,
  paidAt: z.string(),
});
export const refundRequestSchema = z.object({
  patientId: z.string(),
  paymentId: z.string(),
  refundId: z.string(),
  itemIds: z.array(z.string()).min(1),
  totalFen: fen,
  at: z.string(),
});
export const writeResponseSchema = z.object({ result: z.literal('applied') });

export const executedRequestSchema = z.object({ patientId: z.string(), itemIds: z.array(z.string()) });
export const executedResponseSchema = z.object({ executed: z.record(z.string(), z.boolean()) });

export const hisErrorWireSchema = z.object({
  code: z.string(),
  message: z.string(),
  itemIds: z.array(z.string()).optional(),
});

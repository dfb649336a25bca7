import { z } from 'zod';
import type { OrderStatus, RefundResult } from '../../ports/payment-gateway';

/**
 * WeChat Pay's JSON shapes (snake_case, amounts in fen) and their mapping to the port's types.
 * Only the fields we use are declared; zod drops the rest, so new WeChat fields never break us.
 */

export const tradeStateSchema = z.enum([
  'SUCCESS',
  'NOTPAY',
  'CLOSED',
  'REFUND',
  'USERPAYING',
  'PAYERROR',
  'REVOKED',
]);
export const refundStatusSchema = z.enum(['SUCCESS', 'PROCESSING', 'ABNORMAL', 'CLOSED']);

const fen = z.number().int().nonnegative();

export const transactionWireSchema = z.object({
  appid: z.string().optional(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: tradeStateSchema,
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z
    .object({ total: fen.optional(), payer_total: fen.optional(), currency: z.string().optional() })
    .optional(),
});
export type TransactionWire = z.infer<typeof transactionWireSchema>;

export const refundWireSchema = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string(),
  out_trade_no: z.string(),
  status: refundStatusSchema,
  success_time: z.string().optional(),
  create_time: z.string().optional(),
  amount: z.object({ total: fen, refund: fen, payer_total: fen.optional(), payer_refund: fen.optional() }),
});
export type RefundWire = z.infer<typeof refundWireSchema>;

/** The decrypted resource of a REFUND.* notification (it says `refund_status`, not `status`). */
export const refundNotificationResourceSchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: refundStatusSchema,
  success_time: z.string().optional(),
  amount: z.object({ total: fen, refund: fen, payer_total: fen.optional(), payer_refund: fen.optional() }),
});

export const notificationEnvelopeSchema = z.object({
  id: z.string(),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.string().optional(),
  summary: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});

/** `GET /v3/certificates`: each platform certificate AES-256-GCM encrypted with the APIv3 key. */
export const certificatesWireSchema = z.object({
  data: z.array(
    z.object({
      serial_no: z.string().regex(/^[0-9A-Fa-f]{1,64}$/),
      effective_time: z.string(),
      expire_time: z.string(),
      encrypt_certificate: z.object({
        algorithm: z.string(),
        nonce: z.string(),
        associated_data: z.string(),
        ciphertext: z.string(),
      }),
    }),
  ),
});
export type CertificatesWire = z.infer<typeof certificatesWireSchema>;

export const errorWireSchema = z.object({ code: z.string(), message: z.string().optional() });

export const prepayWireSchema = z.object({ prepay_id: z.string().min(1) });

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** RFC 3339 in Beijing time, to the second, as WeChat expects `time_expire`: `2025-03-01T10:15:00+08:00`. */
export function toBeijingRfc3339(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Parses WeChat's RFC 3339 times; an unparsable one is treated as absent rather than as a wrong date. */
export function parseWechatTime(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** A queried transaction in the port's terms. */
export function toOrderStatus(wire: TransactionWire): OrderStatus {
  return {
    outTradeNo: wire.out_trade_no,
    tradeState: wire.trade_state,
    ...(wire.transaction_id ? { transactionId: wire.transaction_id } : {}),
    ...(wire.amount?.total !== undefined ? { amountFen: wire.amount.total } : {}),
    ...(wire.amount?.payer_total !== undefined ? { payerTotalFen: wire.amount.payer_total } : {}),
    ...(parseWechatTime(wire.success_time) ? { successTime: parseWechatTime(wire.success_time) } : {}),
    ...(wire.payer?.openid ? { payerOpenid: wire.payer.openid } : {}),
  };
}

/** A refund in the port's terms. */
export function toRefundResult(wire: RefundWire): RefundResult {
  const successTime = parseWechatTime(wire.success_time);
  return {
    refundId: wire.refund_id,
    outRefundNo: wire.out_refund_no,
    outTradeNo: wire.out_trade_no,
    transactionId: wire.transaction_id,
    status: wire.status,
    refundFen: wire.amount.refund,
    totalFen: wire.amount.total,
    ...(successTime ? { successTime } : {}),
  };
}

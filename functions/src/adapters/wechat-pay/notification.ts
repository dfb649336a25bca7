import type { z } from 'zod';
import {
  NotificationVerificationError,
  type PaymentNotification,
  type RawNotification,
} from '../../ports/payment-gateway';
import { decryptResource } from './aes-gcm';
import type { WechatpayVerifier } from './verifier';
import {
  notificationEnvelopeSchema,
  parseWechatTime,
  refundNotificationResourceSchema,
  transactionWireSchema,
} from './wire';

export interface NotificationKeys {
  /** Picks the public key or the platform certificate by `Wechatpay-Serial`. */
  verifier: WechatpayVerifier;
  apiV3Key: string;
  /** Our merchant id: a notification about another merchant's money is rejected even if well signed. */
  mchId: string;
}

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotificationVerificationError('MALFORMED', `${what} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new NotificationVerificationError('MALFORMED', `${what}: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Verifies, decrypts and types one WeChat Pay notification (TRANSACTION.* or REFUND.*).
 * Steps: 1. signature (by the key `Wechatpay-Serial` names) and 5-minute timestamp window;
 * 2. envelope shape; 3. AES-256-GCM
 * decryption with the APIv3 key; 4. resource shape and merchant id. Throws
 * `NotificationVerificationError` at the first failure.
 */
export async function parseWechatPayNotification(
  raw: RawNotification,
  now: Date,
  keys: NotificationKeys,
): Promise<PaymentNotification> {
  await keys.verifier.verify(raw, now);
  const envelope = parseJson(raw.body, notificationEnvelopeSchema, 'notification body');
  const plaintext = decryptResource(envelope.resource, keys.apiV3Key);
  const base = {
    eventId: envelope.id,
    eventType: envelope.event_type,
    createTime: parseWechatTime(envelope.create_time) ?? now,
  };
  if (envelope.event_type.startsWith('TRANSACTION.')) {
    const tx = parseJson(plaintext, transactionWireSchema, 'transaction resource');
    if (tx.mchid !== keys.mchId)
      throw new NotificationVerificationError('MALFORMED', `foreign merchant ${tx.mchid}`);
    if (!tx.transaction_id || tx.amount?.total === undefined) {
      throw new NotificationVerificationError('MALFORMED', 'transaction without transaction_id or amount');
    }
    const successTime = parseWechatTime(tx.success_time);
    return {
      ...base,
      kind: 'transaction',
      outTradeNo: tx.out_trade_no,
      transactionId: tx.transaction_id,
      tradeState: tx.trade_state,
      amountFen: tx.amount.total,
      payerTotalFen: tx.amount.payer_total ?? tx.amount.total,
      ...(tx.payer?.openid ? { payerOpenid: tx.payer.openid } : {}),
      ...(successTime ? { successTime } : {}),
    };
  }
  if (envelope.event_type.startsWith('REFUND.')) {
    const refund = parseJson(plaintext, refundNotificationResourceSchema, 'refund resource');
    if (refund.mchid !== keys.mchId) {
      throw new NotificationVerificationError('MALFORMED', `foreign merchant ${refund.mchid}`);
    }
    const successTime = parseWechatTime(refund.success_time);
    return {
      ...base,
      kind: 'refund',
      outTradeNo: refund.out_trade_no,
      transactionId: refund.transaction_id,
      outRefundNo: refund.out_refund_no,
      refundId: refund.refund_id,
      status: refund.refund_status,
      refundFen: refund.amount.refund,
      totalFen: refund.amount.total,
      ...(successTime ? { successTime } : {}),
    };
  }
  throw new NotificationVerificationError('MALFORMED', `unknown event type ${envelope.event_type}`);
}

import {
  NotificationVerificationError,
  type PaymentNotification,
  type RawNotification,
  type RefundNotification,
} from '../../ports/payment-gateway';
import { toShanghaiIso } from '@jiuyi/shared';
import { applyOrderFacts } from './confirm-payment';
import type { PaymentPorts } from './payment-ports';
import { expandId } from './payment-numbers';
import { applyRefundFacts } from './refunds';

export type NotificationResult =
  | { accepted: true; kind: PaymentNotification['kind']; outcome: string }
  | { accepted: false; reason: NotificationVerificationError['reason'] };

async function applyRefundNotification(
  ports: PaymentPorts,
  n: RefundNotification,
  now: Date,
): Promise<string> {
  const paymentId = expandId(n.outTradeNo);
  const refundId = expandId(n.outRefundNo);
  const refund = paymentId && refundId ? await ports.payments.getRefund(paymentId, refundId) : undefined;
  if (!refund) {
    await ports.payments.flagIssue({
      id: `unknown_order-${n.outTradeNo}-${n.outRefundNo}`,
      kind: 'unknown_order',
      outTradeNo: n.outTradeNo,
      transactionId: n.transactionId,
      reportedFen: n.refundFen,
      detail: `收到未知退款单 ${n.outRefundNo} 的退款通知`,
      at: toShanghaiIso(now),
    });
    return 'unknown';
  }
  await applyRefundFacts(
    ports,
    refund,
    {
      status: n.status,
      wechatRefundId: n.refundId,
      transactionId: n.transactionId,
      ...(n.successTime ? { successTime: n.successTime } : {}),
    },
    now,
  );
  return n.status.toLowerCase();
}

/**
 * `POST /v1/payments/wechat/notify`.
 * 1. Verify the signature (WeChat Pay public key or platform certificate, as `Wechatpay-Serial`
 *    names it) and the 5-minute timestamp window, decrypt (AES-256-GCM): any failure → not
 *    accepted, nothing read, nothing changed. Certificates that cannot be downloaded now are a
 *    thrown transient error instead: the caller answers 5xx and WeChat sends the notification again.
 * 2. TRANSACTION.* → the order is applied once (amount checked, booked or refunded).
 * 3. REFUND.* → the refund settles or fails once.
 * Duplicates and reordering are harmless: every write is conditioned on the prior state.
 */
export async function handleWechatNotification(
  ports: PaymentPorts,
  raw: RawNotification,
  now: Date,
): Promise<NotificationResult> {
  let notification: PaymentNotification;
  try {
    notification = await ports.gateway.parseNotification(raw, now);
  } catch (error) {
    if (error instanceof NotificationVerificationError) return { accepted: false, reason: error.reason };
    throw error;
  }
  if (notification.kind === 'refund') {
    return {
      accepted: true,
      kind: 'refund',
      outcome: await applyRefundNotification(ports, notification, now),
    };
  }
  const outcome = await applyOrderFacts(
    ports,
    {
      outTradeNo: notification.outTradeNo,
      tradeState: notification.tradeState,
      transactionId: notification.transactionId,
      amountFen: notification.amountFen,
      ...(notification.successTime ? { successTime: notification.successTime } : {}),
    },
    now,
  );
  return { accepted: true, kind: 'transaction', outcome };
}

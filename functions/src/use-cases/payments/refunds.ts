import { toShanghaiIso, truncateText } from '@jiuyi/shared';
import { WechatPayError, type RefundResult } from '../../ports/payment-gateway';
import type { RefundRecord } from '../../ports/payment-store';
import { logger } from '../../http/logger';
import { refundedMessage } from './payment-messages';
import type { PaymentPorts } from './payment-ports';
import { checkAfter, orderTotalFen } from './payment-records';

/** Waits before each retry of a transient refund failure; after these the reconciliation takes over. */
const RETRY_DELAYS_MS = [100, 400];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What WeChat says about a refund, from an answer, a query or a notification. */
export interface RefundFacts {
  status: RefundResult['status'];
  wechatRefundId: string;
  transactionId: string;
  successTime?: Date;
}

/**
 * Applies WeChat's word on a refund: SUCCESS settles it (ledger, sums, message), PROCESSING marks
 * it accepted, ABNORMAL/CLOSED fails it and flags it for staff. Every step is conditional, so a
 * repeated or late answer changes nothing.
 */
export async function applyRefundFacts(
  ports: PaymentPorts,
  refund: RefundRecord,
  facts: RefundFacts,
  now: Date,
): Promise<void> {
  const at = toShanghaiIso(now);
  if (refund.status === 'succeeded' || refund.status === 'failed') return;
  if (facts.status === 'SUCCESS') {
    const payment = await ports.payments.get(refund.paymentId);
    if (!payment) throw new Error(`payment ${refund.paymentId} not found`);
    await ports.payments.completeRefund(
      refund,
      {
        wechatRefundId: facts.wechatRefundId,
        succeededAt: toShanghaiIso(facts.successTime ?? now),
        transactionId: facts.transactionId,
      },
      [refundedMessage(payment, refund, now)],
    );
    return;
  }
  if (facts.status === 'PROCESSING') {
    if (refund.status === 'requested')
      await ports.payments.markRefundProcessing(refund, facts.wechatRefundId, at);
    return;
  }
  await ports.payments.failRefund(refund, `微信支付退款状态 ${facts.status}`, at);
}

/**
 * Asks WeChat to refund (idempotent by our refund number): transient failures are retried a
 * couple of times, then left to the reconciliation; a refusal fails the refund and flags it.
 */
export async function executeRefund(ports: PaymentPorts, refund: RefundRecord, now: Date): Promise<void> {
  const payment = await ports.payments.get(refund.paymentId);
  if (!payment) throw new Error(`payment ${refund.paymentId} not found`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await ports.gateway.refund({
        outTradeNo: payment.outTradeNo,
        outRefundNo: refund.outRefundNo,
        refundFen: refund.amountFen,
        // WeChat requires the order's real total: what it collected, even when that was not the fee.
        totalFen: orderTotalFen(payment),
        reason: truncateText(refund.reason, 80),
        notifyUrl: ports.settings.notifyUrl,
      });
      const current = (await ports.payments.getRefund(refund.paymentId, refund.id)) ?? refund;
      await applyRefundFacts(
        ports,
        current,
        {
          status: result.status,
          wechatRefundId: result.refundId,
          transactionId: result.transactionId,
          ...(result.successTime ? { successTime: result.successTime } : {}),
        },
        now,
      );
      return;
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      const delay = RETRY_DELAYS_MS[attempt];
      if (error.transient && delay !== undefined) {
        await sleep(delay);
        continue;
      }
      if (error.transient) {
        logger.warn('refund deferred to reconciliation', { refundId: refund.id, code: error.code });
        await ports.payments.deferCheck(
          { paymentId: refund.paymentId, refundId: refund.id },
          checkAfter(now),
        );
        return;
      }
      logger.error('refund refused by WeChat Pay', { refundId: refund.id, code: error.code });
      await ports.payments.failRefund(refund, `微信支付拒绝退款：${error.code}`, toShanghaiIso(now));
      return;
    }
  }
}

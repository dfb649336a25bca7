import { toShanghaiIso } from '@jiuyi/shared';
import type { TradeState } from '../../ports/payment-gateway';
import type { PaymentRecord } from '../../ports/payment-store';
import { logger } from '../../http/logger';
import { paidAfterReleaseMessage, paidMessage } from './payment-messages';
import type { PaymentPorts } from './payment-ports';
import { newRefund } from './payment-records';
import { expandId } from './payment-numbers';
import { executeRefund } from './refunds';
import { applyBillPaid, writeBackPaidBill } from '../bills/confirm-bill-payment';

/** What WeChat says about an order, from a notification or a query. */
export interface OrderFacts {
  outTradeNo: string;
  tradeState: TradeState;
  transactionId?: string;
  amountFen?: number;
  successTime?: Date;
}

export type OrderOutcome = 'booked' | 'refunding' | 'duplicate' | 'flagged' | 'unpaid' | 'unknown';

const MAX_ATTEMPTS = 5;

/**
 * Applies a paid order exactly once.
 * 1. Unknown order number → flagged for staff; not paid → nothing.
 * 2. The amount must be the payment's amount; otherwise nothing is confirmed and staff are told.
 * 3. Subject still held → one transaction: payment paid, appointment booked, hold removed, ledger, message.
 * 4. Subject already released → one transaction: payment paid and a full refund started, patient told;
 *    then the refund is sent to WeChat.
 * 5. Already applied with this transaction id → nothing (a duplicate notification).
 */
export async function applyOrderFacts(
  ports: PaymentPorts,
  order: OrderFacts,
  now: Date,
): Promise<OrderOutcome> {
  const paymentId = expandId(order.outTradeNo);
  let payment = paymentId ? await ports.payments.get(paymentId) : undefined;
  const at = toShanghaiIso(now);
  const paidState = order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND';
  if (!payment) {
    if (paidState) {
      await ports.payments.flagIssue({
        id: `unknown_order-${order.outTradeNo}-${order.transactionId ?? ''}`,
        kind: 'unknown_order',
        outTradeNo: order.outTradeNo,
        ...(order.transactionId ? { transactionId: order.transactionId } : {}),
        ...(order.amountFen !== undefined ? { reportedFen: order.amountFen } : {}),
        detail: '收到未知商户订单号的支付',
        at,
      });
    }
    return 'unknown';
  }
  if (!paidState || !order.transactionId) return 'unpaid';
  if (order.amountFen !== payment.amountFen) {
    await ports.payments.flagIssue({
      id: `amount_mismatch-${payment.id}-${order.transactionId}`,
      kind: 'amount_mismatch',
      paymentId: payment.id,
      outTradeNo: payment.outTradeNo,
      transactionId: order.transactionId,
      expectedFen: payment.amountFen,
      ...(order.amountFen !== undefined ? { reportedFen: order.amountFen } : {}),
      ...(order.successTime ? { paidAt: toShanghaiIso(order.successTime) } : {}),
      detail: `支付金额 ${order.amountFen ?? '未知'} 分与应付 ${payment.amountFen} 分不符，未确认`,
      at,
    });
    return 'flagged';
  }
  const paid = {
    transactionId: order.transactionId,
    paidAt: toShanghaiIso(order.successTime ?? now),
    at,
  };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && payment; attempt += 1) {
    if (payment.transactionId) {
      // A bill whose HIS write-back failed last time completes it on the repeat.
      await writeBackPaidBill(ports, payment, now);
      return 'duplicate';
    }
    const outcome = await applyOnce(ports, payment, paid, now);
    if (outcome !== 'moved') return outcome;
    payment = await ports.payments.get(payment.id);
  }
  throw new Error(`payment ${paymentId} could not be confirmed: it kept changing`);
}

async function applyOnce(
  ports: PaymentPorts,
  payment: PaymentRecord,
  paid: { transactionId: string; paidAt: string; at: string },
  now: Date,
): Promise<OrderOutcome | 'moved'> {
  if (payment.subject.kind === 'bill') return applyBillPaid(ports, payment, paid, now);
  const appointment = await ports.appointments.get(payment.accountId, payment.subject.appointmentId);
  if (appointment?.status === 'pending_payment') {
    const outcome = await ports.payments.confirmAppointmentPaid(payment, appointment, paid, [
      paidMessage(payment, appointment, now),
    ]);
    if (outcome.kind === 'booked') {
      logger.info('payment confirmed', { paymentId: payment.id });
      return 'booked';
    }
    return outcome.kind === 'duplicate' ? 'duplicate' : 'moved';
  }
  const refund = newRefund(
    payment,
    { amountFen: payment.amountFen, cause: 'hold_released', reason: '支付到账时号源已释放' },
    now,
  );
  const outcome = await ports.payments.confirmPaidForRefund(payment, paid, refund, [
    paidAfterReleaseMessage(payment, now),
  ]);
  if (outcome.kind === 'refund_required') {
    logger.warn('payment after release: refunding in full', { paymentId: payment.id });
    await executeRefund(ports, outcome.refund, now);
    return 'refunding';
  }
  return outcome.kind === 'duplicate' ? 'duplicate' : 'moved';
}

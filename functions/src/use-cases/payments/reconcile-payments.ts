import { toShanghaiIso } from '@jiuyi/shared';
import { WechatPayError } from '../../ports/payment-gateway';
import type { PaymentRecord, RefundRecord } from '../../ports/payment-store';
import { logger } from '../../http/logger';
import { closeUnpaidPayment } from './close-unpaid-payment';
import { applyOrderFacts } from './confirm-payment';
import type { PaymentPorts } from './payment-ports';
import { checkAfter } from './payment-records';
import { refundReleasedAppointment } from './patient-payments';
import { applyRefundFacts, executeRefund } from './refunds';

const BATCH = 100;

export interface ReconcileReport {
  payments: Record<string, number>;
  refunds: Record<string, number>;
  /** Cancelled paid bookings whose refund had not been started. */
  refundsDue: Record<string, number>;
}

async function reconcilePayment(ports: PaymentPorts, payment: PaymentRecord, now: Date): Promise<string> {
  const expired = new Date(payment.expiresAt).getTime() <= now.getTime();
  const subject = payment.subject;
  const released =
    subject.kind === 'bill'
      ? (await ports.bills.get(subject.billId))?.status !== 'pending'
      : (await ports.appointments.get(payment.accountId, subject.appointmentId))?.status !==
        'pending_payment';
  try {
    const order = await ports.gateway.queryOrder(payment.outTradeNo);
    if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND')
      return applyOrderFacts(ports, order, now);
    if (order.tradeState === 'CLOSED') {
      await ports.payments.markClosed(payment, toShanghaiIso(now));
      return 'closed';
    }
  } catch (error) {
    if (!(error instanceof WechatPayError) || error.code !== 'ORDER_NOT_EXIST') throw error;
  }
  if (expired || released) return closeUnpaidPayment(ports, payment, now);
  await ports.payments.deferCheck({ paymentId: payment.id }, checkAfter(now));
  return 'waiting';
}

async function reconcileRefund(ports: PaymentPorts, refund: RefundRecord, now: Date): Promise<string> {
  if (refund.status === 'requested') {
    await executeRefund(ports, refund, now);
    return 'sent';
  }
  const result = await ports.gateway.queryRefund(refund.outRefundNo);
  await applyRefundFacts(
    ports,
    refund,
    {
      status: result.status,
      wechatRefundId: result.refundId,
      transactionId: result.transactionId,
      ...(result.successTime ? { successTime: result.successTime } : {}),
    },
    now,
  );
  if (result.status === 'PROCESSING')
    await ports.payments.deferCheck({ paymentId: refund.paymentId, refundId: refund.id }, checkAfter(now));
  return result.status.toLowerCase();
}

function count(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/**
 * The scheduled reconciliation (every few minutes): WeChat's notifications may be lost or late.
 * 1. Payments still `created`/`paying` past their next check: query the order; paid → applied as
 *    a notification would be; closed → closed; unpaid past the hold (or hold released) → closed.
 * 2. Refunds still `requested` are sent again (idempotent by refund number); `processing` ones
 *    are queried and settled.
 * 3. Paid bookings cancelled elsewhere (a suspension) or whose refund never started are refunded.
 * A failure on one item defers it and never stops the others.
 */
export async function reconcilePayments(ports: PaymentPorts, now: Date): Promise<ReconcileReport> {
  const report: ReconcileReport = { payments: {}, refunds: {}, refundsDue: {} };
  const nowIso = toShanghaiIso(now);
  for (const payment of await ports.payments.listPendingPayments(nowIso, BATCH)) {
    try {
      count(report.payments, await reconcilePayment(ports, payment, now));
    } catch (error) {
      logger.warn('payment reconciliation failed', {
        paymentId: payment.id,
        error: (error as Error).message,
      });
      await ports.payments.deferCheck({ paymentId: payment.id }, checkAfter(now));
      count(report.payments, 'error');
    }
  }
  for (const refund of await ports.payments.listPendingRefunds(nowIso, BATCH)) {
    try {
      count(report.refunds, await reconcileRefund(ports, refund, now));
    } catch (error) {
      logger.warn('refund reconciliation failed', { refundId: refund.id, error: (error as Error).message });
      await ports.payments.deferCheck({ paymentId: refund.paymentId, refundId: refund.id }, checkAfter(now));
      count(report.refunds, 'error');
    }
  }
  for (const appointment of await ports.payments.listRefundsDue(nowIso, BATCH)) {
    try {
      count(report.refundsDue, await refundReleasedAppointment(ports, appointment, now));
    } catch (error) {
      logger.warn('refund of a cancelled booking failed', {
        appointmentId: appointment.id,
        error: (error as Error).message,
      });
      count(report.refundsDue, 'error');
    }
  }
  return report;
}

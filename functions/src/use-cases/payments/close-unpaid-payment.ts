import { toShanghaiIso } from '@jiuyi/shared';
import { WechatPayError } from '../../ports/payment-gateway';
import type { PaymentRecord } from '../../ports/payment-store';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { logger } from '../../http/logger';
import { applyOrderFacts } from './confirm-payment';
import type { PaymentPorts } from './payment-ports';

export type CloseOutcome = 'closed' | 'paid' | 'unresolved' | 'none';

/**
 * Closes an unpaid WeChat order, then marks the payment closed. Closing first means no money can
 * arrive after we call it closed. WeChat answering ORDERPAID means the payer won the race: the
 * order is queried and applied as paid (booked if the hold still stands, refunded if not).
 * A transient failure leaves it `paying` for the reconciliation.
 */
export async function closeUnpaidPayment(
  ports: PaymentPorts,
  payment: PaymentRecord,
  now: Date,
): Promise<CloseOutcome> {
  if (payment.status !== 'created' && payment.status !== 'paying') return 'none';
  try {
    await ports.gateway.closeOrder(payment.outTradeNo);
  } catch (error) {
    if (!(error instanceof WechatPayError)) throw error;
    if (error.code === 'ORDERPAID') {
      const order = await ports.gateway.queryOrder(payment.outTradeNo);
      await applyOrderFacts(ports, order, now);
      return 'paid';
    }
    // An order WeChat never created (the prepay call failed) is as closed as it gets.
    if (error.code !== 'ORDER_NOT_EXIST') {
      logger.warn('closing the WeChat order failed', { paymentId: payment.id, code: error.code });
      return 'unresolved';
    }
  }
  const closed = await ports.payments.markClosed(payment, toShanghaiIso(now));
  return closed ? 'closed' : 'unresolved';
}

/**
 * The hook run before an expired hold is released (and after a patient cancels an unpaid one):
 * the appointment's WeChat order is closed, or found paid and applied. Never throws, so the
 * release itself always goes ahead.
 */
export async function closeAppointmentOrder(
  ports: PaymentPorts,
  appointment: AppointmentRecord,
  now: Date,
): Promise<CloseOutcome> {
  try {
    const payment = await ports.payments.findBySubject({
      kind: 'appointment',
      appointmentId: appointment.id,
    });
    if (!payment) return 'none';
    return await closeUnpaidPayment(ports, payment, now);
  } catch (error) {
    logger.error('closing the order of a released hold failed', {
      appointmentId: appointment.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'unresolved';
  }
}

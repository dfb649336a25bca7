import {
  DomainError,
  type AppointmentPaymentResponse,
  type CreateAppointmentPaymentBody,
} from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { PaymentRecord } from '../../ports/payment-store';
import { isExpiredHold } from '../appointments/appointment-view';
import type { PaymentPorts } from './payment-ports';
import { newAppointmentPayment } from './payment-records';
import { obtainPrepayId, payParameters } from './prepay';

const SETTLED = ['paid', 'refunding', 'refunded'];

/** Refuses what cannot be paid, with the code the patient can act on. */
function assertPayable(appointment: AppointmentRecord, payment: PaymentRecord | undefined, now: Date): void {
  if (appointment.feeFen <= 0) throw new DomainError('PAYMENT_NOT_REQUIRED');
  if (payment && SETTLED.includes(payment.status)) throw new DomainError('PAYMENT_ALREADY_PAID');
  if (appointment.status === 'booked') throw new DomainError('PAYMENT_ALREADY_PAID');
  const released =
    isExpiredHold(appointment, now) ||
    (appointment.status === 'cancelled' && appointment.cancelReason === 'hold_expired') ||
    payment?.status === 'closed';
  if (released) throw new DomainError('PAYMENT_HOLD_EXPIRED');
  if (appointment.status !== 'pending_payment' || !appointment.holdExpiresAt)
    throw new DomainError('APPOINTMENT_NOT_PAYABLE');
}

/**
 * `POST /v1/appointments/{id}/payment`: the `requestPayment` parameters of the appointment's fee.
 * 1. Own appointment only (404 otherwise); it must be an unexpired, unpaid hold with a fee.
 * 2. One payment per appointment: the first request creates it (a guard item makes concurrent
 *    requests share it), later ones during the hold return the same order.
 * 3. The WeChat order expires with the hold (`time_expire`), so WeChat itself refuses late money.
 * 4. Fresh signed parameters each time; in stage local also the sandbox's pay page.
 */
export async function requestAppointmentPayment(
  ports: PaymentPorts,
  accountId: string,
  appointmentId: string,
  body: CreateAppointmentPaymentBody,
  now: Date,
): Promise<AppointmentPaymentResponse> {
  const appointment = await ports.appointments.get(accountId, appointmentId);
  if (!appointment) throw new DomainError('NOT_FOUND');
  let payment = await ports.payments.findBySubject({ kind: 'appointment', appointmentId });
  assertPayable(appointment, payment, now);
  if (!payment) {
    const openid = await ports.payer.openidOf(accountId);
    if (!openid) throw new DomainError('PAYER_UNKNOWN');
    payment = await ports.payments.createForSubject(newAppointmentPayment(appointment, openid, now));
  }
  if (payment.status !== 'created' && payment.status !== 'paying') assertPayable(appointment, payment, now);
  const prepayId =
    payment.status === 'paying' && payment.prepayId
      ? payment.prepayId
      : await obtainPrepayId(ports, payment, now, 'APPOINTMENT_STATUS_CONFLICT');
  return {
    paymentId: payment.id,
    outTradeNo: payment.outTradeNo,
    amountFen: payment.amountFen,
    holdExpiresAt: payment.expiresAt,
    ...payParameters(ports, prepayId, body.returnUrl),
  };
}

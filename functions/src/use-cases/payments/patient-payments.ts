import {
  assertCancellable,
  DomainError,
  toShanghaiIso,
  type AppointmentView,
  type PaymentView,
} from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { cancelAppointment } from '../appointments/manage-appointments';
import { toAppointmentView } from '../appointments/appointment-view';
import { closeAppointmentOrder } from './close-unpaid-payment';
import type { PaymentPorts } from './payment-ports';
import { newRefund, refundableFen } from './payment-records';
import { toPaymentView } from './payment-views';
import { executeRefund } from './refunds';
import { REFUND_REASONS, releasePaidWithRefund } from './release-with-refund';

/** `GET /v1/appointments/{id}/payment`: the payment of one of the account's own appointments. */
export async function getAppointmentPayment(
  ports: Pick<PaymentPorts, 'payments' | 'appointments'>,
  accountId: string,
  appointmentId: string,
): Promise<PaymentView> {
  const appointment = await ports.appointments.get(accountId, appointmentId);
  if (!appointment) throw new DomainError('NOT_FOUND');
  const payment = await ports.payments.findBySubject({ kind: 'appointment', appointmentId });
  const found = payment ? await ports.payments.getWithRefunds(payment.id) : undefined;
  if (!found) throw new DomainError('NOT_FOUND');
  return toPaymentView(found.payment, found.refunds);
}

/**
 * The patient cancels (Beijing art. 19), with the money side:
 * 1. A paid booking: one transaction releases the number and starts a refund of what is left of
 *    the payment; then WeChat is asked to refund.
 * 2. Anything else is the plain cancellation; an unpaid hold's WeChat order is then closed (or,
 *    if the payer won the race, applied as paid, which refunds it because the hold is gone).
 */
export async function cancelAppointmentWithRefund(
  ports: PaymentPorts,
  accountId: string,
  appointmentId: string,
  now: Date,
): Promise<AppointmentView> {
  const appointment = await ports.appointments.get(accountId, appointmentId);
  if (!appointment) throw new DomainError('NOT_FOUND');
  const payment =
    appointment.status === 'booked' && appointment.feeFen > 0
      ? await ports.payments.findBySubject({ kind: 'appointment', appointmentId })
      : undefined;
  if (payment?.status === 'paid' && refundableFen(payment) > 0) {
    assertCancellable(appointment.status, appointment.date, appointment.period, now);
    const change = { reason: 'patient' as const, at: toShanghaiIso(now), refundRequired: true };
    if (!(await releasePaidWithRefund(ports, appointment, payment, change, [], now)))
      throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
    return toAppointmentView(
      {
        ...appointment,
        status: 'cancelled',
        cancelledAt: change.at,
        cancelReason: 'patient',
        refundRequired: true,
        updatedAt: change.at,
      },
      now,
    );
  }
  const view = await cancelAppointment(ports.appointments, accountId, appointmentId, now);
  if (appointment.status === 'pending_payment') await closeAppointmentOrder(ports, appointment, now);
  return view;
}

/**
 * Refunds a paid booking that some flow cancelled with `refundRequired` (a suspension, or a
 * cancellation whose refund never started): what is left of the payment goes back, started in one
 * transaction that also takes the booking off the refunds-due index. Idempotent: once the refund
 * exists (or nothing is left), it only clears the index entry.
 */
export async function refundReleasedAppointment(
  ports: PaymentPorts,
  appointment: AppointmentRecord,
  now: Date,
): Promise<'refunding' | 'nothing' | 'moved'> {
  const payment = await ports.payments.findBySubject({ kind: 'appointment', appointmentId: appointment.id });
  const left = payment ? refundableFen(payment) : 0;
  const open = payment?.status === 'paid' || payment?.status === 'refunding';
  // A cancellation refund that exists (even a failed one, which staff now own) is never started twice.
  const refunds = payment ? ((await ports.payments.getWithRefunds(payment.id))?.refunds ?? []) : [];
  const started = refunds.some((r) => r.cause === 'appointment_cancelled');
  if (!payment || !open || left <= 0 || started) {
    await ports.payments.clearRefundDue(appointment);
    return 'nothing';
  }
  const refund = newRefund(
    payment,
    {
      amountFen: left,
      cause: 'appointment_cancelled',
      reason: REFUND_REASONS[appointment.cancelReason ?? 'patient'],
    },
    now,
  );
  if (!(await ports.payments.startRefundForReleased(appointment, payment, refund))) return 'moved';
  await executeRefund(ports, refund, now);
  return 'refunding';
}

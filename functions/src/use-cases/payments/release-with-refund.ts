import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord, CancelReason, ReleaseChange } from '../../ports/appointment-store';
import type { PaymentRecord } from '../../ports/payment-store';
import type { PaymentPorts } from './payment-ports';
import { newRefund, refundableFen } from './payment-records';
import { executeRefund } from './refunds';

/** The refund reason WeChat and staff see, by why the booking was released. */
export const REFUND_REASONS: Record<CancelReason, string> = {
  patient: '取消预约退款',
  hold_expired: '预约取消退款',
  session_suspended: '停诊退款',
  identity_mismatch: '签到核验证件不符，预约作废退款',
};

/**
 * The one refund path of a released paid booking (a patient's cancel, a void at the desk): one
 * transaction releases the booking (number, guard, counters; `change` says cancelled or voided)
 * and starts the refund of all that is left of the payment, with the messages owed; then WeChat is
 * asked to refund. False, with nothing written, when the booking or the payment had moved on, so
 * two racing releases never refund twice.
 */
export async function releasePaidWithRefund(
  ports: PaymentPorts,
  appointment: AppointmentRecord,
  payment: PaymentRecord,
  change: ReleaseChange,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<boolean> {
  const refund = newRefund(
    payment,
    {
      amountFen: refundableFen(payment),
      cause: 'appointment_cancelled',
      reason: REFUND_REASONS[change.reason],
    },
    now,
  );
  const released = { ...change, refundRequired: true };
  if (!(await ports.payments.cancelAppointmentWithRefund(appointment, released, payment, refund, messages)))
    return false;
  // The release marked it refund-due for the safety net; its refund exists now.
  await ports.payments.clearRefundDue(appointment);
  await executeRefund(ports, refund, now);
  return true;
}

import {
  DomainError,
  type PaymentIssueView,
  type StaffPaymentView,
  type StaffRefundBody,
  type StaffRefundView,
} from '@jiuyi/shared';
import type { PaymentActor } from '../../ports/payment-store';
import type { PaymentPorts } from './payment-ports';
import { newRefund, refundableFen } from './payment-records';
import { toStaffPaymentView, toStaffRefundView } from './payment-views';
import { executeRefund } from './refunds';

/** Payments created on a date, newest first, optionally of one status. */
export async function listPayments(
  ports: Pick<PaymentPorts, 'payments'>,
  date: string,
  status?: StaffPaymentView['status'],
): Promise<StaffPaymentView[]> {
  const found = await ports.payments.listByDate(date);
  return found
    .filter((f) => !status || f.payment.status === status)
    .map((f) => toStaffPaymentView(f.payment, f.refunds));
}

/** What needs a person, newest first. */
export async function listPaymentIssues(ports: Pick<PaymentPorts, 'payments'>): Promise<PaymentIssueView[]> {
  return ports.payments.listIssues(100);
}

/**
 * A staff refund (e.g. unexecuted items, a complaint upheld). The reason, the member of staff and
 * the time are written with the refund and an audit entry in one transaction.
 * 1. The payment must be paid with money left to refund; the amount defaults to all of it.
 * 2. The refund is started conditionally on the payment's version, then sent to WeChat.
 */
export async function refundByStaff(
  ports: PaymentPorts,
  actor: PaymentActor,
  paymentId: string,
  body: StaffRefundBody,
  now: Date,
): Promise<StaffRefundView> {
  const payment = await ports.payments.get(paymentId);
  if (!payment) throw new DomainError('NOT_FOUND');
  // A bill refund must withdraw the items in the HIS first, or the hospital would dispense what it refunded.
  if (payment.subject.kind === 'bill') throw new DomainError('BILL_REFUND_BY_ITEMS');
  const left = refundableFen(payment);
  if ((payment.status !== 'paid' && payment.status !== 'refunding') || left <= 0)
    throw new DomainError('PAYMENT_NOT_REFUNDABLE');
  const amountFen = body.amountFen ?? left;
  if (amountFen > left) throw new DomainError('REFUND_AMOUNT_EXCEEDED', { details: { refundableFen: left } });
  const refund = newRefund(
    payment,
    { amountFen, cause: 'staff', reason: body.reason, requestedBy: actor },
    now,
  );
  if (!(await ports.payments.startRefund(payment, refund))) throw new DomainError('CONCURRENT_MODIFICATION');
  await executeRefund(ports, refund, now);
  return toStaffRefundView((await ports.payments.getRefund(paymentId, refund.id)) ?? refund);
}

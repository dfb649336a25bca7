import {
  DomainError,
  toShanghaiIso,
  type PaymentIssueRefundBody,
  type PaymentIssueView,
  type StaffPaymentView,
  type StaffRefundBody,
  type StaffRefundView,
} from '@jiuyi/shared';
import type { PaymentActor, PaymentIssueRecord, PaymentStore } from '../../ports/payment-store';
import { mismatchRefundMessage } from './payment-messages';
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

/** What needs a person, newest first; a resolved one with where its refund stands. */
export async function listPaymentIssues(ports: Pick<PaymentPorts, 'payments'>): Promise<PaymentIssueView[]> {
  const issues = await ports.payments.listIssues(100);
  return Promise.all(issues.map((issue) => toIssueView(ports.payments, issue)));
}

async function toIssueView(payments: PaymentStore, issue: PaymentIssueRecord): Promise<PaymentIssueView> {
  const { resolution, paidAt: _paidAt, ...rest } = issue;
  if (!resolution || !issue.paymentId) return rest;
  const refund = await payments.getRefund(issue.paymentId, resolution.refundId);
  return {
    ...rest,
    resolution: {
      refundId: resolution.refundId,
      amountFen: resolution.amountFen,
      refundStatus: refund?.status ?? 'requested',
      reason: resolution.reason,
      byAccountId: resolution.by.accountId,
      at: resolution.at,
    },
  };
}

/** Why the payment of an issue is no longer unconfirmed: the issue resolved, or the payment moved. */
async function movedOn(payments: PaymentStore, issueId: string): Promise<DomainError> {
  const issue = await payments.getIssue(issueId);
  if (issue?.resolution) return new DomainError('PAYMENT_ISSUE_ALREADY_RESOLVED');
  const payment = issue?.paymentId ? await payments.get(issue.paymentId) : undefined;
  return new DomainError(payment?.transactionId ? 'PAYMENT_ISSUE_NOT_REFUNDABLE' : 'CONCURRENT_MODIFICATION');
}

/**
 * Staff give back, in full, money WeChat collected for a payment whose amount did not match (its
 * booking was never confirmed, so nothing else could refund it).
 * 1. The issue must be an unresolved amount mismatch of a payment still unconfirmed.
 * 2. One transaction: issue resolved (who, when, why), payment → refunding with the amount WeChat
 *    reported, the refund, a ledger line of that money, an audit entry and the patient's message;
 *    a second request, concurrent or later, is refused by the issue's condition.
 * 3. The refund is sent to WeChat with the order's real total (the reported amount).
 */
export async function refundMismatchByStaff(
  ports: PaymentPorts,
  actor: PaymentActor,
  issueId: string,
  body: PaymentIssueRefundBody,
  now: Date,
): Promise<PaymentIssueView> {
  const issue = await ports.payments.getIssue(issueId);
  if (!issue) throw new DomainError('PAYMENT_ISSUE_NOT_FOUND');
  if (issue.resolution) throw new DomainError('PAYMENT_ISSUE_ALREADY_RESOLVED');
  const payment = issue.paymentId ? await ports.payments.get(issue.paymentId) : undefined;
  if (issue.kind !== 'amount_mismatch' || !payment || !issue.transactionId || !issue.reportedFen)
    throw new DomainError('PAYMENT_ISSUE_NOT_REFUNDABLE');
  // Confirmed or refunded meanwhile: by another press of this button, or by something else.
  if (payment.transactionId !== undefined) throw await movedOn(ports.payments, issueId);
  const refund = newRefund(
    payment,
    { amountFen: issue.reportedFen, cause: 'staff', reason: body.reason, requestedBy: actor },
    now,
  );
  const at = toShanghaiIso(now);
  const result = await ports.payments.refundMismatch(
    issue,
    payment,
    {
      transactionId: issue.transactionId,
      paidAt: issue.paidAt ?? issue.at,
      at,
      receivedFen: issue.reportedFen,
    },
    refund,
    [mismatchRefundMessage(payment, refund, now)],
  );
  if (!result.ok) {
    if (result.refusal === 'already_resolved') throw new DomainError('PAYMENT_ISSUE_ALREADY_RESOLVED');
    throw await movedOn(ports.payments, issueId);
  }
  await executeRefund(ports, refund, now);
  const resolved = await ports.payments.getIssue(issueId);
  if (!resolved) throw new Error(`payment issue ${issueId} vanished`);
  return toIssueView(ports.payments, resolved);
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

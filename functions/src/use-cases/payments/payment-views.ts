import type { PaymentView, RefundView, StaffPaymentView, StaffRefundView } from '@jiuyi/shared';
import type { PaymentRecord, RefundRecord } from '../../ports/payment-store';

export function toRefundView(r: RefundRecord): RefundView {
  return {
    id: r.id,
    outRefundNo: r.outRefundNo,
    amountFen: r.amountFen,
    status: r.status,
    cause: r.cause,
    reason: r.reason,
    requestedAt: r.requestedAt,
    ...(r.succeededAt ? { succeededAt: r.succeededAt } : {}),
    ...(r.failedAt ? { failedAt: r.failedAt } : {}),
  };
}

export function toStaffRefundView(r: RefundRecord): StaffRefundView {
  return {
    ...toRefundView(r),
    paymentId: r.paymentId,
    ...(r.requestedBy ? { requestedBy: r.requestedBy } : {}),
  };
}

/** The patient's view: no openid, no internal bookkeeping. */
export function toPaymentView(p: PaymentRecord, refunds: RefundRecord[]): PaymentView {
  return {
    id: p.id,
    outTradeNo: p.outTradeNo,
    subject: p.subject,
    description: p.description,
    status: p.status,
    amountFen: p.amountFen,
    refundedFen: p.refundedFen,
    refundingFen: p.refundingFen,
    expiresAt: p.expiresAt,
    createdAt: p.createdAt,
    ...(p.paidAt ? { paidAt: p.paidAt } : {}),
    ...(p.closedAt ? { closedAt: p.closedAt } : {}),
    ...(p.transactionId ? { transactionId: p.transactionId } : {}),
    refunds: refunds.map(toRefundView),
  };
}

export function toStaffPaymentView(p: PaymentRecord, refunds: RefundRecord[]): StaffPaymentView {
  return {
    ...toPaymentView(p, refunds),
    accountId: p.accountId,
    refunds: refunds.map(toStaffRefundView),
    ...(p.issue ? { issue: p.issue } : {}),
  };
}

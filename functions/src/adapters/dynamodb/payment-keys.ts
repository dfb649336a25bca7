import type { PaymentSubject } from '@jiuyi/shared';

/**
 * Key builders of payments. A payment and its refunds and audit entries share one partition, so
 * the patient's payment view is one query. Settled money goes to a per-day ledger partition that
 * the statement reads; pending payments and refunds sit in sparse gsi2 partitions that the
 * reconciliation reads.
 */
export const paymentKeys = {
  payment: (paymentId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' }),
  refund: (paymentId: string, refundId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: `REFUND#${refundId}` }),
  audit: (paymentId: string, at: string, refundId: string) => ({
    pk: `PAYMENT#${paymentId}`,
    sk: `AUDIT#${at}#${refundId}`,
  }),
  /** One payment per subject: the pointer is created with the payment, `attribute_not_exists`. */
  subject: (subject: PaymentSubject) => ({
    pk: `PAYSUBJECT#${subject.kind}#${subject.kind === 'bill' ? subject.billId : subject.appointmentId}`,
    sk: 'PAYMENT',
  }),
  /** gsi1: payments by the Shanghai date they were created. */
  byCreatedDate: (date: string) => `PAYMENTS#${date}`,
  ledgerPayment: (date: string, at: string, paymentId: string) => ({
    pk: `LEDGER#${date}`,
    sk: `${at}#PAY#${paymentId}`,
  }),
  ledgerRefund: (date: string, at: string, refundId: string) => ({
    pk: `LEDGER#${date}`,
    sk: `${at}#REFUND#${refundId}`,
  }),
  ledgerDay: (date: string) => `LEDGER#${date}`,
  issueGuard: (issueId: string) => ({ pk: `PAYMENTISSUE#${issueId}`, sk: 'GUARD' }),
  issue: (at: string, issueId: string) => ({ pk: 'PAYMENTISSUES', sk: `${at}#${issueId}` }),
  issues: 'PAYMENTISSUES',
  /** gsi2 (sparse): payments still `created`/`paying`, by next check time. */
  pendingPayments: 'PAYMENTS#pending',
  /** gsi2 (sparse): refunds still `requested`/`processing`, by next check time. */
  pendingRefunds: 'REFUNDS#pending',
};

import type {
  OutboxMessage,
  PaymentStatus,
  PaymentSubject,
  RefundCause,
  RefundStatusName,
} from '@jiuyi/shared';
import type { AppointmentRecord, ReleaseChange } from './appointment-store';
import type { BillRecord } from './bill-store';

/** Who did something to money (staff refunds are audited by it). */
export interface PaymentActor {
  accountId: string;
  role: string;
}

/** A payment as stored. `version` increases with every write, so money arithmetic never races. */
export interface PaymentRecord {
  id: string;
  /** Our WeChat order number: the id without dashes (32 characters), so either gives the other. */
  outTradeNo: string;
  accountId: string;
  subject: PaymentSubject;
  description: string;
  amountFen: number;
  payerOpenid: string;
  status: PaymentStatus;
  /** The hold's end, sent to WeChat as `time_expire`; every order request repeats it exactly. */
  expiresAt: string;
  prepayId?: string;
  transactionId?: string;
  paidAt?: string;
  closedAt?: string;
  refundedFen: number;
  refundingFen: number;
  /** What WeChat actually collected, when it differed from `amountFen` (an amount mismatch refunded). */
  receivedFen?: number;
  issue?: string;
  /** While `created`/`paying`: when the reconciliation should ask WeChat about it. */
  nextCheckAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RefundRecord {
  id: string;
  paymentId: string;
  /** The id without dashes, as WeChat's `out_refund_no`. */
  outRefundNo: string;
  amountFen: number;
  status: RefundStatusName;
  cause: RefundCause;
  reason: string;
  requestedAt: string;
  requestedBy?: PaymentActor;
  wechatRefundId?: string;
  succeededAt?: string;
  failedAt?: string;
  failure?: string;
  /** While `requested`/`processing`: when the reconciliation should (re)try it. */
  nextCheckAt?: string;
  updatedAt: string;
}

export interface PaymentIssueRecord {
  id: string;
  kind: 'amount_mismatch' | 'refund_failed' | 'unknown_order' | 'his_rejected';
  paymentId?: string;
  outTradeNo: string;
  transactionId?: string;
  expectedFen?: number;
  reportedFen?: number;
  /** WeChat's success time of the reported payment (an amount mismatch), when it said. */
  paidAt?: string;
  detail: string;
  at: string;
  /** Set once staff refunded an amount mismatch in full. */
  resolution?: PaymentIssueResolution;
}

/** Who resolved an issue, when, why, and the refund that did it. */
export interface PaymentIssueResolution {
  refundId: string;
  amountFen: number;
  reason: string;
  by: PaymentActor;
  at: string;
}

/** Why the store refused to refund a mismatched payment. */
export type MismatchRefundRefusal = 'already_resolved' | 'payment_moved';

export interface LedgerLine {
  kind: 'payment' | 'refund';
  at: string;
  paymentId: string;
  outTradeNo: string;
  transactionId: string;
  refundId?: string;
  outRefundNo?: string;
  amountFen: number;
  description: string;
}

export interface PaidFacts {
  transactionId: string;
  /** WeChat's success time: the ledger books the money on this instant's day. */
  paidAt: string;
  /** When we learned it. */
  at: string;
}

/** The outcome of applying a paid notification or query answer. */
export type ConfirmOutcome =
  | { kind: 'booked'; payment: PaymentRecord }
  | { kind: 'refund_required'; payment: PaymentRecord; refund: RefundRecord }
  | { kind: 'duplicate'; payment: PaymentRecord }
  /** The subject changed between read and write; read again and retry. */
  | { kind: 'subject_moved' };

/** Payments, their refunds, the ledger of settled money and the issues staff must look at. */
export interface PaymentStore {
  /** Creates the subject's payment unless it has one; either way returns the subject's payment. */
  createForSubject(payment: PaymentRecord): Promise<PaymentRecord>;
  get(paymentId: string): Promise<PaymentRecord | undefined>;
  findBySubject(subject: PaymentSubject): Promise<PaymentRecord | undefined>;
  /** The payment and its refunds, oldest refund first. */
  getWithRefunds(paymentId: string): Promise<{ payment: PaymentRecord; refunds: RefundRecord[] } | undefined>;
  /** `created → paying` with the prepay id; false when the status had moved on. */
  markPaying(payment: PaymentRecord, prepayId: string, at: string): Promise<boolean>;
  /** `created/paying → closed`; false when it had moved on (it was paid meanwhile). */
  markClosed(payment: PaymentRecord, at: string): Promise<boolean>;
  /**
   * One transaction: payment → `paid` and the appointment `pending_payment → booked` (its hold
   * removed from the slot and the holds index), the ledger line and the patient's message.
   */
  confirmAppointmentPaid(
    payment: PaymentRecord,
    appointment: AppointmentRecord,
    paid: PaidFacts,
    messages: OutboxMessage[],
  ): Promise<ConfirmOutcome>;
  /**
   * One transaction: payment → `paid`, the outpatient bill and its item locks `pending → paid`, the
   * ledger line and the patient's message (`booked` names the success, as for an appointment).
   */
  confirmBillPaid(
    payment: PaymentRecord,
    bill: BillRecord,
    paid: PaidFacts,
    messages: OutboxMessage[],
  ): Promise<ConfirmOutcome>;
  /** One transaction: payment → `refunding` (paid, but its subject was released), the refund, ledger line, message. */
  confirmPaidForRefund(
    payment: PaymentRecord,
    paid: PaidFacts,
    refund: RefundRecord,
    messages: OutboxMessage[],
  ): Promise<ConfirmOutcome>;
  /**
   * One transaction: the appointment released as `release` would (conditioned on its status; a void
   * too), a refund of the paid payment started and the messages owed. False when the appointment or
   * payment had moved on.
   */
  cancelAppointmentWithRefund(
    appointment: AppointmentRecord,
    change: ReleaseChange,
    payment: PaymentRecord,
    refund: RefundRecord,
    messages?: readonly OutboxMessage[],
  ): Promise<boolean>;
  /**
   * Starts the refund of a booking another flow cancelled with `refundRequired` (a suspension, a
   * cancellation whose refund never started), taking it off the refunds-due index in the same
   * transaction; false when the appointment or payment moved on.
   */
  startRefundForReleased(
    appointment: AppointmentRecord,
    payment: PaymentRecord,
    refund: RefundRecord,
  ): Promise<boolean>;
  /** Cancelled paid bookings still waiting for their refund to start, oldest first. */
  listRefundsDue(nowIso: string, limit: number): Promise<AppointmentRecord[]>;
  /** Takes an appointment off the refunds-due index (its refund exists or nothing is refundable). */
  clearRefundDue(appointment: AppointmentRecord): Promise<void>;
  /** Starts a refund of a paid payment (staff), with an audit entry; false when the payment moved on. */
  startRefund(payment: PaymentRecord, refund: RefundRecord): Promise<boolean>;
  getRefund(paymentId: string, refundId: string): Promise<RefundRecord | undefined>;
  /** `requested → processing` after WeChat accepted it; false when it had moved on. */
  markRefundProcessing(refund: RefundRecord, wechatRefundId: string, at: string): Promise<boolean>;
  /** Refund → `succeeded`, the payment's sums and status with it, ledger line, message; false if already final. */
  completeRefund(
    refund: RefundRecord,
    facts: { wechatRefundId: string; succeededAt: string; transactionId: string },
    messages: OutboxMessage[],
  ): Promise<boolean>;
  /** Refund → `failed` (WeChat refused or closed it), the money back to refundable, an issue flagged. */
  failRefund(refund: RefundRecord, failure: string, at: string): Promise<boolean>;
  /** Records an issue once per id; marks the payment (if any) so reconciliation leaves it to staff. */
  flagIssue(issue: PaymentIssueRecord): Promise<void>;
  listIssues(limit: number): Promise<PaymentIssueRecord[]>;
  getIssue(issueId: string): Promise<PaymentIssueRecord | undefined>;
  /**
   * One transaction: the issue marked resolved (unless it already is), the payment (still unconfirmed,
   * at the version read) → `refunding` with the money WeChat reported, the refund, a payment ledger
   * line of that money, an audit entry and the patient's messages. The booking is not confirmed.
   */
  refundMismatch(
    issue: PaymentIssueRecord,
    payment: PaymentRecord,
    paid: PaidFacts & { receivedFen: number },
    refund: RefundRecord,
    messages: OutboxMessage[],
  ): Promise<{ ok: true } | { ok: false; refusal: MismatchRefundRefusal }>;
  /** Payments created on a Shanghai date, newest first, with their refunds. */
  listByDate(date: string): Promise<Array<{ payment: PaymentRecord; refunds: RefundRecord[] }>>;
  /** Payments still `created`/`paying` whose next check is due. */
  listPendingPayments(nowIso: string, limit: number): Promise<PaymentRecord[]>;
  /** Refunds still `requested`/`processing` whose next check is due. */
  listPendingRefunds(nowIso: string, limit: number): Promise<RefundRecord[]>;
  /** Pushes the next reconciliation check of a pending payment or refund. */
  deferCheck(target: { paymentId: string; refundId?: string }, nextCheckAt: string): Promise<void>;
  /** The settled money of a Shanghai date, oldest first. */
  ledger(date: string): Promise<LedgerLine[]>;
}

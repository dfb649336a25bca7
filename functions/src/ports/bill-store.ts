import type { BillLine } from '@jiuyi/shared';

/**
 * Our side of outpatient bill payment: the bill (the items one payment covers, priced from the HIS
 * when it was created) and one lock per HIS item, so an item can be in at most one open payment
 * and can be paid at most once, whatever the HIS answers and however requests interleave.
 */

/** `pending` (payment open) → `paid`; `superseded` when its items were taken after the hold; `closed` unpaid. */
export type BillStatus = 'pending' | 'paid' | 'superseded' | 'closed';

export interface BillRefundEntry {
  refundId: string;
  itemIds: string[];
  amountFen: number;
  reason: string;
  at: string;
  /** Set once the HIS accepted the withdrawal of the items. */
  hisConfirmedAt?: string;
}

export interface BillRecord {
  id: string;
  accountId: string;
  patientId: string;
  /** The payment of this bill, chosen when the bill is created (one payment per bill). */
  paymentId: string;
  lines: BillLine[];
  totalFen: number;
  status: BillStatus;
  /** The end of the hold: WeChat's `time_expire`, after which the items may go to another payment. */
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
  paidAt?: string;
  /** When the HIS confirmed the paid items; absent until then, so a retry knows to tell it. */
  writtenBackAt?: string;
  /** When the HIS refused the paid items for good (flagged for staff): no more retries. */
  writeBackRefusedAt?: string;
  /** While one process tells the HIS, others leave it alone until this instant. */
  writeBackLeaseUntil?: string;
  /** Refunds of unexecuted items, by refund id. */
  refunds: Record<string, BillRefundEntry>;
}

/** An item's lock: `pending` while its bill's payment is open, `paid`, `refunded` once withdrawn. */
export type ItemLockState = 'pending' | 'paid' | 'refunded';

export interface ItemLock {
  itemId: string;
  billId: string;
  accountId: string;
  paymentId: string;
  state: ItemLockState;
  /** While `pending`: after this instant another payment may take the item. */
  expiresAt?: string;
  refundId?: string;
}

export type CreateBillOutcome =
  | { kind: 'created'; bill: BillRecord }
  /** Some item is locked by another bill: the locks as they are now. */
  | { kind: 'locked'; locks: ItemLock[] };

/** A refund request's `Idempotency-Key`: which refund it started, for which body. */
export interface RefundIdempotency {
  bodyHash: string;
  paymentId: string;
  refundId: string;
}

export interface BillStore {
  /** One transaction: the bill and a `pending` lock per item (free, or pending and expired by `nowIso`). */
  create(bill: BillRecord, nowIso: string): Promise<CreateBillOutcome>;
  get(billId: string): Promise<BillRecord | undefined>;
  /** The locks that exist for these items. */
  locks(itemIds: readonly string[]): Promise<ItemLock[]>;
  /** Bills by id (missing ones left out). */
  getMany(billIds: readonly string[]): Promise<BillRecord[]>;
  /**
   * A bill whose payment landed but which can no longer be settled (an item was taken by another
   * bill after the hold, or the bill was closed) becomes `superseded` and lets go of its pending
   * locks; true when the bill is superseded now. Settling itself happens in the payment store's
   * confirmation transaction, with the payment.
   */
  supersedeIfLost(bill: BillRecord, at: string): Promise<boolean>;
  /**
   * Takes the right to tell the HIS about a paid bill until `until`: false when the write-back is
   * done, refused, or another process holds an unexpired lease (so duplicates call the HIS once).
   */
  claimWriteBack(billId: string, nowIso: string, until: string): Promise<boolean>;
  /** Gives the lease back after a failed attempt, so the next notification or sweep can retry at once. */
  releaseWriteBack(billId: string): Promise<void>;
  /** Records that the HIS accepted the paid items; false when it was already recorded. */
  markWrittenBack(billId: string, at: string): Promise<boolean>;
  /** Records that the HIS refused the paid items for good, so the retry sweep leaves the bill to staff. */
  markWriteBackRefused(billId: string, at: string): Promise<void>;
  /** Paid bills the HIS has not confirmed yet that were settled at or before `settledBy`, oldest first. */
  listAwaitingWriteBack(settledBy: string, limit: number): Promise<BillRecord[]>;
  /**
   * Locks `paid → refunded` for these items of the bill and the refund entry added, in one
   * transaction; false when any item is no longer `paid` by this bill (refunded meanwhile).
   */
  reserveRefund(bill: BillRecord, refund: BillRefundEntry): Promise<boolean>;
  /** Undoes `reserveRefund` when the HIS refused the withdrawal (an item had been executed). */
  cancelRefund(bill: BillRecord, refundId: string): Promise<void>;
  /** Records that the HIS withdrew the refund's items. */
  confirmRefundWithHis(billId: string, refundId: string, at: string): Promise<void>;
  /** Records the key for this refund unless the key was used: then the first use comes back. */
  claimRefundKey(
    accountId: string,
    key: string,
    use: RefundIdempotency,
    at: string,
  ): Promise<RefundIdempotency>;
  /** Frees a key whose request was refused, so the same request may be tried again. */
  forgetRefundKey(accountId: string, key: string): Promise<void>;
  /** `pending → closed` (the payment closed unpaid) and the bill's pending locks removed. */
  close(bill: BillRecord, at: string): Promise<boolean>;
}

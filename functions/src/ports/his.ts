import type { HisItemKind } from '@jiuyi/shared';

/**
 * The hospital information system (HIS) as the bill use cases see it. The HIS is the system of
 * record for what was ordered, what it costs and whether it was executed; we only read its orders
 * and tell it what was paid or refunded. Amounts are integer fen, as the HIS states them.
 */

/** A visit the HIS knows by our appointment id (registrations are pushed to it when booked). */
export interface HisVisit {
  appointmentId: string;
  patientId: string;
  date: string;
  departmentId: string;
  departmentName: string;
  doctorId: string;
  doctorName: string;
  /** When the visit began (the slot's start), so orders are dated after it. */
  start: string;
}

export interface HisOrderItem {
  id: string;
  code: string;
  name: string;
  kind: HisItemKind;
  quantity: number;
  unit: string;
  unitPriceFen: number;
  lineTotalFen: number;
  executed: boolean;
  /** Set once the HIS recorded the item as paid, by which of our payments. */
  paidByPaymentId?: string;
  /** Set once the HIS withdrew the paid item for a refund, by which of our refunds. */
  refundedByRefundId?: string;
}

/** What a doctor ordered in one visit, carrying that visit's own fields (but for its start). */
export interface HisOrder extends Omit<HisVisit, 'start'> {
  id: string;
  orderedAt: string;
  items: HisOrderItem[];
}

export interface HisPaidWriteBack {
  patientId: string;
  /** Our payment id: the HIS applies one payment once, however often it is told. */
  paymentId: string;
  transactionId: string;
  itemIds: string[];
  totalFen: number;
  paidAt: string;
}

export interface HisRefundWriteBack {
  patientId: string;
  paymentId: string;
  /** Our refund id: the HIS applies one refund once, however often it is told. */
  refundId: string;
  itemIds: string[];
  totalFen: number;
  at: string;
}

/** The hospital information system. Every method throws `HisError` when the HIS refuses or fails. */
export interface HisPort {
  /** The orders of these visits (paid or not), items in order; visits without orders add nothing. */
  listOrders(patientId: string, visits: readonly HisVisit[]): Promise<HisOrder[]>;
  /**
   * Records the items as paid by the payment. Idempotent by payment id; refuses (`ITEM_ALREADY_PAID`)
   * an item another payment paid, and (`TOTAL_MISMATCH`) a total that is not the items' sum.
   */
  markPaid(writeBack: HisPaidWriteBack): Promise<void>;
  /**
   * Withdraws paid items for a refund, atomically refusing (`ITEM_EXECUTED`) if any was executed,
   * so nothing can be executed after the money went back. Idempotent by refund id.
   */
  markRefunded(writeBack: HisRefundWriteBack): Promise<void>;
  /** Whether each item was executed, by item id; unknown items are absent. */
  executedItems(patientId: string, itemIds: readonly string[]): Promise<Record<string, boolean>>;
}

export type HisErrorCode =
  | 'ITEM_NOT_FOUND'
  | 'ITEM_ALREADY_PAID'
  | 'ITEM_NOT_PAID'
  | 'ITEM_EXECUTED'
  | 'TOTAL_MISMATCH'
  | 'IDEMPOTENCY_CONFLICT'
  | 'UNAVAILABLE'
  | 'BAD_RESPONSE';

/** A failed HIS call; `transient` says whether the same call may succeed if retried unchanged. */
export class HisError extends Error {
  readonly code: HisErrorCode;
  readonly transient: boolean;
  readonly itemIds: string[];

  constructor(
    code: HisErrorCode,
    message: string,
    options: { transient?: boolean; itemIds?: string[] } = {},
  ) {
    super(`${code}: ${message}`);
    this.name = 'HisError';
    this.code = code;
    this.transient = options.transient ?? false;
    this.itemIds = options.itemIds ?? [];
  }
}

import {
  checkBillTotals,
  DomainError,
  type BillItemStatus,
  type BillItemView,
  type BillLine,
  type BillListResponse,
  type BillOrderView,
} from '@jiuyi/shared';
import type { BillRecord, ItemLock } from '../../ports/bill-store';
import type { HisOrder, HisOrderItem } from '../../ports/his';

/** What we know of an item beyond the HIS: its lock and, through it, the bill that holds it. */
export interface ItemState {
  status: BillItemStatus;
  paymentId?: string;
}

/**
 * The HIS is the record of paid and refunded; our lock adds "paying" and covers the moment between
 * a payment landing and the HIS hearing of it. A pending lock whose hold ended counts as unpaid.
 */
export function itemState(item: HisOrderItem, lock: ItemLock | undefined, now: Date): ItemState {
  if (item.refundedByRefundId || lock?.state === 'refunded')
    return { status: 'refunded', paymentId: item.paidByPaymentId ?? lock?.paymentId };
  if (item.paidByPaymentId) return { status: 'paid', paymentId: item.paidByPaymentId };
  if (lock?.state === 'paid') return { status: 'paid', paymentId: lock.paymentId };
  if (lock?.state === 'pending' && lock.expiresAt && new Date(lock.expiresAt) > now)
    return { status: 'paying', paymentId: lock.paymentId };
  return { status: 'unpaid' };
}

function itemView(item: HisOrderItem, state: ItemState): BillItemView {
  return {
    id: item.id,
    code: item.code,
    name: item.name,
    kind: item.kind,
    quantity: item.quantity,
    unit: item.unit,
    unitPriceFen: item.unitPriceFen,
    lineTotalFen: item.lineTotalFen,
    executed: item.executed,
    status: state.status,
    ...(state.paymentId ? { paymentId: state.paymentId } : {}),
  };
}

/** Refuses the whole listing when the HIS sends a line that does not add up. */
export function assertOrdersAddUp(orders: readonly HisOrder[]): void {
  const lines = orders.flatMap((o) => o.items);
  if (lines.length === 0) return;
  const check = checkBillTotals(lines);
  if (!check.ok) throw new DomainError('BILL_TOTAL_MISMATCH', { details: { problems: check.problems } });
}

function orderView(order: HisOrder, items: BillItemView[]): BillOrderView {
  const { patientId: _patientId, items: _all, ...header } = order;
  return { ...header, items, totalFen: items.reduce((sum, i) => sum + i.lineTotalFen, 0) };
}

/** Splits each order by item status: unpaid/paying items to `unpaid`, paid/refunded to `paid`. */
export function toBillList(
  orders: readonly HisOrder[],
  locks: ReadonlyMap<string, ItemLock>,
  now: Date,
): BillListResponse {
  const unpaid: BillOrderView[] = [];
  const paid: BillOrderView[] = [];
  for (const order of orders) {
    const views = order.items.map((item) => itemView(item, itemState(item, locks.get(item.id), now)));
    const open = views.filter((v) => v.status === 'unpaid' || v.status === 'paying');
    const settled = views.filter((v) => v.status === 'paid' || v.status === 'refunded');
    if (open.length) unpaid.push(orderView(order, open));
    if (settled.length) paid.push(orderView(order, settled));
  }
  const unpaidTotalFen = unpaid
    .flatMap((o) => o.items)
    .filter((i) => i.status === 'unpaid')
    .reduce((sum, i) => sum + i.lineTotalFen, 0);
  return { unpaid, paid, unpaidTotalFen };
}

/** A bill line from the HIS item it prices. */
export function toBillLine(order: HisOrder, item: HisOrderItem): BillLine {
  return {
    itemId: item.id,
    orderId: order.id,
    appointmentId: order.appointmentId,
    code: item.code,
    name: item.name,
    kind: item.kind,
    quantity: item.quantity,
    unit: item.unit,
    unitPriceFen: item.unitPriceFen,
    lineTotalFen: item.lineTotalFen,
  };
}

/** The ids of a bill's lines. */
export function billItemIds(bill: Pick<BillRecord, 'lines'>): string[] {
  return bill.lines.map((l) => l.itemId);
}

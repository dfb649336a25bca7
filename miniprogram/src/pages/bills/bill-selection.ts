import { MAX_BILL_ITEMS } from '@jiuyi/shared';
import type { BillItemView, BillOrderView } from '@jiuyi/shared';

/** Items the patient can put into a payment: not yet paid (an open payment may be reopened). */
export function payableItems(orders: readonly BillOrderView[]): BillItemView[] {
  return orders.flatMap((o) => o.items.filter((i) => i.status === 'unpaid' || i.status === 'paying'));
}

/** Paid items never executed (no exam done, no drug dispensed): the ones a refund may cover. */
export function refundableItems(orders: readonly BillOrderView[]): BillItemView[] {
  return orders.flatMap((o) => o.items.filter((i) => i.status === 'paid' && !i.executed && i.paymentId));
}

/** The sum in fen of the chosen items' line totals. */
export function totalOf(items: readonly BillItemView[], chosen: ReadonlySet<string>): number {
  return items.filter((i) => chosen.has(i.id)).reduce((sum, i) => sum + i.lineTotalFen, 0);
}

/**
 * What to send as `itemIds`: nothing when every payable item is chosen (the server then takes all
 * of them, however many), otherwise the chosen ids.
 */
export function itemIdsToPay(
  items: readonly BillItemView[],
  chosen: ReadonlySet<string>,
): string[] | undefined {
  const ids = items.filter((i) => chosen.has(i.id)).map((i) => i.id);
  return ids.length === items.length ? undefined : ids;
}

/** Why the chosen items cannot be paid together, or undefined when they can. */
export function payProblem(items: readonly BillItemView[], chosen: ReadonlySet<string>): string | undefined {
  const ids = itemIdsToPay(items, chosen);
  if (ids === undefined) return items.length === 0 ? '没有待缴费的项目' : undefined;
  if (ids.length === 0) return '请至少选择一个项目';
  if (ids.length > MAX_BILL_ITEMS) return `一次最多选择 ${MAX_BILL_ITEMS} 个项目，请分次缴费`;
  return undefined;
}

/** Toggles one id in a set, returning a new set (React state stays immutable). */
export function toggled(chosen: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(chosen);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

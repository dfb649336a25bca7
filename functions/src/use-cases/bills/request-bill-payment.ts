import {
  checkBillTotals,
  DomainError,
  toShanghaiIso,
  type BillPaymentResponse,
  type CreateBillPaymentBody,
} from '@jiuyi/shared';
import type { BillRecord, ItemLock } from '../../ports/bill-store';
import type { PaymentRecord } from '../../ports/payment-store';
import type { BillPaymentPorts } from './bill-payment-ports';
import { newBill, newBillPayment } from './bill-records';
import { billItemIds, itemState, toBillLine } from './bill-view';
import { readPatientOrders } from './list-bills';
import { obtainPrepayId, payParameters } from '../payments/prepay';

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * When the chosen items are held by one open bill of this account for exactly these items, that
 * bill is the answer (a repeated tap, a second device); anything else held is a conflict.
 */
async function openBillFor(
  ports: BillPaymentPorts,
  accountId: string,
  itemIds: readonly string[],
  locks: readonly ItemLock[],
  now: Date,
): Promise<BillRecord | undefined> {
  const held = locks.filter((l) => l.state === 'pending' && l.expiresAt && new Date(l.expiresAt) > now);
  const billIds = [...new Set(held.map((l) => l.billId))];
  if (held.length !== itemIds.length || billIds.length !== 1 || !billIds[0]) return undefined;
  const bill = await ports.bills.get(billIds[0]);
  if (bill?.accountId !== accountId || bill.status !== 'pending') return undefined;
  return sameItems(billItemIds(bill), itemIds) ? bill : undefined;
}

function conflict(locks: readonly ItemLock[], itemIds: readonly string[], now: Date): DomainError {
  const wanted = new Set(itemIds);
  const mine = locks.filter((l) => wanted.has(l.itemId));
  const paid = mine.filter((l) => l.state !== 'pending').map((l) => l.itemId);
  if (paid.length) return new DomainError('BILL_ITEM_ALREADY_PAID', { details: { itemIds: paid } });
  const pending = mine.filter((l) => l.expiresAt && new Date(l.expiresAt) > now);
  return new DomainError('BILL_ITEM_PAYMENT_PENDING', {
    details: {
      itemIds: pending.map((l) => l.itemId),
      ...(pending[0] ? { until: pending[0].expiresAt } : {}),
    },
  });
}

/** The prepay id of the bill's payment, placing its WeChat order on the first request. */
async function prepayIdOf(ports: BillPaymentPorts, payment: PaymentRecord, now: Date): Promise<string> {
  if (payment.status === 'paying' && payment.prepayId) return payment.prepayId;
  if (payment.status !== 'created') {
    throw new DomainError(payment.status === 'closed' ? 'PAYMENT_HOLD_EXPIRED' : 'PAYMENT_ALREADY_PAID');
  }
  return obtainPrepayId(ports, payment, now, 'CONCURRENT_MODIFICATION');
}

/**
 * `POST /v1/bills/payment` (诊间支付): pay chosen unpaid items of one of the account's patients.
 * 1. Own patient only (404). The items and their prices come from the HIS, never from the client;
 *    every line must satisfy quantity × unit price = line total, and the amount is the exact sum.
 * 2. Items paid, refunded or in another open payment are refused; the same items asked again while
 *    their payment is open return that payment.
 * 3. One transaction writes the bill and a lock per item, so concurrent requests cannot both hold an
 *    item; then one WeChat order for the bill, expiring with the hold.
 */
export async function requestBillPayment(
  ports: BillPaymentPorts,
  accountId: string,
  body: CreateBillPaymentBody,
  now: Date,
): Promise<BillPaymentResponse> {
  const orders = await readPatientOrders(ports, accountId, body.patientId, now);
  const entries = orders.flatMap((order) => order.items.map((item) => ({ order, item })));
  const byId = new Map(entries.map((e) => [e.item.id, e]));
  const locks = await ports.bills.locks(entries.map((e) => e.item.id));
  const lockOf = new Map(locks.map((l) => [l.itemId, l]));
  const stateOf = (id: string) => {
    const entry = byId.get(id);
    return entry ? itemState(entry.item, lockOf.get(id), now) : undefined;
  };

  // "Pay all" means every unpaid item, plus those this account is already paying (a repeated tap).
  const payable = (id: string) =>
    stateOf(id)?.status === 'unpaid' ||
    (stateOf(id)?.status === 'paying' && lockOf.get(id)?.accountId === accountId);
  const itemIds = body.itemIds ?? entries.map((e) => e.item.id).filter(payable);
  if (itemIds.length === 0) throw new DomainError('BILL_NOTHING_TO_PAY');
  const unknown = itemIds.filter((id) => !byId.has(id));
  if (unknown.length) throw new DomainError('BILL_ITEM_NOT_FOUND', { details: { itemIds: unknown } });
  const settled = itemIds.filter((id) => ['paid', 'refunded'].includes(stateOf(id)?.status ?? ''));
  if (settled.length) throw new DomainError('BILL_ITEM_ALREADY_PAID', { details: { itemIds: settled } });

  let bill = await openBillFor(
    ports,
    accountId,
    itemIds,
    locks.filter((l) => itemIds.includes(l.itemId)),
    now,
  );
  if (!bill) {
    const lines = itemIds.map((id) => {
      const entry = byId.get(id);
      if (!entry) throw new DomainError('BILL_ITEM_NOT_FOUND', { details: { itemIds: [id] } });
      return toBillLine(entry.order, entry.item);
    });
    const totals = checkBillTotals(lines.map((l) => ({ ...l, id: l.itemId })));
    if (!totals.ok) throw new DomainError('BILL_TOTAL_MISMATCH', { details: { problems: totals.problems } });
    const outcome = await ports.bills.create(
      newBill({ accountId, patientId: body.patientId, lines, totalFen: totals.totalFen }, now),
      toShanghaiIso(now),
    );
    if (outcome.kind === 'created') bill = outcome.bill;
    else {
      bill = await openBillFor(ports, accountId, itemIds, outcome.locks, now);
      if (!bill) throw conflict(outcome.locks, itemIds, now);
    }
  }

  const openid = await ports.payer.openidOf(accountId);
  if (!openid) throw new DomainError('PAYER_UNKNOWN');
  const payment = await ports.payments.createForSubject(newBillPayment(bill, openid, now));
  const prepayId = await prepayIdOf(ports, payment, now);
  return {
    billId: bill.id,
    paymentId: payment.id,
    outTradeNo: payment.outTradeNo,
    amountFen: payment.amountFen,
    holdExpiresAt: bill.expiresAt,
    lines: bill.lines,
    ...payParameters(ports, prepayId, body.returnUrl),
  };
}

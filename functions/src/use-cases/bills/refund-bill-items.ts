import { createHash, randomUUID } from 'node:crypto';
import { DomainError, toShanghaiIso, type BillRefundBody, type BillRefundResponse } from '@jiuyi/shared';
import { logger } from '../../http/logger';
import type { BillRecord } from '../../ports/bill-store';
import { HisError } from '../../ports/his';
import type { PaymentRecord, RefundRecord } from '../../ports/payment-store';
import { compactId } from '../payments/payment-numbers';
import { toRefundView } from '../payments/payment-views';
import { newRefund, refundableFen } from '../payments/payment-records';
import { executeRefund } from '../payments/refunds';
import type { BillPaymentPorts } from './bill-payment-ports';
import { writeBackPaidBill } from './confirm-bill-payment';
import { withHis } from './his-errors';

const START_ATTEMPTS = 5;

/** The account's paid bill payment and its bill; anything else (another account's too) is a 404. */
async function paidBillOf(
  ports: BillPaymentPorts,
  accountId: string,
  paymentId: string,
): Promise<{ payment: PaymentRecord; bill: BillRecord }> {
  const payment = await ports.payments.get(paymentId);
  if (!payment || payment.accountId !== accountId || payment.subject.kind !== 'bill')
    throw new DomainError('NOT_FOUND');
  const bill = await ports.bills.get(payment.subject.billId);
  if (!bill) throw new DomainError('NOT_FOUND');
  if (bill.status !== 'paid' || !payment.transactionId) throw new DomainError('PAYMENT_NOT_REFUNDABLE');
  return { payment, bill };
}

/** Starts the refund against a fresh read of the payment (another refund may have moved it). */
async function startRefund(
  ports: BillPaymentPorts,
  payment: PaymentRecord,
  refund: RefundRecord,
): Promise<boolean> {
  let current: PaymentRecord | undefined = payment;
  for (let attempt = 1; attempt <= START_ATTEMPTS && current; attempt += 1) {
    if (refundableFen(current) < refund.amountFen) return false;
    if (await ports.payments.startRefund(current, refund)) return true;
    current = await ports.payments.get(payment.id);
  }
  return false;
}

/** The same request always hashes the same, whatever the order of its items. */
function bodyHash(body: BillRefundBody): string {
  return createHash('sha256')
    .update(JSON.stringify([body.paymentId, [...body.itemIds].sort(), body.reason]))
    .digest('hex');
}

/** What a repeated request gets: the first request's refund as it is now. */
async function replay(
  ports: BillPaymentPorts,
  accountId: string,
  first: { paymentId: string; refundId: string },
): Promise<BillRefundResponse> {
  const payment = await ports.payments.get(first.paymentId);
  const refund = await ports.payments.getRefund(first.paymentId, first.refundId);
  if (!payment || payment.accountId !== accountId || payment.subject.kind !== 'bill')
    throw new DomainError('NOT_FOUND');
  const entry = (await ports.bills.get(payment.subject.billId))?.refunds[first.refundId];
  if (!refund || !entry) throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
  return {
    paymentId: payment.id,
    itemIds: entry.itemIds,
    amountFen: refund.amountFen,
    refund: toRefundView(refund),
  };
}

/**
 * `POST /v1/bills/refunds` with an optional `Idempotency-Key`: a repeat with the same key and body
 * returns the first refund; the same key with another body is refused; a refused request frees its
 * key so it can be tried again.
 */
export async function refundBillItems(
  ports: BillPaymentPorts,
  accountId: string,
  body: BillRefundBody,
  now: Date,
  idempotencyKey?: string,
): Promise<BillRefundResponse> {
  if (!idempotencyKey) return performRefund(ports, accountId, body, randomUUID(), now);
  const use = { bodyHash: bodyHash(body), paymentId: body.paymentId, refundId: randomUUID() };
  const first = await ports.bills.claimRefundKey(accountId, idempotencyKey, use, toShanghaiIso(now));
  if (first.bodyHash !== use.bodyHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  if (first.refundId !== use.refundId) return replay(ports, accountId, first);
  try {
    return await performRefund(ports, accountId, body, use.refundId, now);
  } catch (error) {
    if (error instanceof DomainError) await ports.bills.forgetRefundKey(accountId, idempotencyKey);
    throw error;
  }
}

/**
 * Refunds paid items that were not executed (NHC 2023, China-Japan
 * Friendship Hospital), for exactly their line totals.
 * 1. Own paid bill payment only; every item must be one of its lines and not refunded yet.
 * 2. Executed items are refused up front with `BILL_ITEM_EXECUTED`.
 * 3. The items are reserved for this refund (a lock per item: no item is refunded twice), then the
 *    HIS withdraws them, refusing atomically if one was executed meanwhile (the reservation is undone).
 * 4. Only then is money sent back: the refund is started on the payment and sent to WeChat Pay.
 */
async function performRefund(
  ports: BillPaymentPorts,
  accountId: string,
  body: BillRefundBody,
  refundId: string,
  now: Date,
): Promise<BillRefundResponse> {
  const { payment, bill } = await paidBillOf(ports, accountId, body.paymentId);
  const lines = body.itemIds.map((id) => bill.lines.find((l) => l.itemId === id));
  const foreign = body.itemIds.filter((_, i) => !lines[i]);
  if (foreign.length) throw new DomainError('BILL_ITEM_NOT_REFUNDABLE', { details: { itemIds: foreign } });
  const locks = await ports.bills.locks(body.itemIds);
  const gone = body.itemIds.filter((id) => locks.find((l) => l.itemId === id)?.state !== 'paid');
  if (gone.length) throw new DomainError('BILL_ITEM_NOT_REFUNDABLE', { details: { itemIds: gone } });

  // The HIS must know the items are paid before it can withdraw them.
  await withHis(() => writeBackPaidBill(ports, payment, now));
  const told = await ports.bills.get(bill.id);
  if (told?.writeBackRefusedAt) throw new DomainError('PAYMENT_NOT_REFUNDABLE');
  if (!told?.writtenBackAt) throw new DomainError('HIS_UNAVAILABLE');
  const executed = await withHis(() => ports.his.executedItems(bill.patientId, body.itemIds));
  const done = body.itemIds.filter((id) => executed[id] !== false);
  if (done.length) throw new DomainError('BILL_ITEM_EXECUTED', { details: { itemIds: done } });

  const amountFen = lines.reduce((sum, l) => sum + (l?.lineTotalFen ?? 0), 0);
  const refund = {
    ...newRefund(payment, { amountFen, cause: 'bill_items', reason: body.reason }, now),
    id: refundId,
    outRefundNo: compactId(refundId),
  };
  const at = toShanghaiIso(now);
  const entry = { refundId: refund.id, itemIds: body.itemIds, amountFen, reason: body.reason, at };
  if (!(await ports.bills.reserveRefund(bill, entry))) throw new DomainError('BILL_ITEM_NOT_REFUNDABLE');
  try {
    await ports.his.markRefunded({
      patientId: bill.patientId,
      paymentId: payment.id,
      refundId: refund.id,
      itemIds: body.itemIds,
      totalFen: amountFen,
      at,
    });
  } catch (error) {
    await ports.bills.cancelRefund(bill, refund.id);
    if (error instanceof HisError) return withHis(() => Promise.reject(error));
    throw error;
  }
  await ports.bills.confirmRefundWithHis(bill.id, refund.id, at);

  if (!(await startRefund(ports, payment, refund))) {
    // The HIS has withdrawn the items but the payment would not take the refund (staff refunded it
    // by hand meanwhile): money must not be guessed at, so a person looks at it.
    await ports.payments.flagIssue({
      id: `refund_failed-${refund.id}`,
      kind: 'refund_failed',
      paymentId: payment.id,
      outTradeNo: payment.outTradeNo,
      transactionId: payment.transactionId,
      expectedFen: amountFen,
      detail: `项目已在医院收费系统退费，但支付可退金额不足 ${amountFen} 分，请人工核对`,
      at,
    });
    logger.error('bill refund could not be started after the HIS withdrew the items', {
      refundId: refund.id,
    });
    throw new DomainError('REFUND_AMOUNT_EXCEEDED');
  }
  await executeRefund(ports, refund, now);
  const current = (await ports.payments.getRefund(payment.id, refund.id)) ?? refund;
  return { paymentId: payment.id, itemIds: body.itemIds, amountFen, refund: toRefundView(current) };
}

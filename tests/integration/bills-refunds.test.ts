import { randomUUID } from 'node:crypto';
import type { BillRefundResponse } from '@jiuyi/shared';
import type { ErrorBody } from '../support/appointment-fixtures';
import {
  AFTER_VISIT,
  listBills,
  patientWithVisit,
  payBills,
  startBillStack,
  unpaidItemIds,
  type BillStack,
} from '../support/bill-fixtures';
import { call, devToken } from '../support/http';

jest.setTimeout(60_000);

let stack: BillStack;
beforeAll(async () => {
  stack = await startBillStack();
});
afterEach(() => {
  stack.clock.now = AFTER_VISIT;
});
afterAll(async () => stack.stop());

function refund(token: string, body: Record<string, unknown>, idempotencyKey?: string) {
  return call<BillRefundResponse & ErrorBody>(stack.api.url, 'POST', '/v1/bills/refunds', {
    token,
    body,
    ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  });
}

/** A patient who paid the first `count` items of their visit; the payment is confirmed. */
async function paidItems(name: string, count: number) {
  const p = await patientWithVisit(stack, name);
  const list = await listBills(stack, p.token, p.patientId);
  const items = list.body.unpaid.flatMap((o) => o.items).slice(0, count);
  const pay = await payBills(stack, p.token, { patientId: p.patientId, itemIds: items.map((i) => i.id) });
  if (pay.status !== 200) throw new Error(`pay: ${pay.status} ${JSON.stringify(pay.body)}`);
  await stack.sandbox.pay(pay.body.outTradeNo);
  await stack.sandbox.idle();
  return { ...p, items, paymentId: pay.body.paymentId, amountFen: pay.body.amountFen };
}

describe('POST /v1/bills/refunds', () => {
  it('refunds an unexecuted item for exactly its line total, and tells the HIS', async () => {
    const p = await paidItems('rf1', 2);
    const [keep, back] = p.items;
    if (!keep || !back) throw new Error('two items expected');
    const res = await refund(p.token, {
      paymentId: p.paymentId,
      itemIds: [back.id],
      reason: '医生调整了处方',
    });
    expect(res.status).toBe(201);
    expect(res.body.amountFen).toBe(back.lineTotalFen);
    expect(res.body.refund).toMatchObject({
      amountFen: back.lineTotalFen,
      cause: 'bill_items',
      reason: '医生调整了处方',
    });
    await stack.sandbox.idle();

    const payment = await stack.api.deps.payments.get(p.paymentId);
    expect(payment).toMatchObject({
      status: 'paid',
      amountFen: p.amountFen,
      refundedFen: back.lineTotalFen,
      refundingFen: 0,
    });
    const refunds = (await stack.api.deps.payments.getWithRefunds(p.paymentId))?.refunds ?? [];
    expect(refunds.map((r) => [r.amountFen, r.status])).toEqual([[back.lineTotalFen, 'succeeded']]);

    const after = await listBills(stack, p.token, p.patientId);
    const settled = after.body.paid.flatMap((o) => o.items);
    expect(settled.find((i) => i.id === back.id)?.status).toBe('refunded');
    expect(settled.find((i) => i.id === keep.id)?.status).toBe('paid');
    const executed = await stack.his.executedItems(p.patientId, [back.id]);
    expect(executed).toEqual({ [back.id]: false });
    await expect(stack.his.markExecuted(p.patientId, [back.id])).rejects.toMatchObject({
      code: 'ITEM_NOT_PAID',
    });

    const twice = await refund(p.token, { paymentId: p.paymentId, itemIds: [back.id], reason: '再退一次' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('BILL_ITEM_NOT_REFUNDABLE');
  });

  it('refuses a whole-payment staff refund of a bill: bills are refunded by item so the HIS is told', async () => {
    const p = await paidItems('rf-staff', 1);
    const staff = await devToken(stack.api.url, 'bill-cashier', 'outpatient_staff');
    const res = await call<ErrorBody>(stack.api.url, 'POST', `/v1/payments/${p.paymentId}/refunds`, {
      token: staff,
      body: { reason: '患者要求退费' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('BILL_REFUND_BY_ITEMS');
    expect(await stack.api.deps.payments.get(p.paymentId)).toMatchObject({ status: 'paid', refundingFen: 0 });
  });

  it('refuses an executed item with BILL_ITEM_EXECUTED and moves no money', async () => {
    const p = await paidItems('rf2', 2);
    const [done, open] = p.items;
    if (!done || !open) throw new Error('two items expected');
    await stack.his.markExecuted(p.patientId, [done.id]);
    const res = await refund(p.token, {
      paymentId: p.paymentId,
      itemIds: [done.id, open.id],
      reason: '不需要了',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('BILL_ITEM_EXECUTED');
    expect(res.body.error.details).toEqual({ itemIds: [done.id] });
    expect(await stack.api.deps.payments.get(p.paymentId)).toMatchObject({
      refundedFen: 0,
      refundingFen: 0,
      status: 'paid',
    });

    const alone = await refund(p.token, { paymentId: p.paymentId, itemIds: [open.id], reason: '不需要了' });
    expect(alone.status).toBe(201);
    expect(alone.body.amountFen).toBe(open.lineTotalFen);
  });

  it('refuses an item the HIS finds executed after our check, and undoes the reservation', async () => {
    const p = await paidItems('rf3', 1);
    const [item] = p.items;
    if (!item) throw new Error('an item expected');
    await stack.his.markExecuted(p.patientId, [item.id]);
    const real = stack.api.deps.his;
    // The exam starts between our check and the HIS's withdrawal: only the HIS can tell.
    stack.api.deps.his = {
      ...real,
      executedItems: async (_, ids) => Object.fromEntries(ids.map((id) => [id, false])),
    };
    try {
      const res = await refund(p.token, { paymentId: p.paymentId, itemIds: [item.id], reason: '不需要了' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('BILL_ITEM_EXECUTED');
    } finally {
      stack.api.deps.his = real;
    }
    const [lock] = await stack.api.deps.bills.locks([item.id]);
    expect(lock?.state).toBe('paid');
    expect(await stack.api.deps.payments.get(p.paymentId)).toMatchObject({ refundedFen: 0, refundingFen: 0 });
  });

  it('returns the first refund for a retried request with the same Idempotency-Key', async () => {
    const p = await paidItems('rf5', 2);
    const [first, second] = p.items;
    if (!first || !second) throw new Error('two items expected');
    const key = randomUUID();
    const body = { paymentId: p.paymentId, itemIds: [first.id], reason: '不需要了' };
    const once = await refund(p.token, body, key);
    const again = await refund(p.token, body, key);
    expect(once.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.refund.id).toBe(once.body.refund.id);
    expect(again.body).toMatchObject({ amountFen: first.lineTotalFen, itemIds: [first.id] });
    const other = await refund(p.token, { ...body, itemIds: [second.id] }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await stack.sandbox.idle();
    const refunds = (await stack.api.deps.payments.getWithRefunds(p.paymentId))?.refunds ?? [];
    expect(refunds).toHaveLength(1);
  });

  it('refuses items of another payment, unpaid payments and other accounts’ payments', async () => {
    const p = await paidItems('rf4', 1);
    const others = await unpaidItemIds(stack, p.token, p.patientId);
    const foreign = await refund(p.token, {
      paymentId: p.paymentId,
      itemIds: [others[0]],
      reason: '不需要了',
    });
    expect(foreign.status).toBe(409);
    expect(foreign.body.error.code).toBe('BILL_ITEM_NOT_REFUNDABLE');

    const unpaid = await payBills(stack, p.token, { patientId: p.patientId, itemIds: others.slice(0, 1) });
    const notYet = await refund(p.token, {
      paymentId: unpaid.body.paymentId,
      itemIds: others.slice(0, 1),
      reason: '不需要了',
    });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('PAYMENT_NOT_REFUNDABLE');

    const stranger = await devToken(stack.api.url, 'bills-refund-stranger', 'patient');
    const theirs = await refund(stranger, {
      paymentId: p.paymentId,
      itemIds: [p.items[0]?.id],
      reason: '不需要了',
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('NOT_FOUND');

    const noReason = await refund(p.token, { paymentId: p.paymentId, itemIds: [p.items[0]?.id] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');
  });
});

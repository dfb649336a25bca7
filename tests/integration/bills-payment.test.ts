import { randomUUID } from 'node:crypto';
import { checkBillTotals } from '@jiuyi/shared';
import { paymentPortsOf } from '../../functions/src/handlers/payment-ports';
import { retryBillWriteBacks } from '../../functions/src/use-cases/bills/retry-bill-write-backs';
import { applyOrderFacts } from '../../functions/src/use-cases/payments/confirm-payment';
import type { HisPort } from '../../functions/src/ports/his';
import { HisError } from '../../functions/src/ports/his';
import { devToken } from '../support/http';
import {
  BOOKING_TIME,
  AFTER_VISIT,
  listBills,
  patientWithVisit,
  payBills,
  startBillStack,
  unpaidItemIds,
  type BillStack,
} from '../support/bill-fixtures';

jest.setTimeout(60_000);

let stack: BillStack;
let realHis: HisPort;
let markPaidCalls = 0;
let hisDownFor = 0;

beforeAll(async () => {
  stack = await startBillStack();
  realHis = stack.api.deps.his;
  // Counts the write-backs the HIS receives, and can make it fail as a HIS outage would.
  stack.api.deps.his = {
    ...realHis,
    markPaid: async (w) => {
      markPaidCalls += 1;
      if (hisDownFor > 0) {
        hisDownFor -= 1;
        throw new HisError('UNAVAILABLE', 'HIS 维护中', { transient: true });
      }
      return realHis.markPaid(w);
    },
  };
});
afterEach(() => {
  stack.clock.now = AFTER_VISIT;
  stack.sandbox.setSwitches({ duplicates: 1, retryDelaysMs: [] });
  markPaidCalls = 0;
  hisDownFor = 0;
});
afterAll(async () => stack.stop());

describe('GET /v1/patients/{id}/bills', () => {
  it('has nothing before the visit and the doctor’s orders after it, every total exact', async () => {
    const p = await patientWithVisit(stack, 'bl1');
    stack.clock.now = BOOKING_TIME;
    const before = await listBills(stack, p.token, p.patientId);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ unpaid: [], paid: [], unpaidTotalFen: 0 });

    stack.clock.now = AFTER_VISIT;
    const after = await listBills(stack, p.token, p.patientId);
    expect(after.status).toBe(200);
    expect(after.body.paid).toEqual([]);
    expect(after.body.unpaid.length).toBeGreaterThanOrEqual(2);
    const items = after.body.unpaid.flatMap((o) => o.items);
    expect(items.every((i) => i.status === 'unpaid' && Number.isInteger(i.lineTotalFen))).toBe(true);
    for (const order of after.body.unpaid) {
      expect(order.appointmentId).toBe(p.appointmentId);
      expect(order.totalFen).toBe(order.items.reduce((s, i) => s + i.quantity * i.unitPriceFen, 0));
    }
    const check = checkBillTotals(items);
    expect(check).toEqual({ ok: true, totalFen: after.body.unpaidTotalFen });
  });

  it('answers 404 for a patient of another account', async () => {
    const p = await patientWithVisit(stack, 'bl2');
    const stranger = await devToken(stack.api.url, 'bills-stranger', 'patient');
    const res = await listBills(stack, stranger, p.patientId);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('POST /v1/bills/payment', () => {
  it('prices the chosen items from the HIS and refuses an amount from the client', async () => {
    const p = await patientWithVisit(stack, 'pay1');
    const list = await listBills(stack, p.token, p.patientId);
    const items = list.body.unpaid.flatMap((o) => o.items);
    const chosen = items.slice(0, 2);
    const expected = chosen.reduce((s, i) => s + i.lineTotalFen, 0);

    const withAmount = await payBills(stack, p.token, {
      patientId: p.patientId,
      itemIds: chosen.map((i) => i.id),
      amountFen: 1,
    });
    expect(withAmount.status).toBe(400);
    expect(withAmount.body.error.code).toBe('VALIDATION_FAILED');

    const res = await payBills(stack, p.token, { patientId: p.patientId, itemIds: chosen.map((i) => i.id) });
    expect(res.status).toBe(200);
    expect(res.body.amountFen).toBe(expected);
    expect(res.body.lines.map((l) => [l.itemId, l.lineTotalFen])).toEqual(
      chosen.map((i) => [i.id, i.lineTotalFen]),
    );
    expect(res.body.requestPayment).toMatchObject({
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=/),
    });
    // WeChat Pay's own order carries the server's amount.
    const gateway = await stack.api.deps.paymentGateway();
    expect((await gateway.queryOrder(res.body.outTradeNo)).amountFen).toBe(expected);

    const again = await payBills(stack, p.token, {
      patientId: p.patientId,
      itemIds: [chosen[1]?.id, chosen[0]?.id],
    });
    expect(again.status).toBe(200);
    expect(again.body.paymentId).toBe(res.body.paymentId);

    const during = await listBills(stack, p.token, p.patientId);
    const paying = during.body.unpaid.flatMap((o) => o.items).filter((i) => i.status === 'paying');
    expect(paying.map((i) => i.id).sort()).toEqual(chosen.map((i) => i.id).sort());
    expect(paying.every((i) => i.paymentId === res.body.paymentId)).toBe(true);
    expect(during.body.unpaidTotalFen).toBe(list.body.unpaidTotalFen - expected);
  });

  it('pays chosen items through the notification and writes them back to the HIS once, despite duplicates', async () => {
    const p = await patientWithVisit(stack, 'pay2');
    const ids = await unpaidItemIds(stack, p.token, p.patientId);
    const chosen = ids.slice(0, 2);
    const res = await payBills(stack, p.token, { patientId: p.patientId, itemIds: chosen });
    expect(res.status).toBe(200);

    stack.sandbox.setSwitches({ duplicates: 3 });
    await stack.sandbox.pay(res.body.outTradeNo);
    await stack.sandbox.idle();

    const delivered = stack.sandbox.deliveries().filter((d) => d.outTradeNo === res.body.outTradeNo);
    expect(delivered.length).toBe(3);
    expect(markPaidCalls).toBe(1);
    const payment = await stack.api.deps.payments.get(res.body.paymentId);
    expect(payment).toMatchObject({ status: 'paid', amountFen: res.body.amountFen });

    const after = await listBills(stack, p.token, p.patientId);
    const paid = after.body.paid.flatMap((o) => o.items);
    expect(paid.map((i) => i.id).sort()).toEqual([...chosen].sort());
    expect(paid.every((i) => i.status === 'paid' && i.paymentId === res.body.paymentId)).toBe(true);
    const left = after.body.unpaid.flatMap((o) => o.items).map((i) => i.id);
    expect(left).toEqual(ids.slice(2));

    const twice = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [chosen[0]] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('BILL_ITEM_ALREADY_PAID');
  });

  it('calls the HIS once when the notification and the reconciliation apply the payment at the same moment', async () => {
    const p = await patientWithVisit(stack, 'pay12');
    const ids = await unpaidItemIds(stack, p.token, p.patientId);
    const res = await payBills(stack, p.token, { patientId: p.patientId, itemIds: ids.slice(0, 2) });
    stack.sandbox.setSwitches({ drop: true });
    try {
      await stack.sandbox.pay(res.body.outTradeNo);
    } finally {
      stack.sandbox.setSwitches({ drop: false });
    }
    const ports = await paymentPortsOf(stack.api.deps);
    const order = await ports.gateway.queryOrder(res.body.outTradeNo);
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() => applyOrderFacts(ports, order, stack.clock.now)),
    );
    expect(outcomes.filter((o) => o === 'booked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
    expect(markPaidCalls).toBe(1);
    expect((await stack.api.deps.bills.get(res.body.billId))?.writtenBackAt).toBeDefined();
  });

  it('completes the write-back on WeChat’s retry when the HIS was down at the first notification', async () => {
    const p = await patientWithVisit(stack, 'pay3');
    const ids = await unpaidItemIds(stack, p.token, p.patientId);
    const res = await payBills(stack, p.token, { patientId: p.patientId, itemIds: ids.slice(0, 1) });
    hisDownFor = 1;
    stack.sandbox.setSwitches({ retryDelaysMs: [50] });
    await stack.sandbox.pay(res.body.outTradeNo);
    await stack.sandbox.idle();

    expect(markPaidCalls).toBe(2);
    const bill = await stack.api.deps.bills.get(res.body.billId);
    expect(bill?.status).toBe('paid');
    expect(bill?.writtenBackAt).toBeDefined();
    const after = await listBills(stack, p.token, p.patientId);
    expect(after.body.paid.flatMap((o) => o.items).map((i) => i.id)).toEqual(ids.slice(0, 1));
  });

  it('leaves a write-back the HIS missed for a day of retries to the scheduled sweep', async () => {
    const p = await patientWithVisit(stack, 'pay10');
    const ids = await unpaidItemIds(stack, p.token, p.patientId);
    const res = await payBills(stack, p.token, { patientId: p.patientId, itemIds: ids.slice(0, 1) });
    hisDownFor = 1;
    await stack.sandbox.pay(res.body.outTradeNo);
    await stack.sandbox.idle();
    expect((await stack.api.deps.bills.get(res.body.billId))?.writtenBackAt).toBeUndefined();

    const ports = await paymentPortsOf(stack.api.deps);
    expect(await retryBillWriteBacks(ports, stack.clock.now)).toEqual({ writtenBack: 0, failed: 0 });
    stack.clock.now = new Date(AFTER_VISIT.getTime() + 3 * 60_000);
    expect(await retryBillWriteBacks(ports, stack.clock.now)).toEqual({ writtenBack: 1, failed: 0 });
    expect((await stack.api.deps.bills.get(res.body.billId))?.writtenBackAt).toBeDefined();
    expect(await retryBillWriteBacks(ports, stack.clock.now)).toEqual({ writtenBack: 0, failed: 0 });
    expect(markPaidCalls).toBe(2);
  });

  it('flags for staff, once, a payment whose items the HIS says were paid elsewhere', async () => {
    const p = await patientWithVisit(stack, 'pay11');
    const list = await listBills(stack, p.token, p.patientId);
    const [item] = list.body.unpaid.flatMap((o) => o.items);
    if (!item) throw new Error('an item expected');
    const res = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [item.id] });
    // Paid at the cashier's window while the phone payment was open.
    await realHis.markPaid({
      patientId: p.patientId,
      paymentId: randomUUID(),
      transactionId: 'window-cash',
      itemIds: [item.id],
      totalFen: item.lineTotalFen,
      paidAt: '2025-10-13T09:01:00.000+08:00',
    });
    stack.sandbox.setSwitches({ duplicates: 2 });
    await stack.sandbox.pay(res.body.outTradeNo);
    await stack.sandbox.idle();

    const issues = await stack.api.deps.payments.listIssues(100);
    const mine = issues.filter((i) => i.paymentId === res.body.paymentId);
    expect(mine.map((i) => i.kind)).toEqual(['his_rejected']);
    expect(markPaidCalls).toBe(1);
    expect((await stack.api.deps.bills.get(res.body.billId))?.writeBackRefusedAt).toBeDefined();
    stack.clock.now = new Date(AFTER_VISIT.getTime() + 10 * 60_000);
    expect(await retryBillWriteBacks(await paymentPortsOf(stack.api.deps), stack.clock.now)).toEqual({
      writtenBack: 0,
      failed: 0,
    });
  });

  it('lets only one of two concurrent payments hold an item', async () => {
    const p = await patientWithVisit(stack, 'pay4');
    const ids = await unpaidItemIds(stack, p.token, p.patientId);
    const [a, b, c] = ids;
    if (!a || !b || !c) throw new Error('three items expected');
    const results = await Promise.all([
      payBills(stack, p.token, { patientId: p.patientId, itemIds: [a, b] }),
      payBills(stack, p.token, { patientId: p.patientId, itemIds: [b, c] }),
    ]);
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.body.error.code).toBe('BILL_ITEM_PAYMENT_PENDING');
    expect(refused[0]?.body.error.details).toMatchObject({ itemIds: [b] });
  });

  it('makes one payment of the same choice sent three times at once (a double tap, two devices)', async () => {
    const p = await patientWithVisit(stack, 'pay8');
    const ids = await unpaidItemIds(stack, p.token, p.patientId);
    const same = await Promise.all(
      [1, 2, 3].map(() => payBills(stack, p.token, { patientId: p.patientId, itemIds: ids.slice(0, 2) })),
    );
    expect(same.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(same.map((r) => r.body.paymentId)).size).toBe(1);
    expect(new Set(same.map((r) => r.body.requestPayment.package)).size).toBe(1);
  });

  it('lets an item go to a new payment once the old payment’s hold is over', async () => {
    const p = await patientWithVisit(stack, 'pay5');
    const [a] = await unpaidItemIds(stack, p.token, p.patientId);
    const first = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [a] });
    expect(first.status).toBe(200);
    stack.clock.now = new Date(AFTER_VISIT.getTime() + 16 * 60_000);
    const second = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [a] });
    expect(second.status).toBe(200);
    expect(second.body.paymentId).not.toBe(first.body.paymentId);
  });

  it('refunds in full a payment whose notification comes after its items went to a newer payment', async () => {
    const p = await patientWithVisit(stack, 'pay9');
    const [a] = await unpaidItemIds(stack, p.token, p.patientId);
    const first = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [a] });
    stack.sandbox.setSwitches({ reorder: true });
    try {
      stack.clock.now = new Date(AFTER_VISIT.getTime() + 60_000);
      await stack.sandbox.pay(first.body.outTradeNo);
      stack.clock.now = new Date(AFTER_VISIT.getTime() + 16 * 60_000);
      const second = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [a] });
      expect(second.status).toBe(200);
      await stack.sandbox.pay(second.body.outTradeNo);
      // Newest first: the second payment is applied, then the first arrives late.
      expect(await stack.sandbox.flushHeld()).toBe(2);
      await stack.sandbox.idle();
      // The refund's own notification was held too.
      stack.sandbox.setSwitches({ reorder: false });
      await stack.sandbox.flushHeld();
      await stack.sandbox.idle();

      expect(await stack.api.deps.payments.get(second.body.paymentId)).toMatchObject({ status: 'paid' });
      const late = await stack.api.deps.payments.getWithRefunds(first.body.paymentId);
      expect(late?.payment).toMatchObject({ status: 'refunded', refundedFen: first.body.amountFen });
      expect(late?.refunds.map((r) => [r.amountFen, r.cause])).toEqual([
        [first.body.amountFen, 'hold_released'],
      ]);
      expect((await stack.api.deps.bills.get(first.body.billId))?.status).toBe('superseded');
      expect(markPaidCalls).toBe(1);
      const after = await listBills(stack, p.token, p.patientId);
      const item = after.body.paid.flatMap((o) => o.items).find((i) => i.id === a);
      expect(item).toMatchObject({ status: 'paid', paymentId: second.body.paymentId });
    } finally {
      stack.sandbox.setSwitches({ reorder: false });
    }
  });

  it('refuses unknown items, an empty choice and another account’s patient', async () => {
    const p = await patientWithVisit(stack, 'pay6');
    const unknown = await payBills(stack, p.token, { patientId: p.patientId, itemIds: ['NO-SUCH-ITEM'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('BILL_ITEM_NOT_FOUND');
    const empty = await payBills(stack, p.token, { patientId: p.patientId, itemIds: [] });
    expect(empty.status).toBe(400);
    const stranger = await devToken(stack.api.url, 'bills-stranger-2', 'patient');
    const foreign = await payBills(stack, stranger, { patientId: p.patientId });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
  });

  it('pays every unpaid item when none are chosen', async () => {
    const p = await patientWithVisit(stack, 'pay7');
    const list = await listBills(stack, p.token, p.patientId);
    const res = await payBills(stack, p.token, { patientId: p.patientId });
    expect(res.status).toBe(200);
    expect(res.body.amountFen).toBe(list.body.unpaidTotalFen);
    const again = await payBills(stack, p.token, { patientId: p.patientId });
    expect(again.status).toBe(200);
    expect(again.body.paymentId).toBe(res.body.paymentId);
    await stack.sandbox.pay(res.body.outTradeNo);
    await stack.sandbox.idle();
    const nothing = await payBills(stack, p.token, { patientId: p.patientId });
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.code).toBe('BILL_NOTHING_TO_PAY');
  });
});

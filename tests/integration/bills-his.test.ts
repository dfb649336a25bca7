import { randomUUID } from 'node:crypto';
import { checkBillTotals } from '@jiuyi/shared';
import { createHttpHis } from '../../functions/src/adapters/his/http-his';
import { createLocalHis, type LocalHis } from '../../functions/src/adapters/his/local-his';
import { startFakeHisServer, type FakeHisServer } from '../../functions/src/local/fake-his/fake-his-server';
import { HisError, type HisPort, type HisVisit } from '../../functions/src/ports/his';
import { createTestDeps } from '../support/test-stack';

/**
 * The HIS port's contract, run against the demo HIS on DynamoDB Local and against the HTTP adapter
 * talking to the fake HIS server (itself in front of a demo HIS), so both adapters mean the same.
 */
const SIGNING_KEY = 'fake-his-signing-key-0123456789abcdef';

jest.setTimeout(60_000);

let local: LocalHis;
let backing: LocalHis;
let server: FakeHisServer;
let http: HisPort;

beforeAll(async () => {
  local = createLocalHis((await createTestDeps()).table);
  backing = createLocalHis((await createTestDeps()).table);
  server = await startFakeHisServer({ his: backing, signingKey: SIGNING_KEY });
  http = createHttpHis({ baseUrl: server.url, signingKey: async () => SIGNING_KEY, timeoutMs: 2000 });
});
afterAll(async () => server.stop());

function visit(patientId: string, appointmentId: string = randomUUID()): HisVisit {
  return {
    appointmentId,
    patientId,
    date: '2025-10-13',
    departmentId: 'dept-ortho-spine',
    departmentName: '脊柱外科',
    doctorId: 'doc-spine-01',
    doctorName: '王医生',
    start: '2025-10-13T10:00:00.000+08:00',
  };
}

/** A new patient's first bill order from the HIS, and that order's first item. */
async function firstItem(port: HisPort) {
  const patientId = randomUUID();
  const [order] = await port.listOrders(patientId, [visit(patientId)]);
  const item = order?.items[0];
  if (!order || !item) throw new Error('no item');
  return { patientId, order, item };
}

async function hisError(p: Promise<unknown>): Promise<HisError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HisError)) throw new Error(`expected a HisError, got ${String(error)}`);
  return error;
}

describe.each([
  ['demo HIS on DynamoDB Local', () => ({ port: local, staff: local })],
  ['HTTP adapter against the fake HIS server', () => ({ port: http, staff: backing })],
])('HIS port: %s', (_, adapters) => {
  it('lists the same orders for the same visit every time, every line adding up', async () => {
    const { port } = adapters();
    const patientId = randomUUID();
    const v = visit(patientId);
    const first = await port.listOrders(patientId, [v]);
    const again = await port.listOrders(patientId, [v]);
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThanOrEqual(2);
    const items = first.flatMap((o) => o.items);
    expect(checkBillTotals(items).ok).toBe(true);
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['exam', 'drug']));
    expect(first.every((o) => o.appointmentId === v.appointmentId && o.patientId === patientId)).toBe(true);
    expect(items.every((i) => !i.executed && !i.paidByPaymentId)).toBe(true);
  });

  it('lists only the visits asked for, and nothing for a visit of another patient', async () => {
    const { port } = adapters();
    const patientId = randomUUID();
    const a = visit(patientId);
    const b = visit(patientId);
    await port.listOrders(patientId, [a, b]);
    const onlyA = await port.listOrders(patientId, [a]);
    expect(onlyA.every((o) => o.appointmentId === a.appointmentId)).toBe(true);
    expect(await port.listOrders(randomUUID(), [visit(patientId)])).toEqual([]);
  });

  it('records a payment once however often it is told, and refuses the item to another payment', async () => {
    const { port } = adapters();
    const { patientId, order, item } = await firstItem(port);
    const paymentId = randomUUID();
    const writeBack = {
      patientId,
      paymentId,
      transactionId: '4200000000000000001',
      itemIds: [item.id],
      totalFen: item.lineTotalFen,
      paidAt: '2025-10-13T10:40:00.000+08:00',
    };
    await port.markPaid(writeBack);
    await port.markPaid(writeBack);
    const [after] = await port.listOrders(patientId, [visit(patientId, order.appointmentId)]);
    expect(after?.items[0]?.paidByPaymentId).toBe(paymentId);
    const other = await hisError(port.markPaid({ ...writeBack, paymentId: randomUUID() }));
    expect(other.code).toBe('ITEM_ALREADY_PAID');
    expect(other.itemIds).toEqual([item.id]);
  });

  it('refuses a total that is not the sum of the items and an unknown item', async () => {
    const { port } = adapters();
    const { patientId, item } = await firstItem(port);
    const base = { patientId, transactionId: 't', paidAt: '2025-10-13T10:40:00.000+08:00' };
    const wrongTotal = await hisError(
      port.markPaid({
        ...base,
        paymentId: randomUUID(),
        itemIds: [item.id],
        totalFen: item.lineTotalFen - 1,
      }),
    );
    expect(wrongTotal.code).toBe('TOTAL_MISMATCH');
    const unknown = await hisError(
      port.markPaid({ ...base, paymentId: randomUUID(), itemIds: ['NO-SUCH-ITEM'], totalFen: 0 }),
    );
    expect(unknown.code).toBe('ITEM_NOT_FOUND');
    expect(unknown.itemIds).toEqual(['NO-SUCH-ITEM']);
  });

  it('withdraws an unexecuted paid item once and refuses an executed one', async () => {
    const { port, staff } = adapters();
    const patientId = randomUUID();
    const orders = await port.listOrders(patientId, [visit(patientId)]);
    const [first, second] = orders.flatMap((o) => o.items);
    if (!first || !second) throw new Error('two items expected');
    const paymentId = randomUUID();
    await port.markPaid({
      patientId,
      paymentId,
      transactionId: 't',
      itemIds: [first.id, second.id],
      totalFen: first.lineTotalFen + second.lineTotalFen,
      paidAt: '2025-10-13T10:40:00.000+08:00',
    });
    await staff.markExecuted(patientId, [second.id]);
    expect(await port.executedItems(patientId, [first.id, second.id])).toEqual({
      [first.id]: false,
      [second.id]: true,
    });
    const refundId = randomUUID();
    const refund = {
      patientId,
      paymentId,
      refundId,
      itemIds: [first.id],
      totalFen: first.lineTotalFen,
      at: '2025-10-13T11:00:00.000+08:00',
    };
    await port.markRefunded(refund);
    await port.markRefunded(refund);
    const executed = await hisError(
      port.markRefunded({
        ...refund,
        refundId: randomUUID(),
        itemIds: [second.id],
        totalFen: second.lineTotalFen,
      }),
    );
    expect(executed.code).toBe('ITEM_EXECUTED');
    expect(executed.itemIds).toEqual([second.id]);
    const twice = await hisError(port.markRefunded({ ...refund, refundId: randomUUID() }));
    expect(twice.code).toBe('ITEM_NOT_PAID');
    await expect(staff.markExecuted(patientId, [first.id])).rejects.toMatchObject({ code: 'ITEM_NOT_PAID' });
  });
});

describe('HTTP adapter specifics', () => {
  it('signs every request: the fake HIS refuses a client with the wrong key', async () => {
    const wrong = createHttpHis({ baseUrl: server.url, signingKey: async () => 'x'.repeat(40), attempts: 1 });
    const error = await hisError(wrong.listOrders(randomUUID(), []));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.transient).toBe(false);
  });

  it('refuses a request signed too long ago (replay window)', async () => {
    const stale = createHttpHis({
      baseUrl: server.url,
      signingKey: async () => SIGNING_KEY,
      now: () => new Date(Date.now() - 10 * 60_000),
      attempts: 1,
    });
    expect((await hisError(stale.listOrders(randomUUID(), []))).code).toBe('BAD_RESPONSE');
  });

  it('retries one outage transparently (every call is idempotent)', async () => {
    const patientId = randomUUID();
    const before = server.requests.length;
    server.failNext(503, 1);
    const orders = await http.listOrders(patientId, [visit(patientId)]);
    expect(orders.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length - before).toBe(2);
  });

  it('reports a lasting outage as transient UNAVAILABLE', async () => {
    server.failNext(503, 2);
    const error = await hisError(http.listOrders(randomUUID(), []));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', transient: true });
  });

  it('reports an unreachable HIS as transient UNAVAILABLE', async () => {
    const down = createHttpHis({ baseUrl: 'http://127.0.0.1:1/his/v1', signingKey: async () => SIGNING_KEY });
    expect(await hisError(down.executedItems(randomUUID(), ['A']))).toMatchObject({
      code: 'UNAVAILABLE',
      transient: true,
    });
  });

  it('refuses a malformed answer instead of trusting it', async () => {
    const lying = createHttpHis({
      baseUrl: server.url,
      signingKey: async () => SIGNING_KEY,
      fetchImpl: async () => new Response(JSON.stringify({ orders: [{ id: 'x' }] }), { status: 200 }),
    });
    expect((await hisError(lying.listOrders(randomUUID(), []))).code).toBe('BAD_RESPONSE');
  });
});

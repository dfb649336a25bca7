import { randomUUID } from 'node:crypto';
import type { BillListResponse, BillPaymentResponse } from '@jiuyi/shared';
import { createLocalHis, type LocalHis } from '../../functions/src/adapters/his/local-his';
import {
  startWechatPaySandbox,
  type WechatPaySandbox,
} from '../../functions/src/local/wechat-pay-sandbox/sandbox';
import { sandboxPaymentDeps } from '../../functions/src/local/wechat-pay-sandbox/sandbox-deps';
import { appointmentFixtures, at, type ErrorBody } from './appointment-fixtures';
import { call } from './http';
import { startTestApi, type TestApi } from './test-stack';

/** Booking happens the day before; the bills are read after the morning's visit began. */
export const BOOKING_TIME = at('2025-10-12T10:00:00');
export const VISIT_DAY = '2025-10-13';
export const AFTER_VISIT = at('2025-10-13T09:00:00');

export interface BillStack {
  api: TestApi;
  sandbox: WechatPaySandbox;
  /** The demo HIS the API talks to, for what hospital staff would do (execute an exam). */
  his: LocalHis;
  clock: { now: Date };
  /** One set of booking fixtures per stack, so every patient gets a distinct identity. */
  fixtures: ReturnType<typeof appointmentFixtures>;
  stop(): Promise<void>;
}

/**
 * The API over DynamoDB Local with the WeChat Pay sandbox, both on one adjustable clock (the sandbox
 * signs notifications with it and the API checks their age with it), and the demo HIS.
 */
export async function startBillStack(): Promise<BillStack> {
  const clock = { now: AFTER_VISIT };
  const now = () => clock.now;
  const sandbox = await startWechatPaySandbox({ now });
  // The API's URL is known only once it listens; the settings object is read on every request.
  const payment = sandboxPaymentDeps(sandbox, 'http://127.0.0.1:0', now);
  const api = await startTestApi({ ...payment, now });
  payment.paymentSettings.notifyUrl = `${api.url}/v1/payments/wechat/notify`;
  return {
    api,
    sandbox,
    his: createLocalHis(api.deps.table),
    clock,
    fixtures: appointmentFixtures(api, 'bills'),
    stop: async () => {
      await sandbox.close();
      await api.stop();
    },
  };
}

/**
 * A patient with a visit on the visit day: a free registration (so the fixture needs no registration
 * payment) booked the day before, in a session of its own.
 */
export async function patientWithVisit(stack: BillStack, name: string) {
  const { fixtures } = stack;
  const saved = stack.clock.now;
  stack.clock.now = BOOKING_TIME;
  try {
    const { slotIds } = await fixtures.makeSession(`${name}-${randomUUID().slice(0, 8)}`, {
      capacityOnline: 2,
      feeFen: 0,
      date: VISIT_DAY,
    });
    const account = await fixtures.makeAccount();
    const patientId = account.patientIds[0];
    const slotId = slotIds[0];
    if (!patientId || !slotId) throw new Error('fixture: no patient or slot');
    const booked = await fixtures.book(account.token, slotId, patientId);
    if (booked.status !== 201 || booked.body.status !== 'booked')
      throw new Error(`fixture booking: ${booked.status} ${JSON.stringify(booked.body)}`);
    return { token: account.token, accountId: account.accountId, patientId, appointmentId: booked.body.id };
  } finally {
    stack.clock.now = saved;
  }
}

export function listBills(stack: BillStack, token: string, patientId: string) {
  return call<BillListResponse & ErrorBody>(stack.api.url, 'GET', `/v1/patients/${patientId}/bills`, {
    token,
  });
}

export function payBills(stack: BillStack, token: string, body: Record<string, unknown>) {
  return call<BillPaymentResponse & ErrorBody>(stack.api.url, 'POST', '/v1/bills/payment', { token, body });
}

/** The unpaid item ids of the patient's bills, in listing order. */
export async function unpaidItemIds(stack: BillStack, token: string, patientId: string): Promise<string[]> {
  const res = await listBills(stack, token, patientId);
  if (res.status !== 200) throw new Error(`bills: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.unpaid.flatMap((o) => o.items.filter((i) => i.status === 'unpaid').map((i) => i.id));
}

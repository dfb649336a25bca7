import { randomUUID } from 'node:crypto';
import type { WaitlistEntryView } from '@jiuyi/shared';
import { holdOrderCloser } from '../../functions/src/handlers/hold-order-closer';
import { promoteActiveWaitlists } from '../../functions/src/use-cases/waitlist/promote-waitlist';
import type { ErrorBody } from '../support/appointment-fixtures';
import { call, devToken } from '../support/http';
import {
  FEE_FEN,
  MINUTE,
  PAY_NOW,
  SESSION_DATE,
  startPaymentStack,
  type PaymentStack,
} from '../support/payment-fixtures';

// Item 9 of issue 10: every release of an unpaid hold closes its WeChat order first, including the
// release a new booking does on a slot full of expired holds and the one the waitlist promotion does.
jest.setTimeout(60_000);

let s: PaymentStack;
beforeAll(async () => {
  s = await startPaymentStack('holdclose');
});
afterEach(() => s.reset());
afterAll(async () => s.stop());

/** 16 minutes after the holds were made: every 15-minute hold has expired. */
const AFTER_HOLD = new Date(PAY_NOW.getTime() + 16 * MINUTE);

/** A patient holding one number of `slotId` with a WeChat order opened for it (prepay done, not paid). */
async function heldWithOrder(slotId: string) {
  const account = await s.fixtures.makeAccount();
  const booked = await s.fixtures.book(account.token, slotId, account.patientIds[0]!);
  if (booked.status !== 201) throw new Error(`book: ${booked.status} ${JSON.stringify(booked.body)}`);
  const order = await s.pay(account.token, booked.body.id);
  return { ...account, appointmentId: booked.body.id, outTradeNo: order.outTradeNo };
}

async function tradeState(outTradeNo: string): Promise<string> {
  return (await (await s.ports()).gateway.queryOrder(outTradeNo)).tradeState;
}

describe('the release inside a new booking', () => {
  it('closes the expired hold’s WeChat order before giving its number away: the old order cannot be paid', async () => {
    // Prepare: the only number of the slot is held by A, whose order is open at WeChat.
    const { slotIds } = await s.fixtures.makeSession('booking', {
      capacityOnline: 1,
      feeFen: FEE_FEN,
      date: SESSION_DATE,
    });
    const a = await heldWithOrder(slotIds[0]!);
    const b = await s.fixtures.makeAccount();
    expect(await tradeState(a.outTradeNo)).toBe('NOTPAY');
    // Act: A's hold runs out; B books the slot (which releases A's expired hold), then A tries to pay.
    s.setClock(AFTER_HOLD);
    const booked = await s.fixtures.book(b.token, slotIds[0]!, b.patientIds[0]!);
    const lateAttempt = s.sandbox.pay(a.outTradeNo);
    // Assess: B has the number; A's order is closed at WeChat before the release, so no money moves.
    expect([booked.status, booked.body.status]).toEqual([201, 'pending_payment']);
    await expect(lateAttempt).rejects.toThrow();
    expect(await tradeState(a.outTradeNo)).toBe('CLOSED');
    expect(await s.paymentOf(a.token, a.appointmentId)).toMatchObject({ status: 'closed', refunds: [] });
    expect(await s.appointmentOf(a.token, a.appointmentId)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'hold_expired',
    });
    expect(await s.fixtures.bookedOnline(slotIds[0]!)).toBe(1);
  });

  it('finds A paid at WeChat (the notification is late): A keeps the number, B is told the slot is full', async () => {
    // Prepare: A pays in time but WeChat's notification has not arrived yet when the hold runs out.
    const { slotIds } = await s.fixtures.makeSession('booking-paid', {
      capacityOnline: 1,
      feeFen: FEE_FEN,
      date: SESSION_DATE,
    });
    const receiver = await s.captureNotifications();
    const a = await heldWithOrder(slotIds[0]!);
    await s.sandbox.pay(a.outTradeNo);
    const b = await s.fixtures.makeAccount();
    // Act
    s.setClock(AFTER_HOLD);
    const booked = await s.fixtures.book(b.token, slotIds[0]!, b.patientIds[0]!);
    // Assess: closing the order answered ORDERPAID, so the payment was applied instead of released.
    expect(receiver.received.length).toBeGreaterThanOrEqual(1);
    expect([booked.status, (booked.body as ErrorBody).error.code]).toEqual([409, 'SLOT_FULL']);
    expect((await s.appointmentOf(a.token, a.appointmentId)).status).toBe('booked');
    expect(await s.paymentOf(a.token, a.appointmentId)).toMatchObject({ status: 'paid', refunds: [] });
    expect(await s.fixtures.bookedOnline(slotIds[0]!)).toBe(1);
  });
});

describe('the release inside the waitlist promotion', () => {
  it('closes every expired hold’s WeChat order before offering the number to the first in line', async () => {
    // Prepare: both numbers of a session are held by A1 and A2 (orders open); W joins the waitlist.
    const { sessionId, slotIds } = await s.fixtures.makeSession('waitlist', {
      capacityOnline: 1,
      feeFen: FEE_FEN,
      date: SESSION_DATE,
    });
    const holders = [await heldWithOrder(slotIds[0]!), await heldWithOrder(slotIds[1]!)];
    const w = await s.fixtures.makeAccount();
    const joined = await call<WaitlistEntryView & ErrorBody>(
      s.api.url,
      'POST',
      `/v1/sessions/${sessionId}/waitlist`,
      { token: w.token, body: { patientId: w.patientIds[0] }, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(joined.status).toBe(201);
    // Act: the holds run out and the scheduled promotion runs, wired as its handler wires it.
    s.setClock(AFTER_HOLD);
    const result = await promoteActiveWaitlists(
      { ...s.api.deps, closeHoldOrder: holdOrderCloser(s.api.deps, AFTER_HOLD) },
      AFTER_HOLD,
    );
    // Assess: W got an offer; both old orders were closed at WeChat and cannot be paid any more.
    expect(result.offered).toBe(1);
    const offers = await call<{ items: WaitlistEntryView[] }>(s.api.url, 'GET', '/v1/waitlist', {
      token: w.token,
    });
    expect(offers.body.items.map((e) => e.status)).toEqual(['offered']);
    for (const h of holders) {
      expect(await tradeState(h.outTradeNo)).toBe('CLOSED');
      await expect(s.sandbox.pay(h.outTradeNo)).rejects.toThrow();
      expect((await s.paymentOf(h.token, h.appointmentId)).status).toBe('closed');
      expect((await s.appointmentOf(h.token, h.appointmentId)).status).toBe('cancelled');
    }
  });
});

describe('the release when a suspended session’s unpaid hold is cancelled', () => {
  it('closes the hold’s WeChat order before cancelling it, so the displaced patient cannot pay for nothing', async () => {
    // Prepare: A holds a number with an open order; the session is then suspended (停诊).
    const { sessionId, slotIds } = await s.fixtures.makeSession('suspend', {
      capacityOnline: 1,
      feeFen: FEE_FEN,
      date: SESSION_DATE,
    });
    const a = await heldWithOrder(slotIds[0]!);
    const staff = await devToken(s.api.url, 'holdclose-staff', 'outpatient_staff');
    const suspended = await call(s.api.url, 'POST', `/v1/sessions/${sessionId}/suspend`, {
      token: staff,
      body: { reason: '医生临时外出会诊' },
    });
    expect(suspended.status).toBe(200);
    // Act: A answers the offer with 退号 (cancel) while the hold still runs.
    const chosen = await call<ErrorBody>(
      s.api.url,
      'POST',
      `/v1/appointments/${a.appointmentId}/suspension-choice`,
      {
        token: a.token,
        body: { choice: 'cancel' },
      },
    );
    // Assess
    expect(chosen.status).toBe(200);
    expect(await tradeState(a.outTradeNo)).toBe('CLOSED');
    await expect(s.sandbox.pay(a.outTradeNo)).rejects.toThrow();
    expect(await s.paymentOf(a.token, a.appointmentId)).toMatchObject({ status: 'closed', refunds: [] });
    expect((await s.appointmentOf(a.token, a.appointmentId)).status).toBe('cancelled');
  });
});

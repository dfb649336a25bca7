import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { checkInCodeResponseSchema, toShanghaiIso, type AppointmentView } from '@jiuyi/shared';
import { appointmentKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import { at, type ErrorBody } from '../support/appointment-fixtures';
import { call, devToken } from '../support/http';
import { makeResidentId } from '../support/identities';
import { inboxOf } from '../support/patient-reads';
import { FEE_FEN, SESSION_DATE, startPaymentStack, type PaymentStack } from '../support/payment-fixtures';

// Item 6 of issue 10: a void at the desk refunds in full, gives the number and the guard back and
// tells the patient; outpatient staff can undo a void within its session, audited.
jest.setTimeout(120_000);

let s: PaymentStack;
let staffToken: string;
beforeAll(async () => {
  s = await startPaymentStack('void');
  staffToken = await devToken(s.api.url, 'void-desk', 'outpatient_staff');
});
afterEach(() => s.reset());
afterAll(async () => s.stop());

/** At the desk on the visit day, inside the first slot's check-in window (08:00–08:30). */
const AT_DESK = at(`${SESSION_DATE}T07:50:00`);
/** Someone else's (valid) resident ID: what a mistyped or wrong document looks like to the check. */
const WRONG_ID = makeResidentId('110105', '19900101', '777');

type Account = Awaited<ReturnType<PaymentStack['fixtures']['makeAccount']>>;
interface Visit extends Account {
  appointmentId: string;
  sessionId: string;
  slotIds: string[];
}

/** A booked visit in slot 0 of a new session: paid through the sandbox when `feeFen` > 0. */
async function bookedVisit(name: string, o: { feeFen: number; capacityOnline?: number }): Promise<Visit> {
  const session = await s.fixtures.makeSession(name, {
    capacityOnline: o.capacityOnline ?? 2,
    feeFen: o.feeFen,
    date: SESSION_DATE,
  });
  const account = await s.fixtures.makeAccount(2);
  const booked = await s.fixtures.book(account.token, session.slotIds[0]!, account.patientIds[0]!);
  if (booked.status !== 201) throw new Error(`book: ${booked.status} ${JSON.stringify(booked.body)}`);
  if (o.feeFen > 0) {
    const order = await s.pay(account.token, booked.body.id);
    await s.sandbox.pay(order.outTradeNo);
    await s.sandbox.idle();
  }
  return { ...account, ...session, appointmentId: booked.body.id };
}

async function codeFor(token: string, id: string): Promise<string> {
  const res = await call(s.api.url, 'GET', `/v1/appointments/${id}/check-in-code`, { token });
  if (res.status !== 200) throw new Error(`code: ${res.status} ${JSON.stringify(res.body)}`);
  return checkInCodeResponseSchema.parse(res.body).token;
}

const deskCheckIn = (token: string, idNumber: string) =>
  call<AppointmentView & ErrorBody>(s.api.url, 'POST', '/v1/check-ins', {
    token: staffToken,
    body: { token, idType: 'resident_id', idNumber },
  });

/** The desk checks the visit against the wrong document: the booking is voided. */
async function voidAtDesk(v: Visit) {
  s.setClock(AT_DESK);
  return deskCheckIn(await codeFor(v.token, v.appointmentId), WRONG_ID);
}

const undo = (id: string, token = staffToken, reason = '证件号码录入错误，核对原件后确认为本人') =>
  call<AppointmentView & ErrorBody>(s.api.url, 'POST', `/v1/appointments/${id}/undo-void`, {
    token,
    body: { reason },
  });

const cancel = (v: Visit) =>
  call<AppointmentView & ErrorBody>(s.api.url, 'POST', `/v1/appointments/${v.appointmentId}/cancel`, {
    token: v.token,
    body: {},
  });

describe('a void at the desk gives everything back', () => {
  it('a paid booking voided is refunded in full, its number and guard return, and the patient is told', async () => {
    // Prepare: the attack of the review: a paid booking, then a document that does not match.
    // Before the fix the void kept the money (no refund), the number and the guard (no rebooking).
    const v = await bookedVisit('paid', { feeFen: FEE_FEN, capacityOnline: 1 });
    expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(1);
    // Act
    const res = await voidAtDesk(v);
    await s.sandbox.idle();
    // Assess: voided, refunded in full through the refund path, settled by WeChat's notification.
    expect([res.status, res.body.error.code]).toEqual([409, 'CHECK_IN_IDENTITY_MISMATCH']);
    const after = await s.appointmentOf(v.token, v.appointmentId);
    expect(after).toMatchObject({
      status: 'voided',
      cancelReason: 'identity_mismatch',
      refundRequired: true,
    });
    const payment = await s.paymentOf(v.token, v.appointmentId);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN, refundingFen: 0 });
    expect(payment.refunds).toEqual([
      expect.objectContaining({ amountFen: FEE_FEN, status: 'succeeded', cause: 'appointment_cancelled' }),
    ]);
    // The number is back in its pool, and the same patient can book that session again.
    expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(0);
    const again = await s.fixtures.book(v.token, v.slotIds[1]!, v.patientIds[0]!);
    expect([again.status, again.body.status]).toEqual([201, 'pending_payment']);
    // Told twice: the void (with the refund) and the refund's success; nothing is left refund-due.
    const titles = (await inboxOf(s.api.url, v.token)).map((m) => [m.title, m.body]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ['预约已作废', expect.stringContaining('已支付的挂号费 ¥15.00 将全额原路退回')],
        ['退款成功', expect.any(String)],
      ]),
    );
    const due = await s.api.deps.payments.listRefundsDue(toShanghaiIso(at(`${SESSION_DATE}T12:00:00`)), 100);
    expect(due.map((a) => a.id)).not.toContain(v.appointmentId);
  });

  it('a free booking voided gives its number and guard back without any payment', async () => {
    // Prepare
    const v = await bookedVisit('free', { feeFen: 0, capacityOnline: 1 });
    // Act
    const res = await voidAtDesk(v);
    // Assess
    expect(res.body.error.code).toBe('CHECK_IN_IDENTITY_MISMATCH');
    expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(0);
    const again = await s.fixtures.book(v.token, v.slotIds[0]!, v.patientIds[0]!);
    expect([again.status, again.body.status]).toEqual([201, 'booked']);
  });
});

describe('voids racing cancels and each other: the money goes back once', () => {
  it('a void and the patient’s cancel at the same moment, 6 times: one wins, one refund, one number back', async () => {
    for (let run = 0; run < 6; run += 1) {
      // Prepare
      const v = await bookedVisit(`race-${run}`, { feeFen: FEE_FEN });
      s.setClock(AT_DESK);
      const code = await codeFor(v.token, v.appointmentId);
      const before = await s.fixtures.bookedOnline(v.slotIds[0]!);
      // Act
      const [voided, cancelled] = await Promise.all([deskCheckIn(code, WRONG_ID), cancel(v)]);
      await s.sandbox.idle();
      // Assess
      const winners = [voided.body.error?.code === 'CHECK_IN_IDENTITY_MISMATCH', cancelled.status === 200];
      expect(winners.filter(Boolean)).toHaveLength(1);
      const payment = await s.paymentOf(v.token, v.appointmentId);
      expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN });
      expect(payment.refunds).toHaveLength(1);
      expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(before - 1);
    }
  });

  it('four desks voiding the same booking at once: one void, one refund', async () => {
    // Prepare
    const v = await bookedVisit('dup', { feeFen: FEE_FEN });
    s.setClock(AT_DESK);
    const code = await codeFor(v.token, v.appointmentId);
    // Act
    const results = await Promise.all([1, 2, 3, 4].map(() => deskCheckIn(code, WRONG_ID)));
    await s.sandbox.idle();
    // Assess: one void; the others see it is no longer booked.
    const codes = results.map((r) => r.body.error.code);
    expect(codes.filter((c) => c === 'CHECK_IN_IDENTITY_MISMATCH')).toHaveLength(1);
    for (const c of codes.filter((x) => x !== 'CHECK_IN_IDENTITY_MISMATCH'))
      expect(['APPOINTMENT_STATUS_CONFLICT', 'APPOINTMENT_NOT_CHECKABLE']).toContain(c);
    const payment = await s.paymentOf(v.token, v.appointmentId);
    expect(payment.refunds).toHaveLength(1);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN });
    expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(0);
  });
});

describe('outpatient staff undo a void within its session', () => {
  it('a free number comes back booked, audited, with the guard; the desk then checks the patient in', async () => {
    // Prepare
    const v = await bookedVisit('undo-free', { feeFen: 0 });
    await voidAtDesk(v);
    // Act
    s.setClock(at(`${SESSION_DATE}T07:55:00`));
    const res = await undo(v.appointmentId);
    const again = await undo(v.appointmentId);
    // Assess: a new booked appointment in the same slot, pointing at the voided one.
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'booked',
      slotId: v.slotIds[0],
      patientId: v.patientIds[0],
      restoredFromAppointmentId: v.appointmentId,
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'VOID_ALREADY_UNDONE']);
    const old = await s.appointmentOf(v.token, v.appointmentId);
    expect(old).toMatchObject({
      status: 'voided',
      voidUndo: { at: '2025-10-15T07:55:00.000+08:00', restoredAppointmentId: res.body.id },
    });
    expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(1);
    // The guard is held again: the patient cannot take a second number in the session.
    const second = await s.fixtures.book(v.token, v.slotIds[1]!, v.patientIds[0]!);
    expect([second.status, second.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
    // Audited: who, when, why, which appointments.
    const { Item } = await s.api.deps.table.doc.send(
      new GetCommand({
        TableName: s.api.deps.table.name,
        Key: appointmentKeys.voidUndoAudit(v.sessionId, '2025-10-15T07:55:00.000+08:00', v.appointmentId),
        ConsistentRead: true,
      }),
    );
    const { accountId: staffId } = await s.api.deps.tokens.verify(staffToken);
    expect(Item?.data).toMatchObject({
      action: 'void_undone',
      voidedAppointmentId: v.appointmentId,
      restoredAppointmentId: res.body.id,
      voidedBy: staffId,
      actor: { accountId: staffId, role: 'outpatient_staff' },
      reason: '证件号码录入错误，核对原件后确认为本人',
    });
    const inbox = await inboxOf(s.api.url, v.token);
    expect(inbox.find((m) => m.title === '预约作废已撤销')?.body).toContain('请到分诊台签到');
    // With the right document the desk checks the restored number in.
    const checkedIn = await deskCheckIn(await codeFor(v.token, res.body.id), v.inputs[0]!.idNumber);
    expect(checkedIn.body).toMatchObject({ status: 'checked_in', id: res.body.id });
  });

  it('a paid number whose fee went back returns unpaid with a new hold; paying again books it', async () => {
    // Prepare
    const v = await bookedVisit('undo-paid', { feeFen: FEE_FEN });
    await voidAtDesk(v);
    await s.sandbox.idle();
    // Act
    const res = await undo(v.appointmentId);
    const order = await s.pay(v.token, res.body.id);
    await s.sandbox.pay(order.outTradeNo);
    await s.sandbox.idle();
    // Assess: the refund of the void stands; the restored number was paid again, as a new order.
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending_payment',
      holdExpiresAt: '2025-10-15T08:05:00.000+08:00',
      restoredFromAppointmentId: v.appointmentId,
    });
    expect(await s.paymentOf(v.token, v.appointmentId)).toMatchObject({
      status: 'refunded',
      refundedFen: FEE_FEN,
    });
    expect(await s.paymentOf(v.token, res.body.id)).toMatchObject({ status: 'paid', amountFen: FEE_FEN });
    expect((await s.appointmentOf(v.token, res.body.id)).status).toBe('booked');
    const inbox = await inboxOf(s.api.url, v.token);
    expect(inbox.find((m) => m.title === '预约作废已撤销')?.body).toContain('前重新支付挂号费');
  });

  it('refuses a patient (403), a booking that is not voided, and any undo once the session has ended', async () => {
    // Prepare
    const v = await bookedVisit('undo-refusals', { feeFen: 0 });
    const booked = await s.fixtures.book(v.token, v.slotIds[1]!, v.patientIds[1]!);
    await voidAtDesk(v);
    // Act
    const byPatient = await undo(v.appointmentId, v.token);
    const notVoided = await undo(booked.body.id);
    s.setClock(at(`${SESSION_DATE}T11:30:00`));
    const late = await undo(v.appointmentId);
    // Assess
    expect([byPatient.status, byPatient.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([notVoided.status, notVoided.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_VOIDED']);
    expect([late.status, late.body.error.code]).toEqual([409, 'SESSION_ENDED']);
    expect(late.body.error.message).toContain('不能撤销作废');
    expect((await s.appointmentOf(v.token, v.appointmentId)).voidUndo).toBeUndefined();
  });

  it('refuses clearly when the freed number was taken, or the patient booked again in the session', async () => {
    // Prepare: a one-number slot; after the void another patient takes it.
    const taken = await bookedVisit('undo-taken', { feeFen: 0, capacityOnline: 1 });
    await voidAtDesk(taken);
    const other = await s.fixtures.makeAccount();
    expect((await s.fixtures.book(other.token, taken.slotIds[0]!, other.patientIds[0]!)).status).toBe(201);
    // …and a patient who booked another slot of the same session after the void.
    const rebooked = await bookedVisit('undo-rebooked', { feeFen: 0 });
    await voidAtDesk(rebooked);
    expect(
      (await s.fixtures.book(rebooked.token, rebooked.slotIds[1]!, rebooked.patientIds[0]!)).status,
    ).toBe(201);
    // Act
    const numberGone = await undo(taken.appointmentId);
    const duplicate = await undo(rebooked.appointmentId);
    // Assess: nothing changed by either refusal.
    expect([numberGone.status, numberGone.body.error.code]).toEqual([409, 'VOID_UNDO_NUMBER_TAKEN']);
    expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
    expect(await s.fixtures.bookedOnline(taken.slotIds[0]!)).toBe(1);
    expect(await s.fixtures.bookedOnline(rebooked.slotIds[0]!)).toBe(0);
    expect((await s.appointmentOf(taken.token, taken.appointmentId)).voidUndo).toBeUndefined();
  });

  it('four staff undoing the same void at once restore it once', async () => {
    // Prepare
    const v = await bookedVisit('undo-race', { feeFen: 0 });
    await voidAtDesk(v);
    // Act
    const results = await Promise.all([1, 2, 3, 4].map(() => undo(v.appointmentId)));
    // Assess
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201))
      expect(['VOID_ALREADY_UNDONE', 'DUPLICATE_BOOKING', 'BOOKING_CONTENDED']).toContain(r.body.error.code);
    expect(await s.fixtures.bookedOnline(v.slotIds[0]!)).toBe(1);
    const active = (await s.api.deps.appointments.list(v.accountId)).filter((a) => a.status === 'booked');
    expect(active).toHaveLength(1);
  });
});

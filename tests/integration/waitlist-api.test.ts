import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { toShanghaiIso, type AppointmentView, type WaitlistEntryView } from '@jiuyi/shared';
import { visitKeys } from '../../functions/src/adapters/dynamodb/visit-keys';
import { holdOrderCloser } from '../../functions/src/handlers/hold-order-closer';
import { promoteActiveWaitlists } from '../../functions/src/use-cases/waitlist/promote-waitlist';
import { appointmentFixtures, at, type ErrorBody } from '../support/appointment-fixtures';
import { call } from '../support/http';
import { identityIndexOf, inboxOf } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

// Seeding a fresh table and the concurrency cases take seconds on a shared machine.
jest.setTimeout(90_000);

// Monday 13 October 2025, 09:00 Shanghai: sessions on 20 October are open for booking.
const NOW = at('2025-10-13T09:00:00');
const DATE = '2025-10-20';
let clock = NOW;
let api: TestApi;
let fx: ReturnType<typeof appointmentFixtures>;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  fx = appointmentFixtures(api, 'wait');
});
afterEach(() => {
  clock = NOW;
});
afterAll(async () => api.stop());

/** One run of the scheduled promotion, wired as its handler wires it (hold releases close the order first). */
const promote = (now: Date) =>
  promoteActiveWaitlists({ ...api.deps, closeHoldOrder: holdOrderCloser(api.deps, now) }, now);

type Account = Awaited<ReturnType<ReturnType<typeof appointmentFixtures>['makeAccount']>>;

function join(token: string, sessionId: string, patientId: string, key: string = randomUUID()) {
  return call<WaitlistEntryView & ErrorBody>(api.url, 'POST', `/v1/sessions/${sessionId}/waitlist`, {
    token,
    body: { patientId },
    headers: { 'idempotency-key': key },
  });
}

async function entries(token: string): Promise<WaitlistEntryView[]> {
  return (await call<{ items: WaitlistEntryView[] }>(api.url, 'GET', '/v1/waitlist', { token })).body.items;
}

/** A session whose every online number is taken by its own free booking; returns the holders. */
async function fullSession(name: string, perSlot: number, feeFen = 0) {
  const session = await fx.makeSession(name, { capacityOnline: perSlot, feeFen, date: DATE });
  const holders: Array<{ account: Account; appointmentId: string }> = [];
  for (const slotId of session.slotIds) {
    for (let i = 0; i < perSlot; i += 1) {
      const account = await fx.makeAccount();
      const res = await fx.book(account.token, slotId, account.patientIds[0]!);
      if (res.status !== 201) throw new Error(`book: ${JSON.stringify(res.body)}`);
      holders.push({ account, appointmentId: res.body.id });
    }
  }
  return { ...session, holders };
}

const cancel = (token: string, id: string) =>
  call<AppointmentView & ErrorBody>(api.url, 'POST', `/v1/appointments/${id}/cancel`, { token });

/** Active (held or booked) appointments of these accounts in the session. */
async function activeIn(sessionId: string, accountIds: string[]) {
  const all = await Promise.all(accountIds.map((id) => api.deps.appointments.list(id)));
  return all
    .flat()
    .filter((a) => a.sessionId === sessionId && ['pending_payment', 'booked'].includes(a.status));
}

describe('joining and leaving', () => {
  it('only a full session has a waitlist; one place per patient; retries replay; leaving works once', async () => {
    // Prepare
    const open = await fx.makeSession('not-full', { capacityOnline: 1, feeFen: 0, date: DATE });
    const full = await fullSession('join', 1);
    const waiter = await fx.makeAccount(2);
    const holder = full.holders[0]!.account;
    const key = randomUUID();
    // Act
    const notNeeded = await join(waiter.token, open.sessionId, waiter.patientIds[0]!);
    const joined = await join(waiter.token, full.sessionId, waiter.patientIds[0]!, key);
    const retry = await join(waiter.token, full.sessionId, waiter.patientIds[0]!, key);
    const reused = await join(waiter.token, full.sessionId, waiter.patientIds[1]!, key);
    const twice = await join(waiter.token, full.sessionId, waiter.patientIds[0]!);
    const alreadyBooked = await join(holder.token, full.sessionId, holder.patientIds[0]!);
    const listed = await entries(waiter.token);
    const left = await call<WaitlistEntryView>(api.url, 'POST', `/v1/waitlist/${joined.body.id}/cancel`, {
      token: waiter.token,
      body: {},
    });
    const leftAgain = await call<ErrorBody>(api.url, 'POST', `/v1/waitlist/${joined.body.id}/cancel`, {
      token: waiter.token,
      body: {},
    });
    const stranger = await fx.makeAccount();
    const notYours = await call<ErrorBody>(api.url, 'POST', `/v1/waitlist/${joined.body.id}/cancel`, {
      token: stranger.token,
      body: {},
    });
    // Assess
    expect([notNeeded.status, notNeeded.body.error.code]).toEqual([409, 'WAITLIST_NOT_NEEDED']);
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({
      status: 'waiting',
      position: 1,
      ahead: 0,
      sessionId: full.sessionId,
    });
    expect(retry.body.id).toBe(joined.body.id);
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_ON_WAITLIST']);
    expect([alreadyBooked.status, alreadyBooked.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
    expect(listed.map((e) => [e.id, e.status])).toEqual([[joined.body.id, 'waiting']]);
    expect(left.body.status).toBe('cancelled');
    expect([leftAgain.status, leftAgain.body.error.code]).toEqual([409, 'WAITLIST_NOT_WAITING']);
    expect([notYours.status, notYours.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('first in line, under concurrency', () => {
  it('20 concurrent joins, then releases racing promoters and more joins: numbers go in join order', async () => {
    // Prepare: 4 online numbers, all booked; 20 patients in 5 accounts join at once.
    const full = await fullSession('fifo', 2);
    const waiters = await Promise.all(Array.from({ length: 5 }, () => fx.makeAccount(4)));
    const late = await Promise.all(Array.from({ length: 2 }, () => fx.makeAccount(3)));
    const joins = await Promise.all(
      waiters.flatMap((w) => w.patientIds.map((p) => join(w.token, full.sessionId, p))),
    );
    const outsider = await fx.makeAccount();
    const sniped = await fx.book(outsider.token, full.slotIds[0]!, outsider.patientIds[0]!);
    // Act: the 4 holders cancel while 3 scheduled runs promote and 6 more patients join.
    clock = at('2025-10-13T09:05:00');
    const [, , lateJoins] = await Promise.all([
      Promise.all(full.holders.map((h) => cancel(h.account.token, h.appointmentId))),
      Promise.all([1, 2, 3].map(() => promote(clock))),
      Promise.all(late.flatMap((w) => w.patientIds.map((p) => join(w.token, full.sessionId, p)))),
    ]);
    await promote(clock);
    // Assess: joins got positions 1–20 exactly once, the late ones 21–26.
    expect(joins.map((j) => j.status)).toEqual(Array(20).fill(201));
    expect(joins.map((j) => j.body.position).sort((a, b) => a - b)).toEqual(range(1, 20));
    expect(lateJoins.map((j) => j.body.position).sort((a, b) => a - b)).toEqual(range(21, 26));
    expect([sniped.status, sniped.body.error.code]).toEqual([409, 'SLOT_FULL']);
    const all = (await Promise.all(waiters.map((w) => entries(w.token)))).flat();
    const offered = all.filter((e) => e.status === 'offered').map((e) => e.position);
    expect(offered.sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    const active = await activeIn(
      full.sessionId,
      [...waiters, ...late].map((w) => w.accountId),
    );
    expect(active).toHaveLength(4);
    expect(new Set(active.map((a) => a.patientId)).size).toBe(4);
    expect(active.every((a) => a.status === 'pending_payment' && a.waitlistEntryId)).toBe(true);
    const taken = (await Promise.all(full.slotIds.map((s) => fx.bookedOnline(s)))).reduce((a, b) => a + b);
    expect(taken).toBe(4);

    // Act: nobody answers; after 15 minutes the scheduled runs (three at once) move the numbers on.
    clock = at('2025-10-13T09:20:00');
    await Promise.all([1, 2, 3].map(() => promote(clock)));
    // Assess: positions 5–8 hold the numbers now; still 4 taken, nobody twice.
    const next = (await Promise.all(waiters.map((w) => entries(w.token)))).flat();
    const heldNow = await activeIn(
      full.sessionId,
      waiters.map((w) => w.accountId),
    );
    const holdersNow = next
      .filter((e) => heldNow.some((a) => a.id === e.appointmentId))
      .map((e) => e.position);
    expect(holdersNow.sort((a, b) => a - b)).toEqual([5, 6, 7, 8]);
    expect(
      next
        .filter((e) => e.status === 'waiting')
        .map((e) => e.position)
        .sort((a, b) => a - b),
    ).toEqual(range(9, 20));
    const takenNow = (await Promise.all(full.slotIds.map((s) => fx.bookedOnline(s)))).reduce((a, b) => a + b);
    expect(takenNow).toBe(4);
  });
});

describe('offers', () => {
  it('a free offer is confirmed into a booking; an unanswered one expires and goes to the next in line', async () => {
    // Prepare
    const full = await fullSession('offer', 1);
    const [w1, w2, w3] = await Promise.all([fx.makeAccount(), fx.makeAccount(), fx.makeAccount()]);
    for (const w of [w1!, w2!, w3!]) await join(w.token, full.sessionId, w.patientIds[0]!);
    // Act: a holder cancels at 09:00 (the cancellation hands the number on at once).
    await cancel(full.holders[0]!.account.token, full.holders[0]!.appointmentId);
    const [offer1] = await entries(w1!.token);
    const confirmed = await call<AppointmentView>(api.url, 'POST', `/v1/waitlist/${offer1!.id}/confirm`, {
      token: w1!.token,
      body: {},
    });
    await cancel(full.holders[1]!.account.token, full.holders[1]!.appointmentId);
    const [offer2] = await entries(w2!.token);
    clock = at('2025-10-13T09:15:00');
    const tooLate = await call<ErrorBody>(api.url, 'POST', `/v1/waitlist/${offer2!.id}/confirm`, {
      token: w2!.token,
      body: {},
    });
    await promote(clock);
    const [offer3] = await entries(w3!.token);
    const messages = await inboxOf(api.url, w3!.token);
    // Assess
    expect(offer1).toMatchObject({ status: 'offered', offerExpiresAt: '2025-10-13T09:15:00.000+08:00' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: offer1!.appointmentId, status: 'booked', feeFen: 0 });
    expect([tooLate.status, tooLate.body.error.code]).toEqual([409, 'WAITLIST_OFFER_EXPIRED']);
    expect(offer3).toMatchObject({ status: 'offered', offerExpiresAt: '2025-10-13T09:30:00.000+08:00' });
    const freed = messages.find((m) => m.kind === 'waitlist_freed');
    expect(freed?.title).toBe('候补成功，请及时确认');
    expect(freed?.body).toContain('2025-10-13 09:30');
    expect(freed?.body).toContain('爽约');
  });

  it('day limits and a no-show block still apply: those patients are passed over and told why', async () => {
    // Prepare: P1 already has 3 bookings on the day; P2 is blocked by no-shows after joining; P3 is fine.
    const full = await fullSession('eligible', 1);
    const [p1, p2, p3] = await Promise.all([fx.makeAccount(), fx.makeAccount(), fx.makeAccount()]);
    for (const w of [p1!, p2!, p3!]) await join(w.token, full.sessionId, w.patientIds[0]!);
    for (const name of ['lim1', 'lim2', 'lim3']) {
      const s = await fx.makeSession(name, { capacityOnline: 1, feeFen: 0, date: DATE });
      await fx.book(p1!.token, s.slotIds[0]!, p1!.patientIds[0]!);
    }
    const p2Identity = await identityIndexOf(api.deps, p2!.accountId, p2!.patientIds[0]!);
    for (const daysAgo of [30, 20, 10]) {
      const when = toShanghaiIso(new Date(NOW.getTime() - daysAgo * 86_400_000));
      await api.deps.table.doc.send(
        new PutCommand({
          TableName: api.deps.table.name,
          Item: { ...visitKeys.noShow(p2Identity, when, randomUUID()), type: 'no_show', at: when },
        }),
      );
    }
    // Act
    await cancel(full.holders[0]!.account.token, full.holders[0]!.appointmentId);
    // Assess
    const [e1] = await entries(p1!.token);
    const [e2] = await entries(p2!.token);
    const [e3] = await entries(p3!.token);
    expect([e1!.status, e1!.skipReason]).toEqual(['skipped', 'limit']);
    expect([e2!.status, e2!.skipReason]).toEqual(['skipped', 'no_show_block']);
    expect(e3!.status).toBe('offered');
    const told = await inboxOf(api.url, p1!.token);
    expect(told.find((m) => m.title === '候补未成功')?.body).toContain('上限');
  });

  it('a paid number offered from the waitlist is taken by paying, not by confirming', async () => {
    const full = await fullSession('paid', 1, 1500);
    const w = await fx.makeAccount();
    await join(w.token, full.sessionId, w.patientIds[0]!);
    await cancel(full.holders[0]!.account.token, full.holders[0]!.appointmentId);
    const [offer] = await entries(w.token);
    const res = await call<ErrorBody>(api.url, 'POST', `/v1/waitlist/${offer!.id}/confirm`, {
      token: w.token,
      body: {},
    });
    expect(offer!.status).toBe('offered');
    expect([res.status, res.body.error.code]).toEqual([409, 'APPOINTMENT_STATUS_CONFLICT']);
    expect(res.body.error.message).toContain('支付');
  });

  it('an offer made shortly before the booking cut-off ends at the cut-off', async () => {
    // Prepare: a full morning session today (cut-off 11:30) with one patient waiting.
    const full = await fx.makeSession('late-offer', { capacityOnline: 1, feeFen: 0, date: '2025-10-13' });
    const holders: Array<{ token: string; id: string }> = [];
    for (const slotId of full.slotIds) {
      const other = await fx.makeAccount();
      holders.push({
        token: other.token,
        id: (await fx.book(other.token, slotId, other.patientIds[0]!)).body.id,
      });
    }
    const w = await fx.makeAccount();
    await join(w.token, full.sessionId, w.patientIds[0]!);
    // Act
    clock = at('2025-10-13T11:20:00');
    await cancel(holders[0]!.token, holders[0]!.id);
    // Assess
    const [offer] = await entries(w.token);
    expect(offer).toMatchObject({ status: 'offered', offerExpiresAt: '2025-10-13T11:30:00.000+08:00' });
  });

  it('when the session closes for booking, those still waiting are told and the waitlist ends', async () => {
    // Prepare: a morning session today, full, with one patient waiting.
    const session = await fx.makeSession('closing', { capacityOnline: 1, feeFen: 0, date: '2025-10-13' });
    const holder = await fx.makeAccount();
    for (const slotId of session.slotIds) {
      const other = await fx.makeAccount();
      await fx.book(other.token, slotId, other.patientIds[0]!);
    }
    await join(holder.token, session.sessionId, holder.patientIds[0]!);
    // Act
    clock = at('2025-10-13T11:29:59');
    await promote(clock);
    const [before] = await entries(holder.token);
    clock = at('2025-10-13T11:30:00');
    await promote(clock);
    // Assess
    expect(before!.status).toBe('waiting');
    const [entry] = await entries(holder.token);
    expect([entry!.status, entry!.skipReason]).toEqual(['expired', 'closed']);
    const watched = await api.deps.waitlist.activeSessions(100);
    expect(watched.map((s) => s.sessionId)).not.toContain(session.sessionId);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

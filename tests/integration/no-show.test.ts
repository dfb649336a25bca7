import { randomUUID } from 'node:crypto';
import { addDays } from '@jiuyi/shared';
import { markNoShows } from '../../functions/src/use-cases/appointments/mark-no-shows';
import { appointmentFixtures, at, type ErrorBody } from '../support/appointment-fixtures';
import { call } from '../support/http';
import { appointmentOf, inboxOf } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

// Seeding a fresh table takes seconds on a shared machine.
jest.setTimeout(60_000);

const START = at('2025-10-20T07:00:00');
let clock = START;
let api: TestApi;
let fx: ReturnType<typeof appointmentFixtures>;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  fx = appointmentFixtures(api, 'noshow');
});
afterEach(() => {
  clock = START;
});
afterAll(async () => api.stop());

const getAppointment = (token: string, id: string) => appointmentOf(api.url, token, id);

/** Books a free number on `date` (at 07:00 that day) and runs the no-show job after the session. */
async function missVisit(token: string, patientId: string, date: string, name: string): Promise<string> {
  const { slotIds } = await fx.makeSession(name, { capacityOnline: 2, feeFen: 0, date });
  clock = at(`${date}T07:00:00`);
  const booked = await fx.book(token, slotIds[0]!, patientId);
  if (booked.status !== 201) throw new Error(`book: ${JSON.stringify(booked.body)}`);
  await markNoShows(api.deps, at(`${date}T12:00:00`));
  return booked.body.id;
}

describe('marking no-shows when the session ends', () => {
  it('marks only numbers still booked, at 11:30:00 and not a millisecond earlier, once', async () => {
    // Prepare: one missed, one cancelled, one checked in — all in a morning session on 20 October.
    const { slotIds } = await fx.makeSession('end', { capacityOnline: 4, feeFen: 0, date: '2025-10-20' });
    const missed = await fx.makeAccount();
    const cancelled = await fx.makeAccount();
    const seen = await fx.makeAccount();
    const m = await fx.book(missed.token, slotIds[0]!, missed.patientIds[0]!);
    const c = await fx.book(cancelled.token, slotIds[0]!, cancelled.patientIds[0]!);
    const s = await fx.book(seen.token, slotIds[0]!, seen.patientIds[0]!);
    await call(api.url, 'POST', `/v1/appointments/${c.body.id}/cancel`, { token: cancelled.token });
    clock = at('2025-10-20T07:45:00');
    await call(api.url, 'POST', `/v1/appointments/${s.body.id}/check-in`, { token: seen.token, body: {} });
    // Act
    const early = await markNoShows(api.deps, at('2025-10-20T11:29:59.999'));
    const onTime = await markNoShows(api.deps, at('2025-10-20T11:30:00'));
    const rerun = await markNoShows(api.deps, at('2025-10-20T11:35:00'));
    // Assess
    expect(early).toEqual({ examined: 0, marked: 0 });
    expect(onTime.marked).toBe(1);
    expect(rerun).toEqual({ examined: 0, marked: 0 });
    expect((await getAppointment(missed.token, m.body.id)).body.status).toBe('no_show');
    expect((await getAppointment(cancelled.token, c.body.id)).body.status).toBe('cancelled');
    expect((await getAppointment(seen.token, s.body.id)).body.status).toBe('checked_in');
    const messages = await inboxOf(api.url, missed.token);
    expect(messages.find((i) => i.kind === 'no_show_warning')?.body).toContain('90 天内第 1 次');
  });

  it('an afternoon session ends at 16:30', async () => {
    const { slotIds } = await fx.makeSession('pm', {
      capacityOnline: 2,
      feeFen: 0,
      date: '2025-10-20',
      period: 'pm',
    });
    const { token, patientIds } = await fx.makeAccount();
    const booked = await fx.book(token, slotIds[0]!, patientIds[0]!);
    expect((await markNoShows(api.deps, at('2025-10-20T16:29:59.999'))).marked).toBe(0);
    expect((await markNoShows(api.deps, at('2025-10-20T16:30:00'))).marked).toBe(1);
    expect((await getAppointment(token, booked.body.id)).body.status).toBe('no_show');
  });
});

describe('the booking confirmation (Beijing art. 15)', () => {
  it('is queued with the booking: slot, department, doctor and title, how to cancel and the penalty, once', async () => {
    // Prepare
    const { slotIds } = await fx.makeSession('confirm', { capacityOnline: 2, date: '2025-10-24' });
    const { token, patientIds } = await fx.makeAccount();
    const key = randomUUID();
    // Act
    const first = await fx.book(token, slotIds[0]!, patientIds[0]!, key);
    const replay = await fx.book(token, slotIds[0]!, patientIds[0]!, key);
    const messages = await inboxOf(api.url, token);
    // Assess
    expect(replay.body.id).toBe(first.body.id);
    const confirmations = messages.filter((m) => m.kind === 'booking_confirmed');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.title).toBe('预约待支付');
    for (const part of [
      '2025-10-24（周五）08:00–08:30',
      '脊柱外科',
      '测试医生 主治医师',
      '11:30 前',
      '爽约',
      '07:15',
    ]) {
      expect(confirmations[0]!.body).toContain(part);
    }
  });
});

describe('the no-show block', () => {
  it('the third no-show within 90 days blocks online booking and waitlists until the date it lifts', async () => {
    // Prepare: no-shows on 3 November, 1 December and 20 December 2025 (the third at 11:30).
    const { token, patientIds } = await fx.makeAccount(2);
    const [patient, family] = patientIds as [string, string];
    await missVisit(token, patient, '2025-11-03', 'b1');
    await missVisit(token, patient, '2025-12-01', 'b2');
    const lift = '2026-03-20';
    const after = await fx.makeSession('after', { capacityOnline: 2, feeFen: 0, date: lift, period: 'pm' });
    const soon = await fx.makeSession('soon', { capacityOnline: 2, feeFen: 0, date: '2025-12-24' });
    clock = at('2025-12-20T09:00:00');
    const beforeThird = await fx.book(token, soon.slotIds[0]!, patient);
    await call(api.url, 'POST', `/v1/appointments/${beforeThird.body.id}/cancel`, { token });
    await missVisit(token, patient, '2025-12-20', 'b3');
    // Act
    clock = at('2025-12-21T09:00:00');
    const blocked = await fx.book(token, soon.slotIds[0]!, patient);
    const otherProfile = await fx.book(token, soon.slotIds[0]!, family);
    const waitlist = await call<ErrorBody>(api.url, 'POST', `/v1/sessions/${soon.sessionId}/waitlist`, {
      token,
      body: { patientId: patient },
      headers: { 'idempotency-key': randomUUID() },
    });
    clock = new Date(at(`${lift}T11:30:00`).getTime() - 1);
    const lastBlockedMoment = await fx.book(token, after.slotIds[0]!, patient);
    clock = at(`${lift}T11:30:00`);
    const lifted = await fx.book(token, after.slotIds[1]!, patient);
    // Assess
    expect(beforeThird.status).toBe(201);
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'BOOKING_BLOCKED_NO_SHOW']);
    expect(blocked.body.error.message).toContain(`暂停至 ${lift} 11:30`);
    expect(blocked.body.error.details).toMatchObject({
      liftsAt: `${lift}T11:30:00.000+08:00`,
      liftsOn: lift,
    });
    expect(addDays('2025-12-20', 90)).toBe(lift);
    expect(otherProfile.status).toBe(201);
    expect(waitlist.body.error.code).toBe('BOOKING_BLOCKED_NO_SHOW');
    expect(lastBlockedMoment.body.error.code).toBe('BOOKING_BLOCKED_NO_SHOW');
    expect(lifted.status).toBe(201);
  });

  it('no-shows 90 days or more apart do not block', async () => {
    // Prepare: 1 September, 1 October, then 30 November — the first and third are 90 days apart.
    const { token, patientIds } = await fx.makeAccount();
    await missVisit(token, patientIds[0]!, '2025-09-01', 'spread1');
    await missVisit(token, patientIds[0]!, '2025-10-01', 'spread2');
    await missVisit(token, patientIds[0]!, '2025-11-30', 'spread3');
    const next = await fx.makeSession('spread-next', { capacityOnline: 2, feeFen: 0, date: '2025-12-02' });
    // Act
    clock = at('2025-12-01T09:00:00');
    const res = await fx.book(token, next.slotIds[0]!, patientIds[0]!);
    // Assess
    expect(res.status).toBe(201);
  });
});

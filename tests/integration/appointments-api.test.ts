import { randomUUID } from 'node:crypto';
import { appointmentViewSchema, type AppointmentView } from '@jiuyi/shared';
import { listSessions } from '../../functions/src/use-cases/appointments/list-sessions';
import { holdOrderCloser } from '../../functions/src/handlers/hold-order-closer';
import { releaseExpiredHolds } from '../../functions/src/use-cases/appointments/release-expired-holds';
import { appointmentFixtures, at, type ErrorBody } from '../support/appointment-fixtures';
import { call } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

// Monday 13 October 2025, 09:00 Shanghai; the seed materialises 13–20 October.
const NOW = new Date('2025-10-13T01:00:00Z');
let clock = NOW;
let api: TestApi;
let fx: ReturnType<typeof appointmentFixtures>;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  fx = appointmentFixtures(api, 'test');
});
afterEach(() => {
  clock = NOW;
});
afterAll(async () => api.stop());

/** A session of one doctor (on 20 October unless said) with two slots; returns the slot ids. */
async function makeSession(
  name: string,
  o: { capacityOnline: number; feeFen?: number; date?: string },
): Promise<string[]> {
  return (await fx.makeSession(name, { ...o, date: o.date ?? '2025-10-20' })).slotIds;
}

const makeAccount = (count = 1) => fx.makeAccount(count);
const book = (token: string, slotId: string, patientId: string, key?: string) =>
  fx.book(token, slotId, patientId, key);
const bookedOnline = (slotId: string) => fx.bookedOnline(slotId);

describe('booking without overbooking', () => {
  it('40 concurrent bookings on 5 online numbers: exactly 5 succeed, the rest SLOT_FULL, no 5xx', async () => {
    // Prepare: 8 accounts × 5 patients.
    const [slotId] = await makeSession('race', { capacityOnline: 5 });
    const accounts = await Promise.all(Array.from({ length: 8 }, () => makeAccount(5)));
    const attempts = accounts.flatMap((a) => a.patientIds.map((p) => ({ token: a.token, patientId: p })));
    // Act
    const results = await Promise.all(attempts.map((a) => book(a.token, slotId!, a.patientId)));
    // Assess
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(35).fill('SLOT_FULL'),
    );
    const lists = await Promise.all(
      accounts.map((a) =>
        call<{ items: AppointmentView[] }>(api.url, 'GET', '/v1/appointments', { token: a.token }),
      ),
    );
    const stored = lists.flatMap((l) => l.body.items).filter((a) => a.slotId === slotId);
    expect(stored).toHaveLength(5);
    expect(await bookedOnline(slotId!)).toBe(5);
  });

  it('one patient booking two slots of one session at once gets exactly one', async () => {
    // Prepare
    const slotIds = await makeSession('dup', { capacityOnline: 3 });
    const { token, patientIds } = await makeAccount();
    // Act
    const results = await Promise.all(slotIds.map((s) => book(token, s, patientIds[0]!)));
    // Assess
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('DUPLICATE_BOOKING');
    expect((await bookedOnline(slotIds[0]!)) + (await bookedOnline(slotIds[1]!))).toBe(1);
  });

  it('a paid number is held for 15 minutes and the confirmation carries what the rules require', async () => {
    // Prepare
    const { token, patientIds } = await makeAccount();
    const sessions = await call<{ items: Array<{ doctor: { id: string }; slots: Array<{ id: string }> }> }>(
      api.url,
      'GET',
      '/v1/sessions?departmentId=dept-ortho-spine&from=2025-10-20&to=2025-10-20',
    );
    const chief = sessions.body.items.find((s) => s.doctor.id === 'doc-spine-01');
    // Act
    const res = await book(token, chief!.slots[0]!.id, patientIds[0]!);
    // Assess
    expect(res.status).toBe(201);
    const view = appointmentViewSchema.parse(res.body);
    expect(view).toMatchObject({
      status: 'pending_payment',
      feeFen: 5000,
      holdExpiresAt: '2025-10-13T09:15:00.000+08:00',
    });
    expect(view.confirmation).toMatchObject({
      slotTime: '2025-10-20（周一）08:00–08:30',
      department: '脊柱外科',
      doctor: '韩立诚 主任医师',
    });
    expect(view.confirmation.howToCancel).toContain('11:30');
    expect(view.confirmation.noShowPenalty).toContain('爽约');
  });

  it('a free number is booked at once and records the booker when booking for family', async () => {
    // Prepare
    const [slotId] = await makeSession('free', { capacityOnline: 2, feeFen: 0 });
    const { token, patientIds } = await makeAccount(2);
    // Act
    const res = await book(token, slotId!, patientIds[1]!);
    // Assess
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('booked');
    expect(res.body.holdExpiresAt).toBeUndefined();
    const { accountId } = await api.deps.tokens.verify(token);
    const stored = await api.deps.appointments.get(accountId, res.body.id);
    expect(stored?.bookerPatientId).toBe(patientIds[0]);
  });
});

describe('idempotency', () => {
  it('a retry with the same key returns the first appointment; another body is 422', async () => {
    // Prepare
    const slotIds = await makeSession('idem', { capacityOnline: 3 });
    const { token, patientIds } = await makeAccount(2);
    const key = randomUUID();
    // Act
    const first = await book(token, slotIds[0]!, patientIds[0]!, key);
    const retry = await book(token, slotIds[0]!, patientIds[0]!, key);
    const reused = await book(token, slotIds[1]!, patientIds[1]!, key);
    const noKey = await call<ErrorBody>(api.url, 'POST', '/v1/appointments', {
      token,
      body: { slotId: slotIds[1], patientId: patientIds[1] },
    });
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect([noKey.status, noKey.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bookedOnline(slotIds[0]!)).toBe(1);
  });
});

describe('own appointments and cancellation', () => {
  it('cancelling frees the number, and the next patient can then book it', async () => {
    // Prepare: one online number, taken.
    const [slotId] = await makeSession('cancel', { capacityOnline: 1, feeFen: 0 });
    const first = await makeAccount();
    const second = await makeAccount();
    const taken = await book(first.token, slotId!, first.patientIds[0]!);
    const refused = await book(second.token, slotId!, second.patientIds[0]!);
    // Act
    const cancelled = await call<AppointmentView>(
      api.url,
      'POST',
      `/v1/appointments/${taken.body.id}/cancel`,
      { token: first.token },
    );
    const again = await call<ErrorBody>(api.url, 'POST', `/v1/appointments/${taken.body.id}/cancel`, {
      token: first.token,
    });
    const rebooked = await book(second.token, slotId!, second.patientIds[0]!);
    // Assess
    expect(refused.body.error.code).toBe('SLOT_FULL');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'patient',
      refundRequired: false,
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_CANCELLABLE']);
    expect(rebooked.status).toBe(201);
    expect(await bookedOnline(slotId!)).toBe(1);
  });

  it('a patient with a visit ahead cannot be deleted; after cancelling, the profile can be', async () => {
    // Prepare
    const [slotId] = await makeSession('delete', { capacityOnline: 1, feeFen: 0 });
    const owner = await makeAccount();
    const patientId = owner.patientIds[0]!;
    const booked = await book(owner.token, slotId!, patientId);
    // Act
    const refused = await call<ErrorBody>(api.url, 'DELETE', `/v1/patients/${patientId}`, {
      token: owner.token,
    });
    await call(api.url, 'POST', `/v1/appointments/${booked.body.id}/cancel`, { token: owner.token });
    const deleted = await call(api.url, 'DELETE', `/v1/patients/${patientId}`, { token: owner.token });
    // Assess
    expect([refused.status, refused.body.error.code]).toEqual([409, 'PATIENT_HAS_ACTIVE_BOOKINGS']);
    expect(deleted.status).toBe(204);
  });

  it('lets the patient rebook the same session after cancelling (the guard is released)', async () => {
    const [slotId] = await makeSession('rebook', { capacityOnline: 2, feeFen: 0 });
    const { token, patientIds } = await makeAccount();
    const first = await book(token, slotId!, patientIds[0]!);
    await call(api.url, 'POST', `/v1/appointments/${first.body.id}/cancel`, { token });
    expect((await book(token, slotId!, patientIds[0]!)).status).toBe(201);
  });

  it('another account’s appointment is 404 for reading and cancelling; own is listed', async () => {
    // Prepare
    const [slotId] = await makeSession('owner', { capacityOnline: 2 });
    const owner = await makeAccount();
    const stranger = await makeAccount();
    const booked = await book(owner.token, slotId!, owner.patientIds[0]!);
    // Act
    const read = await call<ErrorBody>(api.url, 'GET', `/v1/appointments/${booked.body.id}`, {
      token: stranger.token,
    });
    const cancel = await call<ErrorBody>(api.url, 'POST', `/v1/appointments/${booked.body.id}/cancel`, {
      token: stranger.token,
    });
    const own = await call<AppointmentView>(api.url, 'GET', `/v1/appointments/${booked.body.id}`, {
      token: owner.token,
    });
    const theirs = await call<{ items: AppointmentView[] }>(api.url, 'GET', '/v1/appointments', {
      token: stranger.token,
    });
    // Assess
    expect([read.status, read.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect([cancel.status, cancel.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(own.body.id).toBe(booked.body.id);
    expect(theirs.body.items).toEqual([]);
  });

  it('a patient of another account cannot be booked (404)', async () => {
    const [slotId] = await makeSession('foreign', { capacityOnline: 2 });
    const owner = await makeAccount();
    const stranger = await makeAccount();
    const res = await book(stranger.token, slotId!, owner.patientIds[0]!);
    expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('hold expiry', () => {
  it('reads treat an expired hold as released, and the scheduled release frees the number once', async () => {
    // Prepare
    const [slotId] = await makeSession('hold', { capacityOnline: 1 });
    const { token, patientIds } = await makeAccount();
    const held = await book(token, slotId!, patientIds[0]!);
    const later = new Date(NOW.getTime() + 15 * 60_000);
    const query = { departmentId: 'dept-ortho-spine', from: '2025-10-20', to: '2025-10-20' };
    const remaining = async (now: Date) =>
      (await listSessions(api.deps.schedule, query, now)).flatMap((s) => s.slots).find((s) => s.id === slotId)
        ?.remainingOnline;
    // Act
    const before = await remaining(new Date(later.getTime() - 1));
    const afterExpiry = await remaining(later);
    const release = (now: Date) =>
      releaseExpiredHolds(
        { appointments: api.deps.appointments, closeHoldOrder: holdOrderCloser(api.deps, now) },
        now,
      );
    const early = await release(new Date(later.getTime() - 1));
    const run = await release(later);
    const rerun = await release(later);
    // Assess
    expect([before, afterExpiry]).toEqual([0, 1]);
    expect(early.released).toBe(0);
    expect(run.released).toBeGreaterThanOrEqual(1);
    expect(rerun.released).toBe(0);
    expect(await bookedOnline(slotId!)).toBe(0);
    clock = later;
    const view = await call<AppointmentView>(api.url, 'GET', `/v1/appointments/${held.body.id}`, { token });
    expect(view.body).toMatchObject({ status: 'cancelled', cancelReason: 'hold_expired' });
  });

  it('a booking on a slot full of expired holds releases them and succeeds', async () => {
    const [slotId] = await makeSession('stale', { capacityOnline: 1 });
    const first = await makeAccount();
    const second = await makeAccount();
    await book(first.token, slotId!, first.patientIds[0]!);
    clock = new Date(NOW.getTime() + 16 * 60_000);
    const res = await book(second.token, slotId!, second.patientIds[0]!);
    expect(res.status).toBe(201);
    expect(await bookedOnline(slotId!)).toBe(1);
  });
});

describe('booking window (Asia/Shanghai)', () => {
  it('opens D+7 at 08:00:00, not a millisecond earlier', async () => {
    // Prepare: a session on 20 October opens 13 October 08:00.
    const slotIds = await makeSession('window-open', { capacityOnline: 2 });
    const { token, patientIds } = await makeAccount(2);
    // Act
    clock = at('2025-10-13T07:59:59.999');
    const early = await book(token, slotIds[0]!, patientIds[0]!);
    clock = at('2025-10-13T08:00:00');
    const onTime = await book(token, slotIds[0]!, patientIds[1]!);
    // Assess
    expect([early.status, early.body.error.code]).toEqual([409, 'BOOKING_NOT_OPEN']);
    expect(onTime.status).toBe(201);
  });

  it('closes a morning session at 11:30 on the day', async () => {
    const slotIds = await makeSession('window-close', { capacityOnline: 2, date: '2025-10-13' });
    const { token, patientIds } = await makeAccount(2);
    clock = at('2025-10-13T11:29:59');
    const last = await book(token, slotIds[1]!, patientIds[0]!);
    clock = at('2025-10-13T11:30:00');
    const late = await book(token, slotIds[1]!, patientIds[1]!);
    expect(last.status).toBe(201);
    expect([late.status, late.body.error.code]).toEqual([409, 'BOOKING_CLOSED']);
  });
});

describe('limits', () => {
  it('allows 3 active bookings per patient per day, the 4th is BOOKING_LIMIT_REACHED', async () => {
    // Prepare: four sessions on one day.
    const slots = await Promise.all(
      ['l1', 'l2', 'l3', 'l4'].map(async (n) => (await makeSession(n, { capacityOnline: 2 }))[0]!),
    );
    const { token, patientIds } = await makeAccount();
    // Act
    const results: Array<{ status: number; body: ErrorBody }> = [];
    for (const slotId of slots) results.push(await book(token, slotId, patientIds[0]!));
    // Assess
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 409]);
    expect(results[3]?.body.error.code).toBe('BOOKING_LIMIT_REACHED');
  });
});

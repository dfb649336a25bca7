import { checkInCodeResponseSchema, type AppointmentView } from '@jiuyi/shared';
import { appointmentFixtures, at, type ErrorBody } from '../support/appointment-fixtures';
import { call, devToken } from '../support/http';
import { makeResidentId } from '../support/identities';
import { appointmentOf, inboxOf } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

// Seeding a fresh table and the concurrency cases take seconds on a shared machine.
jest.setTimeout(60_000);

// The day of the visits: 20 October 2025; slots 08:00–08:30 and 08:30–09:00.
const DATE = '2025-10-20';
let clock = at('2025-10-20T07:00:00');
let api: TestApi;
let fx: ReturnType<typeof appointmentFixtures>;
let staffToken: string;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  fx = appointmentFixtures(api, 'checkin');
  staffToken = await devToken(api.url, 'checkin-desk', 'outpatient_staff');
});
afterEach(() => {
  clock = at('2025-10-20T07:00:00');
});
afterAll(async () => api.stop());

/** A free booked number in slot `slot` (0 or 1) of a new session, with its account and patient input. */
async function bookedVisit(name: string, slot = 0) {
  const { slotIds } = await fx.makeSession(name, { capacityOnline: 4, feeFen: 0, date: DATE });
  const account = await fx.makeAccount();
  const booked = await fx.book(account.token, slotIds[slot]!, account.patientIds[0]!);
  if (booked.status !== 201) throw new Error(`book: ${booked.status} ${JSON.stringify(booked.body)}`);
  return { ...account, appointmentId: booked.body.id, input: account.inputs[0]! };
}

const selfCheckIn = (token: string, id: string) =>
  call<AppointmentView & ErrorBody>(api.url, 'POST', `/v1/appointments/${id}/check-in`, { token, body: {} });

async function codeFor(token: string, id: string): Promise<string> {
  const res = await call(api.url, 'GET', `/v1/appointments/${id}/check-in-code`, { token });
  if (res.status !== 200) throw new Error(`code: ${res.status} ${JSON.stringify(res.body)}`);
  return checkInCodeResponseSchema.parse(res.body).token;
}

/** A booked visit whose patient shows its check-in code at the desk at 07:50, inside the window. */
async function atTheDesk(name: string) {
  const visit = await bookedVisit(name);
  clock = at(`${DATE}T07:50:00`);
  return { visit, token: await codeFor(visit.token, visit.appointmentId) };
}

const deskCheckIn = (body: Record<string, unknown>) =>
  call<AppointmentView & ErrorBody>(api.url, 'POST', '/v1/check-ins', { token: staffToken, body });

describe('self check-in window', () => {
  it('opens 30 minutes before the slot: 07:29:59.999 refused, 07:30:00 gives queue number 1', async () => {
    // Prepare
    const visit = await bookedVisit('window-open');
    // Act
    clock = at(`${DATE}T07:29:59.999`);
    const early = await selfCheckIn(visit.token, visit.appointmentId);
    clock = at(`${DATE}T07:30:00`);
    const onTime = await selfCheckIn(visit.token, visit.appointmentId);
    const again = await selfCheckIn(visit.token, visit.appointmentId);
    // Assess
    expect([early.status, early.body.error.code]).toEqual([409, 'CHECK_IN_NOT_OPEN']);
    expect(early.body.error.message).toContain('07:30');
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({ status: 'checked_in', queueNumber: 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_CHECKABLE']);
  });

  it('closes when the slot ends: 08:59:59.999 accepted, 09:00:00 refused', async () => {
    // Prepare: two patients in the second slot (08:30–09:00) of one session.
    const { slotIds } = await fx.makeSession('window-close', { capacityOnline: 4, feeFen: 0, date: DATE });
    const a = await fx.makeAccount();
    const b = await fx.makeAccount();
    const first = await fx.book(a.token, slotIds[1]!, a.patientIds[0]!);
    const second = await fx.book(b.token, slotIds[1]!, b.patientIds[0]!);
    // Act
    clock = at(`${DATE}T08:59:59.999`);
    const last = await selfCheckIn(a.token, first.body.id);
    clock = at(`${DATE}T09:00:00`);
    const late = await selfCheckIn(b.token, second.body.id);
    // Assess
    expect(last.status).toBe(200);
    expect([late.status, late.body.error.code]).toEqual([409, 'CHECK_IN_CLOSED']);
  });

  it('another account’s appointment is 404 for the code and for checking in', async () => {
    const visit = await bookedVisit('owner');
    const stranger = await fx.makeAccount();
    clock = at(`${DATE}T07:45:00`);
    const code = await call<ErrorBody>(
      api.url,
      'GET',
      `/v1/appointments/${visit.appointmentId}/check-in-code`,
      {
        token: stranger.token,
      },
    );
    const checkIn = await selfCheckIn(stranger.token, visit.appointmentId);
    expect([code.status, code.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect([checkIn.status, checkIn.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('desk check-in with the QR code and the ID document', () => {
  it('a matching document checks the patient in with a queue number and a message', async () => {
    // Prepare
    const { visit, token } = await atTheDesk('desk-ok');
    // Act: the document typed in lower case and with spaces still matches.
    const res = await deskCheckIn({
      token,
      idType: 'resident_id',
      idNumber: ` ${visit.input.idNumber.toLowerCase()} `,
    });
    const repeat = await deskCheckIn({ token, idType: 'resident_id', idNumber: visit.input.idNumber });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: visit.appointmentId, status: 'checked_in', queueNumber: 1 });
    expect([repeat.status, repeat.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_CHECKABLE']);
    const messages = await inboxOf(api.url, visit.token);
    expect(messages.find((m) => m.title === '签到成功')?.body).toContain('1 号');
  });

  it('a different person’s document voids the booking with a clear message', async () => {
    // Prepare
    const { visit, token } = await atTheDesk('desk-mismatch');
    // Act
    const res = await deskCheckIn({
      token,
      idType: 'resident_id',
      idNumber: makeResidentId('110105', '19900101', '777'),
    });
    const after = await appointmentOf(api.url, visit.token, visit.appointmentId);
    const retry = await deskCheckIn({ token, idType: 'resident_id', idNumber: visit.input.idNumber });
    // Assess
    expect([res.status, res.body.error.code]).toEqual([409, 'CHECK_IN_IDENTITY_MISMATCH']);
    expect(res.body.error.message).toContain('已作废');
    expect(res.body.error.details).toEqual({ appointmentId: visit.appointmentId, status: 'voided' });
    expect(after.body).toMatchObject({ status: 'voided' });
    expect(after.body.voidedAt).toBe('2025-10-20T07:50:00.000+08:00');
    expect([retry.status, retry.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_CHECKABLE']);
  });

  it('refuses a malformed number (400, booking kept), a forged code and an expired one', async () => {
    // Prepare
    const { visit, token } = await atTheDesk('desk-bad');
    // Act
    const malformed = await deskCheckIn({ token, idType: 'resident_id', idNumber: '12345' });
    const forged = await deskCheckIn({
      token: `${token}x`,
      idType: 'resident_id',
      idNumber: visit.input.idNumber,
    });
    clock = at(`${DATE}T07:55:00`);
    const expired = await deskCheckIn({ token, idType: 'resident_id', idNumber: visit.input.idNumber });
    const after = await appointmentOf(api.url, visit.token, visit.appointmentId);
    // Assess
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([forged.status, forged.body.error.code]).toEqual([400, 'CHECK_IN_CODE_INVALID']);
    expect([expired.status, expired.body.error.code]).toEqual([400, 'CHECK_IN_CODE_INVALID']);
    expect(after.body.status).toBe('booked');
  });
});

describe('queue numbers', () => {
  it('16 concurrent check-ins in one session get the numbers 1 to 16, each once', async () => {
    // Prepare: 16 patients in one session (8 online numbers per slot).
    const { slotIds } = await fx.makeSession('queue', { capacityOnline: 8, feeFen: 0, date: DATE });
    const accounts = await Promise.all(Array.from({ length: 4 }, () => fx.makeAccount(4)));
    const visits: Array<{ token: string; id: string }> = [];
    for (const [i, a] of accounts.entries()) {
      for (const [j, patientId] of a.patientIds.entries()) {
        const res = await fx.book(a.token, slotIds[(i + j) % 2]!, patientId);
        if (res.status !== 201) throw new Error(`book: ${JSON.stringify(res.body)}`);
        visits.push({ token: a.token, id: res.body.id });
      }
    }
    clock = at(`${DATE}T08:05:00`);
    // Act
    const results = await Promise.all(visits.map((v) => selfCheckIn(v.token, v.id)));
    // Assess
    expect(results.map((r) => [r.status, r.body.error?.code])).toEqual(Array(16).fill([200, undefined]));
    const numbers = results.map((r) => r.body.queueNumber).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });
});

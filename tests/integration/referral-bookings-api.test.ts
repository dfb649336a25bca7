import {
  appointmentViewSchema,
  referralBookingListResponseSchema,
  sessionListResponseSchema,
  type AppointmentView,
  type ReferralBookingView,
} from '@jiuyi/shared';
import type { ErrorBody } from '../support/appointment-fixtures';
import { bookOnline, makePatient, makeSession, referralCounter } from '../support/clinic-fixtures';
import { call, devToken } from '../support/http';
import { appointmentsOf, cancelAppointment, inboxOf, reminderDueAt } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

jest.setTimeout(60_000);

// Monday 13 October 2025, 09:00 Shanghai: online booking is open up to 20 October.
const NOW = new Date('2025-10-13T01:00:00Z');
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ now: () => NOW });
});
afterAll(async () => api.stop());

const REASON = '社区首诊高血压控制不佳，转上级医院专科评估';

const allianceToken = (name: string) =>
  devToken(api.url, `alliance-${name}`, 'alliance_doctor', { institutionId: 'inst-community-1' });

function refer(token: string, body: Record<string, unknown>) {
  return call<AppointmentView & ErrorBody>(api.url, 'POST', '/v1/referral-bookings', { token, body });
}

/** The referral bookings the doctor's account made, newest first. */
function referralsOf(token: string) {
  return call<{ items: ReferralBookingView[] }>(api.url, 'GET', '/v1/referral-bookings', { token });
}

describe('referral booking (转诊预约)', () => {
  it('books ahead of the public release from the referral reserve only, and lists it for the referring doctor', async () => {
    // Prepare: a session on 25 October (online booking opens on the 18th) with one online and one
    // referral number per slot.
    const { sessionId, slotIds } = await makeSession(api.deps, {
      doctorId: 'referral-a',
      departmentId: 'dept-referral-a',
      date: '2025-10-25',
      online: 1,
      referral: 1,
    });
    const doctor = await allianceToken('a');
    const [p1, p2] = [await makePatient(api.url, 800), await makePatient(api.url, 800)];

    // Act
    const online = await bookOnline<ErrorBody>(api.url, p1!.token, slotIds[0]!, p1!.patientId);
    const referred = await refer(doctor, { patient: p1!.document, slotId: slotIds[0], reason: REASON });
    const again = await refer(doctor, { patient: p1!.document, slotId: slotIds[1], reason: REASON });
    const full = await refer(doctor, { patient: p2!.document, slotId: slotIds[0], reason: REASON });
    const sessions = await call<unknown>(
      api.url,
      'GET',
      '/v1/sessions?departmentId=dept-referral-a&from=2025-10-25&to=2025-10-25',
    );
    const listed = await referralsOf(doctor);

    // Assess
    expect([online.status, online.body.error.code]).toEqual([409, 'BOOKING_NOT_OPEN']);
    expect(referred.status).toBe(201);
    expect(appointmentViewSchema.parse(referred.body)).toMatchObject({
      status: 'pending_payment',
      feeFen: 1500,
      sessionId,
      date: '2025-10-25',
    });
    expect(await referralCounter(api.deps, slotIds[0]!)).toBe(1);
    expect([again.status, again.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
    expect([full.status, full.body.error.code]).toEqual([409, 'SLOT_FULL']);
    const [session] = sessionListResponseSchema.parse(sessions.body).items;
    expect(session!.slots.map((s) => [s.remainingOnline, s.remainingReferral])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const items = referralBookingListResponseSchema.parse(listed.body).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      appointmentId: referred.body.id,
      status: 'pending_payment',
      reason: REASON,
      referringInstitutionId: 'inst-community-1',
    });
    // The booking answer and the list both name the patient by surname only, never in full.
    expect(items[0]!.patientNameMasked).not.toBe(p1!.name);
    expect(items[0]!.patientNameMasked.startsWith(Array.from(p1!.name)[0]!)).toBe(true);
    expect(referred.body.patientName).toBe(items[0]!.patientNameMasked);
    expect(JSON.stringify(referred.body)).not.toContain(p1!.name);
    expect((await appointmentsOf(api.url, p1!.token)).map((a) => a.id)).toEqual([referred.body.id]);
    expect((await inboxOf(api.url, p1!.token)).map((m) => m.title)).toContain('转诊预约成功');
    // A referred number gets the same visit reminders as an online one, written with the booking.
    expect(await reminderDueAt(api.deps, referred.body.id, 'evening-before')).toBe(
      '2025-10-24T20:00:00.000+08:00',
    );
  });

  it('an empty referral reserve is SLOT_FULL while online numbers remain for the public', async () => {
    // Prepare: a session open online today, one referral and two online numbers per slot.
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'referral-b',
      departmentId: 'dept-referral-b',
      date: '2025-10-20',
      online: 2,
      referral: 1,
    });
    const doctor = await allianceToken('b');
    const [p1, p2] = [await makePatient(api.url, 900), await makePatient(api.url, 900)];
    // Act
    const first = await refer(doctor, { patient: p1!.document, slotId: slotIds[0], reason: REASON });
    const second = await refer(doctor, { patient: p2!.document, slotId: slotIds[0], reason: REASON });
    const online = await bookOnline<AppointmentView>(api.url, p2!.token, slotIds[0]!, p2!.patientId);
    // Assess
    expect(first.status).toBe(201);
    expect([second.status, second.body.error.code]).toEqual([409, 'SLOT_FULL']);
    expect(online.status).toBe(201);
    expect(await referralCounter(api.deps, slotIds[0]!)).toBe(1);
  });

  it('10 concurrent referrals on a reserve of 3: exactly 3 booked, the rest SLOT_FULL', async () => {
    // Prepare
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'referral-c',
      departmentId: 'dept-referral-c',
      date: '2025-10-21',
      online: 1,
      referral: 3,
    });
    const doctor = await allianceToken('c');
    const patients = await Promise.all(Array.from({ length: 10 }, () => makePatient(api.url, 1000)));
    // Act
    const results = await Promise.all(
      patients.map((p) => refer(doctor, { patient: p.document, slotId: slotIds[0], reason: REASON })),
    );
    // Assess
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status !== 201).map((r) => r.body.error.code)).toEqual(
      Array(7).fill('SLOT_FULL'),
    );
    expect(await referralCounter(api.deps, slotIds[0]!)).toBe(3);
    const listed = await referralsOf(doctor);
    expect(listed.body.items).toHaveLength(3);
    const created = listed.body.items.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('cancelling a referred number gives it back to the referral reserve', async () => {
    // Prepare
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'referral-d',
      departmentId: 'dept-referral-d',
      date: '2025-10-22',
      online: 1,
      referral: 1,
    });
    const doctor = await allianceToken('d');
    const patient = await makePatient(api.url, 1100);
    const booked = await refer(doctor, { patient: patient.document, slotId: slotIds[0], reason: REASON });
    // Act
    const cancelled = await cancelAppointment(api.url, patient.token, booked.body.id);
    // Assess
    expect(cancelled.body.status).toBe('cancelled');
    expect(await referralCounter(api.deps, slotIds[0]!)).toBe(0);
    const listed = await referralsOf(doctor);
    expect(listed.body.items.map((i) => [i.appointmentId, i.status])).toEqual([
      [booked.body.id, 'cancelled'],
    ]);
    const other = await makePatient(api.url, 1100);
    const rebooked = await refer(doctor, { patient: other.document, slotId: slotIds[0], reason: REASON });
    expect(rebooked.status).toBe(201);
  });

  it('refuses an account without an institution, unknown patients, closed sessions and a missing reason', async () => {
    // Prepare
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'referral-e',
      departmentId: 'dept-referral-e',
      date: '2025-10-20',
      online: 1,
      referral: 1,
    });
    const { slotIds: past } = await makeSession(api.deps, {
      doctorId: 'referral-e',
      departmentId: 'dept-referral-e',
      date: '2025-10-12',
      online: 1,
      referral: 1,
    });
    const doctor = await allianceToken('e');
    const noInstitution = await devToken(api.url, 'alliance-e-none', 'alliance_doctor');
    const patient = await makePatient(api.url, 1200);
    const body = { patient: patient.document, slotId: slotIds[0], reason: REASON };
    // Act
    const unlinked = await refer(noInstitution, body);
    const unknown = await refer(doctor, {
      ...body,
      patient: { idType: 'resident_id', idNumber: '11010519491231002X' },
    });
    const closed = await refer(doctor, { ...body, slotId: past[0] });
    const noReason = await refer(doctor, { patient: patient.document, slotId: slotIds[0] });
    const tooLong = await refer(doctor, { ...body, reason: '转'.repeat(201) });
    const missingSlot = await refer(doctor, { ...body, slotId: 'no-such-slot' });
    // Assess
    expect([unlinked.status, unlinked.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PATIENT_NOT_REGISTERED']);
    expect([closed.status, closed.body.error.code]).toEqual([409, 'BOOKING_CLOSED']);
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([missingSlot.status, missingSlot.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await referralCounter(api.deps, slotIds[0]!)).toBe(0);
  });
});

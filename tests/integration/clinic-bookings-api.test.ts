import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  appointmentViewSchema,
  extraNumberEntrySchema,
  type AppointmentView,
  type ExtraNumberEntry,
} from '@jiuyi/shared';
import { makePatient, makeSession, bookOnline, slotCounters } from '../support/clinic-fixtures';
import type { ErrorBody } from '../support/appointment-fixtures';
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

type ExtraResponse = ExtraNumberEntry & { appointment: AppointmentView } & ErrorBody;

const doctorToken = (doctorId: string, role: 'clinic_doctor' | 'expert' = 'clinic_doctor') =>
  devToken(api.url, `doctor-${doctorId}-${role}`, role, { doctorId });

function addExtra(token: string, sessionId: string, body: Record<string, unknown>) {
  return call<ExtraResponse>(api.url, 'POST', `/v1/sessions/${sessionId}/extra-numbers`, { token, body });
}

function bookInClinic(token: string, body: Record<string, unknown>) {
  return call<AppointmentView & ErrorBody>(api.url, 'POST', '/v1/clinic-bookings', { token, body });
}

describe('extra numbers (加号)', () => {
  it('10 concurrent extra numbers with a limit of 5: exactly 5 issued, each audited and owned by the patient', async () => {
    // Prepare: a full session (no online numbers at all) and ten registered patients.
    const { sessionId } = await makeSession(api.deps, {
      doctorId: 'extra-a',
      departmentId: 'dept-extra',
      date: '2025-10-20',
      online: 0,
    });
    const doctor = await doctorToken('extra-a');
    const patients = await Promise.all(Array.from({ length: 10 }, () => makePatient(api.url, 100)));

    // Act
    const results = await Promise.all(
      patients.map((p) =>
        addExtra(doctor, sessionId, { patient: p.document, reason: '术后复查，病情需要当日就诊' }),
      ),
    );

    // Assess
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(5).fill('EXTRA_NUMBER_LIMIT_REACHED'),
    );
    const issued = results.filter((r) => r.status === 201).map((r) => r.body);
    for (const entry of issued) {
      extraNumberEntrySchema.parse(entry);
      expect(appointmentViewSchema.parse(entry.appointment)).toMatchObject({
        status: 'pending_payment',
        feeFen: 1500,
      });
      expect(entry.idNumberMasked).not.toContain(
        patients.find((p) => p.patientId === entry.patientId)!.document.idNumber,
      );
    }
    const log = await call<{ items: ExtraNumberEntry[]; limit: number; issued: number }>(
      api.url,
      'GET',
      `/v1/sessions/${sessionId}/extra-numbers`,
      { token: doctor },
    );
    expect(log.body).toMatchObject({ limit: 5, issued: 5 });
    expect(log.body.items.map((e) => e.appointmentId).sort()).toEqual(
      issued.map((e) => e.appointmentId).sort(),
    );
    expect(
      log.body.items.every(
        (e) => e.reason === '术后复查，病情需要当日就诊' && e.issuedByDoctorId === 'extra-a',
      ),
    ).toBe(true);
    const owner = patients.find((p) => p.patientId === issued[0]!.patientId)!;
    expect((await appointmentsOf(api.url, owner.token)).map((a) => a.id)).toContain(issued[0]!.appointmentId);
    expect((await inboxOf(api.url, owner.token)).map((m) => m.title)).toContain('加号成功');
  });

  it('only the session’s own doctor adds numbers; staff may read the log; unknown documents are refused', async () => {
    // Prepare
    const { sessionId } = await makeSession(api.deps, {
      doctorId: 'extra-b',
      departmentId: 'dept-extra',
      date: '2025-10-20',
      online: 1,
    });
    await makeSession(api.deps, {
      doctorId: 'extra-c',
      departmentId: 'dept-extra',
      date: '2025-10-21',
      online: 1,
    });
    const other = await doctorToken('extra-c', 'expert');
    const own = await doctorToken('extra-b');
    const unlinked = await devToken(api.url, 'doctor-unlinked', 'clinic_doctor');
    const staff = await devToken(api.url, 'extra-staff', 'outpatient_staff');
    const patient = await makePatient(api.url, 300);
    const body = { patient: patient.document, reason: '病情需要' };

    // Act
    const byOther = await addExtra(other, sessionId, body);
    const byUnlinked = await addExtra(unlinked, sessionId, body);
    const otherReads = await call<ErrorBody>(api.url, 'GET', `/v1/sessions/${sessionId}/extra-numbers`, {
      token: other,
    });
    const staffReads = await call<{ items: unknown[] }>(
      api.url,
      'GET',
      `/v1/sessions/${sessionId}/extra-numbers`,
      {
        token: staff,
      },
    );
    const unknown = await addExtra(own, sessionId, {
      patient: { idType: 'resident_id', idNumber: '11010519491231002X' },
      reason: '病情需要',
    });
    const malformed = await addExtra(own, sessionId, {
      patient: { idType: 'resident_id', idNumber: '123' },
      reason: '病情需要',
    });
    const first = await addExtra(own, sessionId, body);
    const twice = await addExtra(own, sessionId, body);

    // Assess
    expect([byOther.status, byOther.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([byUnlinked.status, byUnlinked.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(otherReads.status).toBe(403);
    expect(staffReads.status).toBe(200);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PATIENT_NOT_REGISTERED']);
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(first.status).toBe(201);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
  });
});

describe('in-clinic booking (诊间预约)', () => {
  it('books a session not yet released online, from the on-site reserve first, then online, never past capacity', async () => {
    // Prepare: a colleague's session on 25 October (online booking opens on the 18th), one on-site
    // and one online number in the first slot.
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'clinic-b',
      departmentId: 'dept-clinic',
      title: 'chief_physician',
      date: '2025-10-25',
      online: 1,
      onSite: 1,
    });
    await makeSession(api.deps, {
      doctorId: 'clinic-a',
      departmentId: 'dept-clinic',
      date: '2025-10-20',
      online: 1,
    });
    const doctor = await doctorToken('clinic-a');
    const [p1, p2, p3] = [
      await makePatient(api.url, 500),
      await makePatient(api.url, 500),
      await makePatient(api.url, 500),
    ];
    const online = await bookOnline<ErrorBody>(api.url, p1!.token, slotIds[0]!, p1!.patientId);

    // Act
    const first = await bookInClinic(doctor, { patient: p1!.document, slotId: slotIds[0], kind: 'senior' });
    const afterReserve = await slotCounters(api.deps, slotIds[0]!);
    const second = await bookInClinic(doctor, {
      patient: p2!.document,
      slotId: slotIds[0],
      kind: 'follow_up',
    });
    const third = await bookInClinic(doctor, { patient: p3!.document, slotId: slotIds[0], kind: 'senior' });
    const again = await bookInClinic(doctor, { patient: p1!.document, slotId: slotIds[1], kind: 'senior' });

    // Assess
    expect([online.status, online.body.error.code]).toEqual([409, 'BOOKING_NOT_OPEN']);
    expect(first.status).toBe(201);
    expect(appointmentViewSchema.parse(first.body)).toMatchObject({
      status: 'pending_payment',
      doctor: { id: 'clinic-b' },
      date: '2025-10-25',
    });
    expect(afterReserve).toEqual({ bookedOnline: 0, bookedOnSite: 1 });
    expect(second.status).toBe(201);
    expect(await slotCounters(api.deps, slotIds[0]!)).toEqual({ bookedOnline: 1, bookedOnSite: 1 });
    expect([third.status, third.body.error.code]).toEqual([409, 'SLOT_FULL']);
    expect([again.status, again.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
    expect((await appointmentsOf(api.url, p1!.token)).map((a) => a.id)).toEqual([first.body.id]);
    expect((await inboxOf(api.url, p1!.token)).map((m) => m.title)).toContain('诊间预约成功');
    // A consulting-room booking gets the same visit reminders as an online one.
    expect(await reminderDueAt(api.deps, first.body.id, 'evening-before')).toBe(
      '2025-10-24T20:00:00.000+08:00',
    );
  });

  it('cancelling an in-clinic booking gives the number back to the on-site reserve', async () => {
    // Prepare
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'clinic-c',
      departmentId: 'dept-clinic',
      date: '2025-10-24',
      online: 1,
      onSite: 1,
    });
    const doctor = await doctorToken('clinic-a');
    const patient = await makePatient(api.url, 600);
    const booked = await bookInClinic(doctor, {
      patient: patient.document,
      slotId: slotIds[0],
      kind: 'follow_up',
    });
    // Act
    const cancelled = await cancelAppointment(api.url, patient.token, booked.body.id);
    // Assess
    expect(cancelled.body.status).toBe('cancelled');
    expect(await slotCounters(api.deps, slotIds[0]!)).toEqual({ bookedOnline: 0, bookedOnSite: 0 });
  });

  it('checks the kind of visit and the caller’s link to a doctor', async () => {
    // Prepare
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'clinic-d',
      departmentId: 'dept-clinic',
      title: 'resident_physician',
      date: '2025-10-20',
      online: 1,
    });
    const doctor = await doctorToken('clinic-a');
    const unlinked = await devToken(api.url, 'clinic-unlinked', 'expert');
    const patient = await makePatient(api.url, 700);
    // Act
    const junior = await bookInClinic(doctor, {
      patient: patient.document,
      slotId: slotIds[0],
      kind: 'senior',
    });
    const sameDept = await bookInClinic(doctor, {
      patient: patient.document,
      slotId: slotIds[0],
      kind: 'other_specialty',
    });
    const noLink = await bookInClinic(unlinked, {
      patient: patient.document,
      slotId: slotIds[0],
      kind: 'follow_up',
    });
    const badKind = await bookInClinic(doctor, {
      patient: patient.document,
      slotId: slotIds[0],
      kind: 'whatever',
    });
    // Assess
    expect([junior.status, junior.body.error.code]).toEqual([409, 'CLINIC_BOOKING_KIND_MISMATCH']);
    expect([sameDept.status, sameDept.body.error.code]).toEqual([409, 'CLINIC_BOOKING_KIND_MISMATCH']);
    expect([noLink.status, noLink.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([badKind.status, badKind.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const { Item } = await api.deps.table.doc.send(
      new GetCommand({ TableName: api.deps.table.name, Key: { pk: `SLOT#${slotIds[0]}`, sk: 'SLOT' } }),
    );
    expect(Item?.bookedOnline).toBe(0);
  });
});

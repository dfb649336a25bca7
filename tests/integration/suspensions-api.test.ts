import {
  sessionSuspensionViewSchema,
  suspensionOfferViewSchema,
  toShanghaiIso,
  type AppointmentView,
  type DoctorTitle,
  type SessionSuspensionView,
  type SuspensionOfferView,
} from '@jiuyi/shared';
import { holdOrderCloser } from '../../functions/src/handlers/hold-order-closer';
import { settleDueOffers as settleWith } from '../../functions/src/use-cases/suspensions/settle-offer';
import {
  bookOnline,
  makePatient,
  makeSession,
  markPaid,
  setCapacityOnline,
  slotCounters,
} from '../support/clinic-fixtures';
import type { ErrorBody } from '../support/appointment-fixtures';
import { call, devToken } from '../support/http';
import { appointmentOf, inboxOf, reminderDueAt } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The scheduled default, wired as its handler wires it (an unpaid hold's order is closed first). */
const settleDueOffers = (deps: TestApi['deps'], now: Date) =>
  settleWith({ ...deps, closeHoldOrder: holdOrderCloser(deps, now) }, now);

// Monday 13 October 2025, 09:00 Shanghai; sessions on Monday 20 October are inside the booking window.
jest.setTimeout(60_000);

const NOW = new Date('2025-10-13T01:00:00Z');
let clock = NOW;
let api: TestApi;
let staff: string;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  staff = await devToken(api.url, 'suspension-staff', 'outpatient_staff');
});
afterEach(() => {
  clock = NOW;
});
afterAll(async () => api.stop());

type Patient = Awaited<ReturnType<typeof makePatient>>;

/** Books `patient` on `slotId` and, unless told otherwise, pays for it. */
async function booked(patient: Patient, slotId: string, paid = true): Promise<AppointmentView> {
  const res = await bookOnline<AppointmentView>(api.url, patient.token, slotId, patient.patientId);
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${JSON.stringify(res.body)}`);
  if (paid) await markPaid(api.deps, { accountId: patient.accountId, appointmentId: res.body.id, slotId });
  return res.body;
}

/** A session of `doctorId` in the department and half day where a substitute is sought. */
function sessionIn(
  departmentId: string,
  date: string,
  doctorId: string,
  online: number,
  title?: DoctorTitle,
) {
  return makeSession(api.deps, { doctorId, departmentId, date, online, ...(title ? { title } : {}) });
}

function suspend(sessionId: string, body: Record<string, unknown> = { reason: '医生临时外出会诊' }) {
  return call<SessionSuspensionView & ErrorBody>(api.url, 'POST', `/v1/sessions/${sessionId}/suspend`, {
    token: staff,
    body,
  });
}

function choose(patient: Patient, appointmentId: string, choice: string) {
  return call<SuspensionOfferView & ErrorBody>(
    api.url,
    'POST',
    `/v1/appointments/${appointmentId}/suspension-choice`,
    { token: patient.token, body: { choice } },
  );
}

/** The session's suspension and its offers, as outpatient staff read it. */
const suspensionOf = async (sessionId: string) =>
  (
    await call<SessionSuspensionView>(api.url, 'GET', `/v1/sessions/${sessionId}/suspension`, {
      token: staff,
    })
  ).body;

const getAppointment = async (patient: Patient, id: string) =>
  (await appointmentOf(api.url, patient.token, id)).body;

const messagesOf = (patient: Patient) => inboxOf(api.url, patient.token);

describe('suspending a session (停诊)', () => {
  it('offers every booking a reserved substitute, a make-up or a refund, and applies each choice', async () => {
    // Prepare: an attending's session with three paid bookings; in the same department and half day a
    // chief physician with one free number per slot, and a resident (too junior to substitute).
    const dept = 'dept-susp-a';
    const date = '2025-10-20';
    const suspended = await sessionIn(dept, date, 'susp-a-att', 3);
    const chief = await sessionIn(dept, date, 'susp-a-chief', 1, 'chief_physician');
    const resident = await sessionIn(dept, date, 'susp-a-res', 5, 'resident_physician');
    const makeUp = await sessionIn(dept, '2025-10-21', 'susp-a-att', 3);
    const patients = [await makePatient(api.url), await makePatient(api.url), await makePatient(api.url)];
    const bookings = [
      await booked(patients[0]!, suspended.slotIds[0]!),
      await booked(patients[1]!, suspended.slotIds[0]!),
      await booked(patients[2]!, suspended.slotIds[1]!),
    ];

    // Act
    const res = await suspend(suspended.sessionId);

    // Assess: the session is suspended, nobody is left out, no resident is offered, two numbers reserved.
    expect(res.status).toBe(200);
    const view = sessionSuspensionViewSchema.parse(res.body);
    expect(view).toMatchObject({ status: 'suspended', reason: '医生临时外出会诊' });
    expect(view.items.map((o) => o.appointmentId).sort()).toEqual(bookings.map((b) => b.id).sort());
    const withSubstitute = view.items.filter((o) => o.substitute);
    expect(withSubstitute).toHaveLength(2);
    expect(withSubstitute.every((o) => o.substitute?.doctor.id === 'susp-a-chief')).toBe(true);
    expect(new Set(withSubstitute.map((o) => o.substitute?.slotId)).size).toBe(2);
    expect(view.items.every((o) => o.makeUp?.sessionId === makeUp.sessionId && o.state === 'offered')).toBe(
      true,
    );
    const without = view.items.find((o) => !o.substitute)!;
    expect(without).toMatchObject({ defaultChoice: 'cancel', options: ['makeup', 'cancel'] });
    expect(await slotCounters(api.deps, chief.slotIds[0]!)).toMatchObject({ bookedOnline: 1 });
    expect(await slotCounters(api.deps, chief.slotIds[1]!)).toMatchObject({ bookedOnline: 1 });
    expect(await slotCounters(api.deps, resident.slotIds[0]!)).toMatchObject({ bookedOnline: 0 });
    for (const p of patients) expect((await messagesOf(p)).map((m) => m.kind)).toContain('session_suspended');
    expect(await getAppointment(patients[0]!, bookings[0]!.id)).toMatchObject({
      status: 'booked',
      suspensionOffer: { sessionId: suspended.sessionId, state: 'offered' },
    });
    const offerView = await call<SuspensionOfferView>(
      api.url,
      'GET',
      `/v1/appointments/${bookings[0]!.id}/suspension-offer`,
      { token: patients[0]!.token },
    );
    expect(offerView.body).toMatchObject({ appointmentId: bookings[0]!.id, state: 'offered' });
    const stranger = await call<ErrorBody>(
      api.url,
      'GET',
      `/v1/appointments/${bookings[0]!.id}/suspension-offer`,
      {
        token: patients[1]!.token,
      },
    );
    expect(stranger.status).toBe(404);
    const late = await makePatient(api.url);
    const refused = await bookOnline<ErrorBody>(api.url, late.token, suspended.slotIds[1]!, late.patientId);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'SESSION_SUSPENDED']);

    // Act: one takes the substitute, one cancels, the one without a substitute takes the make-up.
    const byId = new Map(view.items.map((o) => [o.appointmentId, o]));
    const [subA, subB] = withSubstitute;
    const ownerOf = (id: string) => patients[bookings.findIndex((b) => b.id === id)]!;
    const took = await choose(ownerOf(subA!.appointmentId), subA!.appointmentId, 'substitute');
    const cancelled = await choose(ownerOf(subB!.appointmentId), subB!.appointmentId, 'cancel');
    const madeUp = await choose(ownerOf(without.appointmentId), without.appointmentId, 'makeup');

    // Assess
    expect([took.status, cancelled.status, madeUp.status]).toEqual([200, 200, 200]);
    expect(suspensionOfferViewSchema.parse(took.body)).toMatchObject({
      state: 'resolved',
      choice: 'substitute',
      options: [],
    });
    const moved = await getAppointment(ownerOf(subA!.appointmentId), subA!.appointmentId);
    expect(moved).toMatchObject({
      status: 'booked',
      sessionId: chief.sessionId,
      slotId: subA!.substitute!.slotId,
      doctor: { id: 'susp-a-chief' },
      feeFen: 1500,
      suspensionOffer: { sessionId: suspended.sessionId, state: 'resolved' },
    });
    // The moved visit's reminder follows it to the substitute's time.
    expect(await reminderDueAt(api.deps, subA!.appointmentId, 'slot-soon')).toBe(
      toShanghaiIso(new Date(new Date(moved.start).getTime() - 30 * 60_000)),
    );
    const refunded = await getAppointment(ownerOf(subB!.appointmentId), subB!.appointmentId);
    expect(refunded).toMatchObject({
      status: 'cancelled',
      cancelReason: 'session_suspended',
      refundRequired: true,
      suspensionOffer: { state: 'resolved' },
    });
    expect(await slotCounters(api.deps, subB!.substitute!.slotId)).toMatchObject({ bookedOnline: 0 });
    const later = await getAppointment(ownerOf(without.appointmentId), without.appointmentId);
    expect(later).toMatchObject({ status: 'booked', sessionId: makeUp.sessionId, date: '2025-10-21' });
    expect(byId.size).toBe(3);
    for (const p of patients) {
      expect((await messagesOf(p)).filter((m) => m.kind === 'session_suspended')).toHaveLength(2);
    }

    // Act / Assess: a second answer, and a repeated suspend, change nothing.
    const again = await choose(ownerOf(subA!.appointmentId), subA!.appointmentId, 'cancel');
    expect([again.status, again.body.error.code]).toEqual([409, 'SUSPENSION_OFFER_CLOSED']);
    const repeat = await suspend(suspended.sessionId);
    expect(repeat.status).toBe(200);
    expect(repeat.body.items.map((o) => [o.state, o.choice]).sort()).toEqual([
      ['resolved', 'cancel'],
      ['resolved', 'makeup'],
      ['resolved', 'substitute'],
    ]);
    const outcome = await suspensionOf(suspended.sessionId);
    expect(outcome.items.every((o) => o.decidedBy === 'patient')).toBe(true);
  });

  it('two sessions suspended at once cannot both reserve the last substitute number', async () => {
    // Prepare: two attendings with one booking each, one free number with a colleague.
    const dept = 'dept-susp-b';
    const date = '2025-10-20';
    const first = await sessionIn(dept, date, 'susp-b-1', 1);
    const second = await sessionIn(dept, date, 'susp-b-2', 1);
    const spare = await sessionIn(dept, date, 'susp-b-3', 0);
    await setCapacityOnline(api.deps, spare.slotIds[0]!, 1);
    await booked(await makePatient(api.url), first.slotIds[0]!);
    await booked(await makePatient(api.url), second.slotIds[0]!);

    // Act
    const [a, b] = await Promise.all([suspend(first.sessionId), suspend(second.sessionId)]);

    // Assess
    expect([a.status, b.status]).toEqual([200, 200]);
    const offers = [...a.body.items, ...b.body.items];
    expect(offers).toHaveLength(2);
    expect(offers.filter((o) => o.substitute?.slotId === spare.slotIds[0])).toHaveLength(1);
    expect(await slotCounters(api.deps, spare.slotIds[0]!)).toMatchObject({ bookedOnline: 1 });
  });

  it('settles unanswered offers at the deadline: the reserved substitute, else cancellation', async () => {
    // Prepare: one paid and one unpaid booking, one substitute number.
    const dept = 'dept-susp-c';
    const date = '2025-10-20';
    const session = await sessionIn(dept, date, 'susp-c-1', 2);
    const substitute = await sessionIn(dept, date, 'susp-c-2', 1, 'associate_chief_physician');
    await setCapacityOnline(api.deps, substitute.slotIds[1]!, 0);
    const paid = await makePatient(api.url);
    const unpaid = await makePatient(api.url);
    const paidBooking = await booked(paid, session.slotIds[0]!);
    const unpaidBooking = await booked(unpaid, session.slotIds[1]!, false);
    const view = (await suspend(session.sessionId)).body;
    const deadline = new Date(view.items[0]!.deadline);
    expect(view.items.map((o) => o.deadline)).toEqual([view.items[0]!.deadline, view.items[0]!.deadline]);

    // Act: a minute before the deadline nothing happens; at the deadline the defaults apply.
    const early = await settleDueOffers(api.deps, new Date(deadline.getTime() - 60_000));
    clock = deadline;
    const due = await settleDueOffers(api.deps, deadline);

    // Assess
    expect(early).toEqual({ examined: 0, settled: 0 });
    // Offers left open by the concurrency test share the deadline and are settled in the same run.
    expect(due.settled).toBe(due.examined);
    expect(due.settled).toBeGreaterThanOrEqual(2);
    const outcome = await suspensionOf(session.sessionId);
    expect(outcome.items.every((o) => o.state !== 'offered' && o.decidedBy !== 'patient')).toBe(true);
    const paidNow = await getAppointment(paid, paidBooking.id);
    const unpaidNow = await getAppointment(unpaid, unpaidBooking.id);
    // The paid booking chose first and kept its visit with the substitute; the unpaid hold ran out meanwhile.
    expect(paidNow).toMatchObject({
      status: 'booked',
      sessionId: substitute.sessionId,
      start: paidBooking.start,
    });
    expect(unpaidNow).toMatchObject({ status: 'cancelled' });
    expect(unpaidNow.refundRequired ?? false).toBe(false);
    expect(outcome.items.find((o) => o.appointmentId === paidBooking.id)).toMatchObject({
      state: 'resolved',
      choice: 'substitute',
      decidedBy: 'default',
    });
    expect(outcome.items.find((o) => o.appointmentId === unpaidBooking.id)).toMatchObject({
      state: 'lapsed',
    });
  });

  it('when the substitute is suspended too, choosing it is refused and the default cancels with a refund', async () => {
    // Prepare: the only substitute's session is suspended after the offer was made.
    const dept = 'dept-susp-e';
    const date = '2025-10-20';
    const session = await sessionIn(dept, date, 'susp-e-1', 1);
    const substitute = await sessionIn(dept, date, 'susp-e-2', 1);
    const patient = await makePatient(api.url);
    const booking = await booked(patient, session.slotIds[0]!);
    const offer = (await suspend(session.sessionId)).body.items[0]!;
    expect(offer.substitute?.sessionId).toBe(substitute.sessionId);
    await suspend(substitute.sessionId, { reason: '医生参加抢救' });

    // Act
    const chosen = await choose(patient, booking.id, 'substitute');
    await settleDueOffers(api.deps, new Date(offer.deadline));

    // Assess
    expect([chosen.status, chosen.body.error.code]).toEqual([409, 'SUSPENSION_CHOICE_UNAVAILABLE']);
    expect(await getAppointment(patient, booking.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'session_suspended',
      refundRequired: true,
    });
    const outcome = await suspensionOf(session.sessionId);
    expect(outcome.items[0]).toMatchObject({ state: 'resolved', choice: 'cancel', decidedBy: 'default' });
    expect(await slotCounters(api.deps, substitute.slotIds[0]!)).toMatchObject({ bookedOnline: 0 });
  });

  it('refuses an unknown or finished session, a bad make-up session and a blank reason with stable codes', async () => {
    // Prepare: a session this morning, suspended after it ended.
    const today = await sessionIn('dept-susp-d', '2025-10-13', 'susp-d-1', 1);
    const open = await sessionIn('dept-susp-d', '2025-10-20', 'susp-d-2', 1);
    // Act
    const missing = await suspend('nobody_2025-10-20_am');
    const blank = await suspend(open.sessionId, { reason: ' ' });
    const badMakeUp = await suspend(open.sessionId, { reason: '设备检修', makeUpSessionId: open.sessionId });
    clock = new Date('2025-10-13T03:30:00Z');
    const afterEnd = await suspend(today.sessionId);
    // Assess
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect([blank.status, blank.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([badMakeUp.status, badMakeUp.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([afterEnd.status, afterEnd.body.error.code]).toEqual([409, 'SESSION_ENDED']);
    const stillOpen = await suspensionOf(open.sessionId);
    expect(stillOpen).toMatchObject({ status: 'open', items: [] });
  });
});

import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AppointmentView, Patient, WaitlistEntryView } from '@jiuyi/shared';
import { appointmentKeys, scheduleKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import { visitKeys } from '../../functions/src/adapters/dynamodb/visit-keys';
import type { Deps } from '../../functions/src/composition';
import { bookAppointment } from '../../functions/src/use-cases/appointments/book-appointment';
import type { CloseHoldOrder } from '../../functions/src/use-cases/appointments/release-expired-holds';
import { markNoShows } from '../../functions/src/use-cases/appointments/mark-no-shows';
import { bookInClinic } from '../../functions/src/use-cases/clinic-bookings/book-in-clinic';
import { deletePatient } from '../../functions/src/use-cases/patients/manage-patients';
import { joinWaitlist } from '../../functions/src/use-cases/waitlist/join-waitlist';
import { appointmentFixtures, at, type ErrorBody } from '../support/appointment-fixtures';
import { makeSession as makeClinicSession } from '../support/clinic-fixtures';
import { call, devToken } from '../support/http';
import { makePatientInput } from '../support/identities';
import { appointmentsOf, identityIndexOf } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

// Seeding a fresh table, three no-show histories and the concurrent pairs take a while on a shared machine.
jest.setTimeout(180_000);

// Monday 13 October 2025, 09:00 Shanghai: sessions up to 20 October are open for online booking.
const NOW = at('2025-10-13T09:00:00');
let clock = NOW;
let api: TestApi;
let fx: ReturnType<typeof appointmentFixtures>;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  fx = appointmentFixtures(api, 'person');
});
afterEach(() => {
  clock = NOW;
});
afterAll(async () => api.stop());

type Input = ReturnType<typeof makePatientInput>;
type Account = { token: string; accountId: string };

/** A patient account with no profile yet. */
async function newAccount(): Promise<Account> {
  const token = await devToken(api.url, `person-${randomUUID()}`, 'patient');
  return { token, accountId: (await api.deps.tokens.verify(token)).accountId };
}

async function addProfile(account: Account, input: Input): Promise<string> {
  const res = await call<Patient & ErrorBody>(api.url, 'POST', '/v1/patients', {
    token: account.token,
    body: input,
  });
  if (res.status !== 201) throw new Error(`add: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const deleteProfile = (token: string, patientId: string) =>
  call<ErrorBody>(api.url, 'DELETE', `/v1/patients/${patientId}`, { token });

const profilesOf = async (token: string) =>
  (await call<{ items: Patient[] }>(api.url, 'GET', '/v1/patients', { token })).body.items;

const join = (token: string, sessionId: string, patientId: string) =>
  call<WaitlistEntryView & ErrorBody>(api.url, 'POST', `/v1/sessions/${sessionId}/waitlist`, {
    token,
    body: { patientId },
    headers: { 'idempotency-key': randomUUID() },
  });

const doctorToken = (doctorId: string) =>
  devToken(api.url, `person-doctor-${doctorId}`, 'clinic_doctor', { doctorId });

const bookInClinicHttp = (token: string, body: Record<string, unknown>) =>
  call<AppointmentView & ErrorBody>(api.url, 'POST', '/v1/clinic-bookings', { token, body });

/** Books a free number on `date` (at 07:00 that day) and runs the no-show job after the session. */
async function missVisit(token: string, patientId: string, date: string, name: string): Promise<void> {
  const { slotIds } = await fx.makeSession(name, { capacityOnline: 2, feeFen: 0, date });
  clock = at(`${date}T07:00:00`);
  const booked = await fx.book(token, slotIds[0]!, patientId);
  if (booked.status !== 201) throw new Error(`book: ${JSON.stringify(booked.body)}`);
  await markNoShows(api.deps, at(`${date}T12:00:00`));
}

/** One item as stored, read consistently. */
async function item(key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  const { Item } = await api.deps.table.doc.send(
    new GetCommand({ TableName: api.deps.table.name, Key: key, ConsistentRead: true }),
  );
  return Item;
}

/** The profile's count of what it holds, as the deletion's condition reads it (0 when absent). */
const heldBy = async (accountId: string, patientId: string) =>
  Number((await item(appointmentKeys.patientBookings(accountId, patientId)))?.active ?? 0);

const ACTIVE = new Set(['pending_payment', 'booked', 'checked_in']);

type FixtureAccount = Awaited<ReturnType<ReturnType<typeof appointmentFixtures>['makeAccount']>>;

/**
 * Runs `act` (a booking of the account's profile) and the profile's deletion concurrently for every
 * account; `delays(i)` says when each starts (ms), so that both orders of commit occur.
 */
function raceDeletion<T extends { status: number }>(
  accounts: FixtureAccount[],
  act: (a: FixtureAccount, i: number) => Promise<T>,
  delays: (i: number) => [act: number, deletion: number],
) {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return Promise.all(
    accounts.map(async (a, i) => {
      const [actAt, deleteAt] = delays(i);
      const [result, deletion] = await Promise.all([
        pause(actAt).then(() => act(a, i)),
        pause(deleteAt).then(() => deleteProfile(a.token, a.patientIds[0]!)),
      ]);
      // Exactly one side wins: the booking (the deletion refused) or the deletion (the booking refused).
      expect([
        [201, 409],
        [404, 204],
      ]).toContainEqual([result.status, deletion.status]);
      return { a, result, deletion };
    }),
  );
}

describe('the rules follow the person: deleting a 就诊人 and adding the document again keeps them', () => {
  it('three no-shows in 90 days still block online booking and waitlists, in the same and in another account', async () => {
    // Prepare: three no-shows, the third on 20 December 2025 at 11:30.
    const owner = await fx.makeAccount();
    const input = owner.inputs[0]!;
    await missVisit(owner.token, owner.patientIds[0]!, '2025-11-03', 'ns1');
    await missVisit(owner.token, owner.patientIds[0]!, '2025-12-01', 'ns2');
    await missVisit(owner.token, owner.patientIds[0]!, '2025-12-20', 'ns3');
    const soon = await fx.makeSession('ns-soon', { capacityOnline: 2, feeFen: 0, date: '2025-12-24' });
    clock = at('2025-12-21T09:00:00');
    // Act: delete, add the same document again in the same account, then in another account.
    const deleted = await deleteProfile(owner.token, owner.patientIds[0]!);
    const again = await addProfile(owner, input);
    const sameAccount = await fx.book(owner.token, soon.slotIds[0]!, again);
    const sameAccountWait = await join(owner.token, soon.sessionId, again);
    const deletedAgain = await deleteProfile(owner.token, again);
    const other = await newAccount();
    const elsewhere = await addProfile(other, input);
    const otherAccount = await fx.book(other.token, soon.slotIds[0]!, elsewhere);
    const otherAccountWait = await join(other.token, soon.sessionId, elsewhere);
    // Assess
    expect([deleted.status, deletedAgain.status]).toEqual([204, 204]);
    expect(again).not.toBe(owner.patientIds[0]);
    for (const refused of [sameAccount, sameAccountWait, otherAccount, otherAccountWait]) {
      expect([refused.status, refused.body.error.code]).toEqual([409, 'BOOKING_BLOCKED_NO_SHOW']);
      expect(refused.body.error.details).toMatchObject({ liftsOn: '2026-03-20' });
    }
  });

  it('the per-patient day limit still counts the numbers already taken that day, in another account and back', async () => {
    // Prepare: three morning numbers on 20 October, all missed (3 = the per-patient day limit).
    const DATE = '2025-10-20';
    const first = await fx.makeAccount();
    const input = first.inputs[0]!;
    clock = at(`${DATE}T07:00:00`);
    for (const name of ['day1', 'day2', 'day3']) {
      const { slotIds } = await fx.makeSession(name, { capacityOnline: 1, feeFen: 0, date: DATE });
      const res = await fx.book(first.token, slotIds[0]!, first.patientIds[0]!);
      if (res.status !== 201) throw new Error(`book: ${JSON.stringify(res.body)}`);
    }
    await markNoShows(api.deps, at(`${DATE}T11:30:00`));
    // An afternoon session of a doctor who books from the consulting room (no no-show block there).
    const { slotIds } = await makeClinicSession(api.deps, {
      doctorId: 'person-day-doc',
      departmentId: 'dept-person',
      date: DATE,
      period: 'pm',
      online: 2,
      onSite: 2,
    });
    const doctor = await doctorToken('person-day-doc');
    clock = at(`${DATE}T12:00:00`);
    const inClinic = () =>
      bookInClinicHttp(doctor, {
        patient: { idType: input.idType, idNumber: input.idNumber },
        slotId: slotIds[0],
        kind: 'follow_up',
      });
    // Act: delete, re-add in another account (whose own day count is zero), book; then back again.
    const deleted = await deleteProfile(first.token, first.patientIds[0]!);
    const second = await newAccount();
    const moved = await addProfile(second, input);
    const inSecond = await inClinic();
    const someoneElse = await addProfile(second, makePatientInput(777, { relation: 'family' }));
    const control = await bookInClinicHttp(doctor, {
      patient: { idType: 'resident_id', idNumber: makePatientInput(777).idNumber },
      slotId: slotIds[0],
      kind: 'follow_up',
    });
    const deletedAgain = await deleteProfile(second.token, moved);
    await addProfile(first, input);
    const backInFirst = await inClinic();
    // Assess
    expect([deleted.status, deletedAgain.status]).toEqual([204, 204]);
    for (const refused of [inSecond, backInFirst]) {
      expect([refused.status, refused.body.error.code]).toEqual([409, 'BOOKING_LIMIT_REACHED']);
    }
    expect([control.status, control.body.patientId]).toEqual([201, someoneElse]);
    const identity = await identityIndexOf(api.deps, first.accountId, (await profilesOf(first.token))[0]!.id);
    expect((await item(appointmentKeys.identityDay({ identityIndex: identity, date: DATE })))?.active).toBe(
      3,
    );
  });

  it('the one-per-session guard is the person’s: after a void and a re-add elsewhere, one number in the session, keyed by the identity', async () => {
    // Prepare: a booked morning number voided at the desk (the presented card did not match).
    const DATE = '2025-10-20';
    const { slotIds } = await fx.makeSession('guard', { capacityOnline: 4, feeFen: 0, date: DATE });
    const owner = await fx.makeAccount();
    const input = owner.inputs[0]!;
    clock = at(`${DATE}T07:00:00`);
    const booked = await fx.book(owner.token, slotIds[0]!, owner.patientIds[0]!);
    clock = at(`${DATE}T07:50:00`);
    const code = await call<{ token: string }>(
      api.url,
      'GET',
      `/v1/appointments/${booked.body.id}/check-in-code`,
      { token: owner.token },
    );
    const staff = await devToken(api.url, 'person-desk', 'outpatient_staff');
    const voided = await call<ErrorBody>(api.url, 'POST', '/v1/check-ins', {
      token: staff,
      body: { token: code.body.token, idType: 'resident_id', idNumber: makePatientInput(901).idNumber },
    });
    // Act: delete (the void gave the number and guard back), re-add in another account, book twice.
    const deleted = await deleteProfile(owner.token, owner.patientIds[0]!);
    const other = await newAccount();
    const elsewhere = await addProfile(other, input);
    const rebooked = await fx.book(other.token, slotIds[1]!, elsewhere);
    const second = await fx.book(other.token, slotIds[0]!, elsewhere);
    // Assess
    expect(voided.body.error.code).toBe('CHECK_IN_IDENTITY_MISMATCH');
    expect(deleted.status).toBe(204);
    expect(rebooked.status).toBe(201);
    expect([second.status, second.body.error.code]).toEqual([409, 'DUPLICATE_BOOKING']);
    const identity = await identityIndexOf(api.deps, other.accountId, elsewhere);
    const guard = await item(
      appointmentKeys.sessionGuard({ sessionId: booked.body.sessionId, identityIndex: identity }),
    );
    expect(guard?.appointmentId).toBe(rebooked.body.id);
  });
});

describe('deleting a profile is refused while it holds a number or a waitlist place', () => {
  it('an unpaid hold and a waitlist place each refuse the deletion with nothing lost; once they end it goes', async () => {
    // Prepare: a paid-fee hold for one profile; another profile waits on a full session.
    const paid = await fx.makeSession('del-hold', { capacityOnline: 1, date: '2025-10-20' });
    const full = await fx.makeSession('del-full', { capacityOnline: 1, feeFen: 0, date: '2025-10-20' });
    for (const slotId of full.slotIds) {
      const holder = await fx.makeAccount();
      await fx.book(holder.token, slotId, holder.patientIds[0]!);
    }
    const owner = await fx.makeAccount(2);
    const [holding, waiting] = owner.patientIds as [string, string];
    const hold = await fx.book(owner.token, paid.slotIds[0]!, holding);
    const place = await join(owner.token, full.sessionId, waiting);
    // Act
    const holdRefused = await deleteProfile(owner.token, holding);
    const placeRefused = await deleteProfile(owner.token, waiting);
    const stranger = await newAccount();
    const squat = await call<ErrorBody>(api.url, 'POST', '/v1/patients', {
      token: stranger.token,
      body: owner.inputs[0],
    });
    const afterRefusals = {
      profiles: (await profilesOf(owner.token)).map((p) => p.id).sort(),
      appointment: (await appointmentsOf(api.url, owner.token)).find((a) => a.id === hold.body.id)?.status,
      bookedOnline: await fx.bookedOnline(paid.slotIds[0]!),
      held: [await heldBy(owner.accountId, holding), await heldBy(owner.accountId, waiting)],
    };
    await call(api.url, 'POST', `/v1/waitlist/${place.body.id}/cancel`, { token: owner.token, body: {} });
    const placeGone = await deleteProfile(owner.token, waiting);
    clock = new Date(NOW.getTime() + 15 * 60_000);
    const holdGone = await deleteProfile(owner.token, holding);
    // Assess
    for (const refused of [holdRefused, placeRefused]) {
      expect([refused.status, refused.body.error.code]).toEqual([409, 'PATIENT_HAS_ACTIVE_BOOKINGS']);
    }
    expect(squat.body.error.code).toBe('IDENTITY_ALREADY_REGISTERED');
    expect(afterRefusals).toEqual({
      profiles: [holding, waiting].sort(),
      appointment: 'pending_payment',
      bookedOnline: 1,
      held: [1, 1],
    });
    expect([placeGone.status, holdGone.status]).toEqual([204, 204]);
    // The expired hold was released through the release path before the profile went.
    const released = (await appointmentsOf(api.url, owner.token)).find((a) => a.id === hold.body.id);
    expect(released).toMatchObject({ status: 'cancelled', cancelReason: 'hold_expired' });
    expect(await fx.bookedOnline(paid.slotIds[0]!)).toBe(0);
    expect(await profilesOf(owner.token)).toEqual([]);
    expect(await item(appointmentKeys.patientBookings(owner.accountId, holding))).toBeUndefined();
  });

  it('a checked-in visit refuses the deletion; a cancelled or missed one does not', async () => {
    // Prepare: four profiles of one account with a number each in a morning session.
    const DATE = '2025-10-20';
    const { slotIds } = await fx.makeSession('del-states', { capacityOnline: 4, feeFen: 0, date: DATE });
    const owner = await fx.makeAccount(3);
    const [seen, cancelled, missed] = owner.patientIds as [string, string, string];
    clock = at(`${DATE}T07:00:00`);
    const visits = await Promise.all(
      [seen, cancelled, missed].map((p) => fx.book(owner.token, slotIds[0]!, p)),
    );
    clock = at(`${DATE}T07:45:00`);
    await call(api.url, 'POST', `/v1/appointments/${visits[0]!.body.id}/check-in`, {
      token: owner.token,
      body: {},
    });
    await call(api.url, 'POST', `/v1/appointments/${visits[1]!.body.id}/cancel`, { token: owner.token });
    await markNoShows(api.deps, at(`${DATE}T11:30:00`));
    clock = at(`${DATE}T12:00:00`);
    // Act
    const results = await Promise.all([seen, cancelled, missed].map((p) => deleteProfile(owner.token, p)));
    // Assess
    expect(results.map((r) => r.status)).toEqual([409, 204, 204]);
    expect(results[0]!.body.error.code).toBe('PATIENT_HAS_ACTIVE_BOOKINGS');
    expect(await heldBy(owner.accountId, seen)).toBe(1);
  });
});

describe('a booking racing a deletion never lands on a deleted profile', () => {
  /** The real dependencies, except that reading the profile lets the deletion commit right after. */
  function deletingAfterRead(
    accountId: string,
    patientId: string,
  ): Deps & { closeHoldOrder: CloseHoldOrder } {
    const real = api.deps.patients;
    let deleted = false;
    return {
      ...api.deps,
      closeHoldOrder: async () => 'none',
      patients: {
        ...real,
        async get(a, p) {
          const found = await real.get(a, p);
          if (!deleted && a === accountId && p === patientId) {
            deleted = true;
            await deletePatient(
              { ...api.deps, closeHoldOrder: async () => 'none' },
              accountId,
              patientId,
              clock,
            );
          }
          return found;
        },
      },
    };
  }

  it('the deletion commits between each booking path’s read and its transaction: the booking is refused, nothing is written', async () => {
    // Prepare: an open session, a full one (for the waitlist), a consulting-room session.
    const open = await fx.makeSession('race-det', { capacityOnline: 2, feeFen: 0, date: '2025-10-20' });
    const full = await fx.makeSession('race-det-full', { capacityOnline: 1, feeFen: 0, date: '2025-10-20' });
    for (const slotId of full.slotIds) {
      const holder = await fx.makeAccount();
      await fx.book(holder.token, slotId, holder.patientIds[0]!);
    }
    const clinic = await makeClinicSession(api.deps, {
      doctorId: 'person-race-doc',
      departmentId: 'dept-person',
      date: '2025-10-20',
      online: 2,
      onSite: 2,
    });
    const [online, waiter, inClinic] = await Promise.all([
      fx.makeAccount(),
      fx.makeAccount(),
      fx.makeAccount(),
    ]);
    const principal = await api.deps.tokens.verify(await doctorToken('person-race-doc'));
    // Act
    const outcomes = await Promise.allSettled([
      bookAppointment(
        deletingAfterRead(online!.accountId, online!.patientIds[0]!),
        {
          accountId: online!.accountId,
          slotId: open.slotIds[0]!,
          patientId: online!.patientIds[0]!,
          idempotencyKey: randomUUID(),
        },
        clock,
      ),
      joinWaitlist(
        deletingAfterRead(waiter!.accountId, waiter!.patientIds[0]!),
        {
          accountId: waiter!.accountId,
          sessionId: full.sessionId,
          patientId: waiter!.patientIds[0]!,
          idempotencyKey: randomUUID(),
        },
        clock,
      ),
      bookInClinic(
        deletingAfterRead(inClinic!.accountId, inClinic!.patientIds[0]!),
        {
          principal,
          patient: { idType: 'resident_id', idNumber: inClinic!.inputs[0]!.idNumber },
          slotId: clinic.slotIds[0]!,
          kind: 'follow_up',
        },
        clock,
      ),
    ]);
    // Assess
    const codes = outcomes.map((o) =>
      o.status === 'rejected' ? (o.reason as { code?: string }).code : 'written',
    );
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'PATIENT_NOT_REGISTERED']);
    for (const a of [online!, waiter!, inClinic!]) {
      expect(await profilesOf(a.token)).toEqual([]);
      expect(await appointmentsOf(api.url, a.token)).toEqual([]);
      expect(await item(appointmentKeys.patientBookings(a.accountId, a.patientIds[0]!))).toBeUndefined();
    }
    expect(await fx.bookedOnline(open.slotIds[0]!)).toBe(0);
    expect((await item(visitKeys.waitlistHead(full.sessionId)))?.waiting ?? 0).toBe(0);
    expect((await item(scheduleKeys.slot(clinic.slotIds[0]!)))?.bookedOnSite ?? 0).toBe(0);
  });

  it('20 concurrent pairs of booking and deletion: each pair has exactly one winner and every count agrees', async () => {
    // Prepare: 20 accounts with one profile each; a session with room for all of them.
    const { sessionId, slotIds } = await fx.makeSession('race-pairs', {
      capacityOnline: 20,
      feeFen: 0,
      date: '2025-10-20',
    });
    const accounts = await Promise.all(Array.from({ length: 20 }, () => fx.makeAccount()));
    // Act
    const pairs = await raceDeletion(
      accounts,
      (a, i) => fx.book(a.token, slotIds[i % 2]!, a.patientIds[0]!),
      (i) => [0, (i % 10) * 4],
    );
    // Assess
    let booked = 0;
    for (const { a, result: booking, deletion } of pairs) {
      const patientId = a.patientIds[0]!;
      const profiles = await profilesOf(a.token);
      const active = (await appointmentsOf(api.url, a.token)).filter((x) => ACTIVE.has(x.status));
      const identity = booking.status === 201 ? await identityIndexOf(api.deps, a.accountId, patientId) : '';
      if (booking.status === 201) {
        booked += 1;
        expect(deletion.body.error.code).toBe('PATIENT_HAS_ACTIVE_BOOKINGS');
        expect(profiles.map((p) => p.id)).toEqual([patientId]);
        expect(active.map((x) => x.patientId)).toEqual([patientId]);
        expect(await heldBy(a.accountId, patientId)).toBe(1);
        expect(
          (await item(appointmentKeys.identityDay({ identityIndex: identity, date: '2025-10-20' })))?.active,
        ).toBe(1);
        expect(
          (await item(appointmentKeys.sessionGuard({ sessionId, identityIndex: identity })))?.appointmentId,
        ).toBe(booking.body.id);
      } else {
        expect(booking.body.error.code).toBe('NOT_FOUND');
        expect(profiles).toEqual([]);
        expect(await appointmentsOf(api.url, a.token)).toEqual([]);
        expect(await item(appointmentKeys.patientBookings(a.accountId, patientId))).toBeUndefined();
      }
    }
    expect((await fx.bookedOnline(slotIds[0]!)) + (await fx.bookedOnline(slotIds[1]!))).toBe(booked);
  });

  it('10 concurrent pairs of joining a waitlist and deletion: one winner each, and the queue counts only live profiles', async () => {
    // Prepare: a full session and 10 accounts that want to wait for it.
    const full = await fx.makeSession('race-wait', { capacityOnline: 1, feeFen: 0, date: '2025-10-20' });
    for (const slotId of full.slotIds) {
      const holder = await fx.makeAccount();
      await fx.book(holder.token, slotId, holder.patientIds[0]!);
    }
    const accounts = await Promise.all(Array.from({ length: 10 }, () => fx.makeAccount()));
    // Act
    const pairs = await raceDeletion(
      accounts,
      (a) => join(a.token, full.sessionId, a.patientIds[0]!),
      // Joins of one session contend for its queue head (each retries until it has the next
      // position) and take longer than a deletion, so the deletions are spread over 3.6 s.
      (i) => [0, i * 400],
    );
    // Assess
    let waiting = 0;
    for (const { a, result: joined } of pairs) {
      const held = await heldBy(a.accountId, a.patientIds[0]!);
      if (joined.status === 201) {
        waiting += 1;
        expect(held).toBe(1);
        expect((await profilesOf(a.token)).map((p) => p.id)).toEqual([a.patientIds[0]]);
      } else {
        expect(held).toBe(0);
        expect(await profilesOf(a.token)).toEqual([]);
      }
    }
    expect(Number((await item(visitKeys.waitlistHead(full.sessionId)))?.waiting ?? 0)).toBe(waiting);
  });

  it('10 concurrent pairs of a consulting-room booking and deletion: one winner each, counts agree', async () => {
    // Prepare: a doctor's session with 10 on-site numbers per slot, and 10 registered patients.
    const { slotIds } = await makeClinicSession(api.deps, {
      doctorId: 'person-pairs-doc',
      departmentId: 'dept-person',
      date: '2025-10-20',
      online: 0,
      onSite: 10,
    });
    const doctor = await doctorToken('person-pairs-doc');
    const accounts = await Promise.all(Array.from({ length: 10 }, () => fx.makeAccount()));
    // Act
    const pairs = await raceDeletion(
      accounts,
      (a) =>
        bookInClinicHttp(doctor, {
          patient: { idType: 'resident_id', idNumber: a.inputs[0]!.idNumber },
          slotId: slotIds[0],
          kind: 'follow_up',
        }),
      (i) => [0, (i % 10) * 20],
    );
    // Assess
    let booked = 0;
    for (const { a, result: booking } of pairs) {
      const mine = await appointmentsOf(api.url, a.token);
      if (booking.status === 201) {
        booked += 1;
        expect(mine.map((x) => x.patientId)).toEqual([a.patientIds[0]]);
        expect(await heldBy(a.accountId, a.patientIds[0]!)).toBe(1);
      } else {
        expect(booking.body.error.code).toBe('PATIENT_NOT_REGISTERED');
        expect(mine).toEqual([]);
        expect(await profilesOf(a.token)).toEqual([]);
      }
    }
    expect(Number((await item(scheduleKeys.slot(slotIds[0]!)))?.bookedOnSite ?? 0)).toBe(booked);
  });
});

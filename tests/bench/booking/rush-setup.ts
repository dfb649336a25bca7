import { buildWorkingDayCalendar, planSessions, type PlannedSession } from '@jiuyi/shared';
import { call, devToken } from '../../support/http';
import { makeResidentId } from '../../support/identities';
import type { TestApi } from '../../support/test-stack';
import { mapWithConcurrency } from './pool';

/** The release instant: Monday 13 October 2025, 08:00 Shanghai opens the day 7 days ahead. */
export const RELEASE_AT = new Date('2025-10-13T08:00:00+08:00');
export const SESSION_DATE = '2025-10-20';
/** An expert's morning: 72 numbers, of which the default quota policy leaves exactly 50 online. */
const CAPACITY = 72;
const SLOT_MINUTES = 20;
const FEE_FEN = 5000;
const DEPARTMENT = { id: 'dept-ortho-spine', name: '脊柱外科' };
/** Setup requests in flight: setup is not measured, so it only needs to be quick and gentle. */
const SETUP_CONCURRENCY = 16;

/** One booking request of the rush: who asks, for whom, for which slot. */
export interface BookingAttempt {
  token: string;
  patientId: string;
  slotId: string;
}

export interface Person {
  token: string;
  patientId: string;
}

export interface Rush {
  session: PlannedSession;
  departmentName: string;
  attempts: BookingAttempt[];
}

/**
 * The session as the scheduled materialisation writes it, planned from a template by the real planner.
 * Each round has its own expert on the same morning, so the same people can rush again.
 */
export function planRushSession(round: number): PlannedSession {
  const doctor = {
    id: `bench-expert-${round}`,
    name: '压测专家',
    title: 'chief_physician' as const,
    departmentId: DEPARTMENT.id,
    feeFen: FEE_FEN,
  };
  const template = {
    doctorId: doctor.id,
    weekday: 1,
    period: 'am' as const,
    capacity: CAPACITY,
    slotMinutes: SLOT_MINUTES,
  };
  // An ordinary Monday: no holiday data is needed to plan it.
  const [session] = planSessions([template], [doctor], SESSION_DATE, 1, {
    calendar: buildWorkingDayCalendar([]),
  });
  if (!session) throw new Error(`no session planned for ${SESSION_DATE}`);
  return session;
}

/** A distinct, valid identity per person: 1,000 birth dates from 1950 on, each with its own phone. */
function personInput(i: number) {
  const birth = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  return {
    name: '张三',
    idType: 'resident_id',
    idNumber: makeResidentId('210203', birth, '123'),
    phone: `139${String(i).padStart(8, '0')}`,
    relation: 'self',
  };
}

/** Signs one person in and registers them as their own 就诊人, over HTTP like the mini-program. */
async function registerPerson(url: string, i: number): Promise<Person> {
  const token = await devToken(url, `bench-rush-${i}`, 'patient');
  const res = await call<{ id: string }>(url, 'POST', '/v1/patients', { token, body: personInput(i) });
  if (res.status !== 201) throw new Error(`patient ${i}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token, patientId: res.body.id };
}

/**
 * The people of the 08:00 rush: `count` accounts of one patient each, as at a real release (each person
 * books for themselves). Each books at most once per round, so with up to 3 rounds no per-patient
 * (3 a day) or per-account (10 a day) limit is reached.
 */
export function registerPeople(api: TestApi, count: number): Promise<Person[]> {
  return mapWithConcurrency(
    Array.from({ length: count }, (_, i) => i),
    SETUP_CONCURRENCY,
    (i) => registerPerson(api.url, i),
  );
}

/**
 * Opens one round's session (50 online numbers) and aims the people at it: person i asks for the slot of
 * online number i mod 50, so every number is wanted by people / 50 requests.
 */
export async function openRush(api: TestApi, people: readonly Person[], round: number): Promise<Rush> {
  const session = planRushSession(round);
  await api.deps.schedule.putSessionIfAbsent(session, DEPARTMENT.name);
  const numbers = session.slots.flatMap((slot) => Array<string>(slot.capacityOnline).fill(slot.id));
  const attempts = people.map((p, i) => ({ ...p, slotId: numbers[i % numbers.length] ?? '' }));
  return { session, departmentName: DEPARTMENT.name, attempts };
}

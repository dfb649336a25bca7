import { createHash, randomUUID } from 'node:crypto';
import {
  bookingWindow,
  checkBookable,
  DomainError,
  toShanghaiIso,
  type WaitlistEntryView,
} from '@jiuyi/shared';
import type { NoShowStore } from '../../ports/no-show-store';
import type { PatientStore } from '../../ports/patient-store';
import type { SessionReader } from '../../ports/session-reader';
import type { WaitlistStore } from '../../ports/waitlist-store';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../appointments/booking-policy';
import { remainingOnline } from '../appointments/list-sessions';
import { assertNoShowsAllowBooking } from '../appointments/no-show-policy';
import { toWaitlistEntryView } from './waitlist-view';
import { assertHoldsIdentity } from '../patients/real-name';

export interface WaitlistPorts {
  patients: PatientStore;
  sessions: SessionReader;
  waitlist: WaitlistStore;
  noShows: NoShowStore;
}

export interface JoinWaitlistRequest {
  accountId: string;
  sessionId: string;
  patientId: string;
  idempotencyKey: string;
}

/** Prefixed so a key first used for a booking can never replay as a waitlist place. */
function bodyHash(r: JoinWaitlistRequest): string {
  return createHash('sha256')
    .update(JSON.stringify(['waitlist', r.sessionId, r.patientId]))
    .digest('hex');
}

/**
 * A patient joins a full session's waitlist (候补).
 * 1. Own patient only (404); the session must exist, be open and inside its booking window.
 * 2. The no-show block applies as it does to booking.
 * 3. Only a full session has a waitlist: some online number left and nobody waiting means book it.
 * 4. One transaction takes the next queue position and writes the entry, one place per patient per
 *    session, and refuses a patient who already holds a number in the session.
 * 5. A repeated Idempotency-Key returns the first entry; the same key with another body is refused.
 */
export async function joinWaitlist(
  ports: WaitlistPorts,
  request: JoinWaitlistRequest,
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<{ entry: WaitlistEntryView; replayed: boolean }> {
  const patient = await ports.patients.get(request.accountId, request.patientId);
  if (!patient) throw new DomainError('NOT_FOUND');
  assertHoldsIdentity(patient);
  const found = await ports.sessions.getSession(request.sessionId);
  if (!found) throw new DomainError('NOT_FOUND');
  const { session, slots } = found;
  if (session.status !== 'open') throw new DomainError('SESSION_SUSPENDED');
  const state = checkBookable(session.date, session.period, session.doctorTitle, now);
  if (state === 'not_open') throw new DomainError('BOOKING_NOT_OPEN');
  if (state === 'closed') throw new DomainError('BOOKING_CLOSED');
  await assertNoShowsAllowBooking(ports.noShows, patient.identityIndex, now, policy.noShow);
  const head = await ports.waitlist.head(session.id);
  const free = slots.reduce((n, s) => n + remainingOnline(s, now), 0);
  if (free > 0 && head.waiting === 0) throw new DomainError('WAITLIST_NOT_NEEDED');

  const at = toShanghaiIso(now);
  const stamp = { key: request.idempotencyKey, bodyHash: bodyHash(request) };
  const cutoff = toShanghaiIso(bookingWindow(session.date, session.period, session.doctorTitle).closesAt);
  const outcome = await ports.waitlist.join(
    {
      id: randomUUID(),
      accountId: request.accountId,
      patientId: patient.id,
      patientName: patient.name,
      identityIndex: patient.identityIndex,
      sessionId: session.id,
      departmentId: session.departmentId,
      departmentName: session.departmentName,
      doctorId: session.doctorId,
      doctorName: session.doctorName,
      doctorTitle: session.doctorTitle,
      date: session.date,
      period: session.period,
      status: 'waiting',
      createdAt: at,
      updatedAt: at,
    },
    stamp,
    cutoff,
  );
  if (outcome.kind === 'joined') {
    const ahead = await ports.waitlist.countAhead(session.id, outcome.entry.seq);
    return { entry: toWaitlistEntryView(outcome.entry, ahead), replayed: false };
  }
  if (outcome.bodyHash !== stamp.bodyHash || !outcome.entryId)
    throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  const first = await ports.waitlist.get(request.accountId, outcome.entryId);
  if (!first) throw new DomainError('NOT_FOUND');
  const ahead = await ports.waitlist.countAhead(first.sessionId, first.seq);
  return { entry: toWaitlistEntryView(first, ahead), replayed: true };
}

import {
  addDays,
  DomainError,
  rankSubstituteSlots,
  sessionEndsAt,
  sessionStartsAt,
  suspensionOfferDeadline,
  toShanghaiIso,
  type SessionSuspensionView,
  type SubstituteCandidate,
} from '@jiuyi/shared';
import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import type { SlotRecord } from '../../ports/schedule-store';
import type {
  OfferedMakeUp,
  SuspendableSession,
  SuspensionOfferRecord,
  SuspensionStore,
} from '../../ports/suspension-store';
import { isExpiredHold } from '../appointments/appointment-view';
import { remainingOnline } from '../appointments/list-sessions';
import { offerMessage } from './suspension-messages';
import { toSessionSuspensionView } from './suspension-view';

export interface SuspensionPorts {
  suspensions: SuspensionStore;
  appointments: AppointmentStore;
}

/** How far ahead the doctor's next session is looked for as the make-up (补诊) session. */
const MAKE_UP_SEARCH_DAYS = 14;

const order = (s: { date: string; period: string }) => `${s.date}#${s.period}`;

/** A booking that still holds a number: booked, or unpaid with its hold still running. */
export function isActiveBooking(a: AppointmentRecord | undefined, now: Date): a is AppointmentRecord {
  return !!a && (a.status === 'booked' || (a.status === 'pending_payment' && !isExpiredHold(a, now)));
}

function toMakeUp(s: SuspendableSession): OfferedMakeUp {
  return {
    sessionId: s.id,
    departmentId: s.departmentId,
    departmentName: s.departmentName,
    date: s.date,
    period: s.period,
    doctorId: s.doctorId,
    doctorName: s.doctorName,
    doctorTitle: s.doctorTitle,
  };
}

const usable = (s: SuspendableSession | undefined, now: Date): s is SuspendableSession =>
  !!s && s.status === 'open' && now.getTime() < sessionEndsAt(s.date, s.period).getTime();

/** The make-up session: the one staff named, else the doctor's next open session. */
async function findMakeUp(
  ports: SuspensionPorts,
  session: SuspendableSession,
  now: Date,
): Promise<SuspendableSession | undefined> {
  if (session.makeUpSessionId) {
    const named = await ports.suspensions.getSession(session.makeUpSessionId);
    return usable(named, now) ? named : undefined;
  }
  const rows = await ports.suspensions.listDepartmentSessions(
    session.departmentId,
    session.date,
    addDays(session.date, MAKE_UP_SEARCH_DAYS),
  );
  return rows
    .map((r) => r.session)
    .filter((s) => s.doctorId === session.doctorId && order(s) > order(session) && usable(s, now))
    .sort((a, b) => order(a).localeCompare(order(b)))[0];
}

async function substituteCandidates(
  ports: SuspensionPorts,
  session: SuspendableSession,
  now: Date,
): Promise<Array<SubstituteCandidate & { slot: SlotRecord; session: SuspendableSession }>> {
  const rows = await ports.suspensions.listDepartmentSessions(
    session.departmentId,
    session.date,
    session.date,
  );
  return rows
    .filter(
      (r) => r.session.id !== session.id && r.session.period === session.period && usable(r.session, now),
    )
    .flatMap((r) =>
      r.slots.map((slot) => ({
        slotId: slot.id,
        sessionId: r.session.id,
        doctorId: r.session.doctorId,
        doctorTitle: r.session.doctorTitle,
        start: slot.start,
        remaining: remainingOnline(slot, now),
        slot,
        session: r.session,
      })),
    );
}

/**
 * Makes one offer: tries the ranked substitute numbers until one is taken for this patient (the
 * conditional take is what stops two displaced patients getting the same number), else offers
 * make-up and cancellation only. The message goes out in the same transaction.
 */
async function offerFor(
  ports: SuspensionPorts,
  a: AppointmentRecord,
  context: {
    session: SuspendableSession;
    candidates: Awaited<ReturnType<typeof substituteCandidates>>;
    makeUp?: SuspendableSession;
  },
  now: Date,
): Promise<'created' | 'exists' | 'appointment_changed'> {
  const { session } = context;
  const base: SuspensionOfferRecord = {
    sessionId: session.id,
    appointmentId: a.id,
    accountId: a.accountId,
    patientId: a.patientId,
    patientName: a.patientName,
    state: 'offered',
    deadline: toShanghaiIso(suspensionOfferDeadline(now, sessionStartsAt(session.date, session.period))),
    createdAt: toShanghaiIso(now),
  };
  if (context.makeUp && !(await ports.suspensions.hasGuard(context.makeUp.id, a.identityIndex)))
    base.makeUp = toMakeUp(context.makeUp);
  const ranked = rankSubstituteSlots(a, context.candidates);
  for (const candidate of ranked) {
    const pick = context.candidates.find((c) => c.slotId === candidate.slotId);
    if (!pick || pick.remaining <= 0 || (await ports.suspensions.hasGuard(pick.sessionId, a.identityIndex)))
      continue;
    const offer: SuspensionOfferRecord = {
      ...base,
      substitute: {
        sessionId: pick.sessionId,
        slotId: pick.slotId,
        doctorId: pick.session.doctorId,
        doctorName: pick.session.doctorName,
        doctorTitle: pick.session.doctorTitle,
        start: pick.slot.start,
        end: pick.slot.end,
      },
    };
    const outcome = await ports.suspensions.createOffer(
      offer,
      a,
      offerMessage(a, offer, session.suspendedReason ?? '', now),
    );
    if (outcome === 'slot_taken') pick.remaining = 0;
    else {
      if (outcome === 'created') pick.remaining -= 1;
      return outcome;
    }
  }
  const outcome = await ports.suspensions.createOffer(
    base,
    a,
    offerMessage(a, base, session.suspendedReason ?? '', now),
  );
  return outcome === 'slot_taken' ? 'created' : outcome;
}

/** Offers for one booking, re-reading it when it was paid or cancelled while the offer was being made. */
async function offerWithRetry(
  ports: SuspensionPorts,
  appointment: AppointmentRecord,
  context: Parameters<typeof offerFor>[2],
  now: Date,
): Promise<void> {
  let current: AppointmentRecord | undefined = appointment;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (!isActiveBooking(current, now) || current.sessionId !== context.session.id) return;
    if ((await offerFor(ports, current, context, now)) !== 'appointment_changed') return;
    current = await ports.appointments.get(current.accountId, current.id);
  }
}

/**
 * Staff suspend a session (停诊, Beijing art. 23).
 * 1. The session must exist and not have ended; it becomes `suspended`, so booking refuses it from now on.
 * 2. The make-up session is the one staff named or the doctor's next open session.
 * 3. Every booking still holding a number gets an offer, paid ones first: a reserved substitute number when another
 *    doctor of the same or a more senior title has one free in the same department and half day,
 *    make-up when available, cancellation with refund always; each patient is messaged in the same write.
 * 4. Repeating the request on a suspended session makes any offer still missing, so a crash part-way
 *    leaves no one out.
 */
export async function suspendSession(
  ports: SuspensionPorts,
  request: { sessionId: string; reason: string; makeUpSessionId?: string; byAccountId: string },
  now: Date,
): Promise<SessionSuspensionView> {
  let session = await ports.suspensions.getSession(request.sessionId);
  if (!session) throw new DomainError('NOT_FOUND');
  if (session.status === 'open') {
    if (now.getTime() >= sessionEndsAt(session.date, session.period).getTime())
      throw new DomainError('SESSION_ENDED');
    if (request.makeUpSessionId) {
      const named = await ports.suspensions.getSession(request.makeUpSessionId);
      if (named?.id === session.id || !usable(named, now)) {
        throw new DomainError('VALIDATION_FAILED', {
          details: { in: 'body', fields: { makeUpSessionId: '补诊出诊单元不存在、已停诊或已结束' } },
        });
      }
    }
    await ports.suspensions.markSuspended(session.id, {
      reason: request.reason,
      at: toShanghaiIso(now),
      byAccountId: request.byAccountId,
      ...(request.makeUpSessionId ? { makeUpSessionId: request.makeUpSessionId } : {}),
    });
    session = await ports.suspensions.getSession(session.id);
    if (!session) throw new DomainError('NOT_FOUND');
  }
  const [bookings, existing, candidates, makeUp] = await Promise.all([
    ports.suspensions.listSessionBookings(session.id),
    ports.suspensions.listOffers(session.id),
    substituteCandidates(ports, session, now),
    findMakeUp(ports, session, now),
  ]);
  const offered = new Set(existing.map((o) => o.appointmentId));
  const pending = await Promise.all(
    bookings
      .filter((b) => !offered.has(b.appointmentId))
      .map((b) => ports.appointments.get(b.accountId, b.appointmentId)),
  );
  // Paid bookings choose first among the scarce substitute numbers, then the earliest slot, then the earliest booked.
  const displaced = pending
    .filter((a): a is AppointmentRecord => isActiveBooking(a, now) && a.sessionId === session.id)
    .sort(
      (a, b) =>
        Number(b.status === 'booked') - Number(a.status === 'booked') ||
        a.start.localeCompare(b.start) ||
        a.createdAt.localeCompare(b.createdAt),
    );
  for (const appointment of displaced)
    await offerWithRetry(ports, appointment, { session, candidates, makeUp }, now);
  return toSessionSuspensionView(session, await ports.suspensions.listOffers(session.id));
}

/** The suspension of a session as staff see it; an open session reads with no outcomes. */
export async function getSessionSuspension(
  suspensions: SuspensionStore,
  sessionId: string,
): Promise<SessionSuspensionView> {
  const session = await suspensions.getSession(sessionId);
  if (!session) throw new DomainError('NOT_FOUND');
  return toSessionSuspensionView(session, await suspensions.listOffers(sessionId));
}

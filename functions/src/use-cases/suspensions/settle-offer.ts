import {
  defaultSuspensionChoice,
  DomainError,
  toShanghaiIso,
  type SuspensionChoice,
  type SuspensionOfferView,
} from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { SuspensionOfferRecord } from '../../ports/suspension-store';
import type { CloseHoldOrder } from '../appointments/release-expired-holds';
import { isActiveBooking, type SuspensionPorts } from './suspend-session';
import { resolutionMessage } from './suspension-messages';
import { toOfferView } from './suspension-view';

type DecidedBy = 'patient' | 'default';

/** Settling may cancel an unpaid hold: its WeChat order is closed first, as in every hold release. */
export type SettlePorts = SuspensionPorts & { closeHoldOrder: CloseHoldOrder };

const minutesOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

/** The make-up slot: the one starting at the booked time of day, else the nearest. */
async function makeUpTarget(
  ports: SuspensionPorts,
  offer: SuspensionOfferRecord,
  a: AppointmentRecord,
  at: string,
): Promise<AppointmentRecord> {
  const makeUp = offer.makeUp;
  if (!makeUp) throw new DomainError('SUSPENSION_CHOICE_UNAVAILABLE');
  const rows = await ports.suspensions.listDepartmentSessions(makeUp.departmentId, makeUp.date, makeUp.date);
  const slots = rows.find((r) => r.session.id === makeUp.sessionId)?.slots ?? [];
  const wanted = minutesOf(a.start);
  const slot = [...slots].sort(
    (x, y) =>
      Math.abs(minutesOf(x.start) - wanted) - Math.abs(minutesOf(y.start) - wanted) ||
      x.start.localeCompare(y.start),
  )[0];
  if (!slot) throw new DomainError('SUSPENSION_CHOICE_UNAVAILABLE');
  return {
    ...a,
    slotId: slot.id,
    sessionId: makeUp.sessionId,
    departmentId: makeUp.departmentId,
    departmentName: makeUp.departmentName,
    doctorId: makeUp.doctorId,
    doctorName: makeUp.doctorName,
    doctorTitle: makeUp.doctorTitle,
    date: makeUp.date,
    period: makeUp.period,
    start: slot.start,
    end: slot.end,
    // A make-up number is seen on top of that session's own numbers: nobody already booked loses theirs.
    capacityPool: 'beyond_capacity',
    movedFromSessionId: offer.sessionId,
    suspensionOffer: { sessionId: offer.sessionId, state: 'resolved', deadline: offer.deadline },
    updatedAt: at,
  };
}

function substituteTarget(offer: SuspensionOfferRecord, a: AppointmentRecord, at: string): AppointmentRecord {
  const sub = offer.substitute;
  if (!sub) throw new DomainError('SUSPENSION_CHOICE_UNAVAILABLE');
  return {
    ...a,
    slotId: sub.slotId,
    sessionId: sub.sessionId,
    doctorId: sub.doctorId,
    doctorName: sub.doctorName,
    doctorTitle: sub.doctorTitle,
    start: sub.start,
    end: sub.end,
    // The fee paid stays as it was: the hospital, not the patient, bears a more senior doctor's fee.
    capacityPool: 'online',
    movedFromSessionId: offer.sessionId,
    suspensionOffer: { sessionId: offer.sessionId, state: 'resolved', deadline: offer.deadline },
    updatedAt: at,
  };
}

/**
 * Cancels through the patient-cancel release. A payment landing between the read and the release
 * changes the status the release is conditioned on, so the booking is read again and released as it
 * now stands (a now-paid booking is flagged for refund).
 */
async function cancelDisplaced(ports: SettlePorts, first: AppointmentRecord, now: Date): Promise<void> {
  const at = toShanghaiIso(now);
  let current: AppointmentRecord | undefined = first;
  for (let attempt = 0; attempt < 3 && isActiveBooking(current, now); attempt += 1) {
    // An unpaid hold's WeChat order is closed before its number goes (or found paid and applied,
    // which moves the status this release is conditioned on: the booking is then read again).
    if (current.status === 'pending_payment') await ports.closeHoldOrder(current);
    const refundRequired = current.status === 'booked' && current.feeFen > 0;
    if (await ports.appointments.release(current, { reason: 'session_suspended', at, refundRequired }))
      return;
    current = await ports.appointments.get(current.accountId, current.id);
  }
}

/**
 * Applies one choice to one offer.
 * 1. A booking that no longer holds a number (paid-for hold expired, cancelled) closes the offer as `lapsed`.
 * 2. substitute / makeup: one transaction closes the offer, moves the booking (same id) and messages the patient.
 * 3. cancel: the offer closes with its message, then the booking is cancelled through the same release
 *    the patient's own cancel uses, flagged `refundRequired` when it was paid, so the payment module refunds it.
 */
export async function settleOffer(
  ports: SettlePorts,
  offer: SuspensionOfferRecord,
  choice: SuspensionChoice,
  decidedBy: DecidedBy,
  now: Date,
): Promise<SuspensionOfferRecord> {
  const at = toShanghaiIso(now);
  const a = await ports.appointments.get(offer.accountId, offer.appointmentId);
  if (!isActiveBooking(a, now) || a.sessionId !== offer.sessionId) {
    const lapsed = { state: 'lapsed' as const, resolvedAt: at };
    if (!(await ports.suspensions.close(offer, lapsed))) throw new DomainError('SUSPENSION_OFFER_CLOSED');
    if (decidedBy === 'patient') throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
    return { ...offer, ...lapsed };
  }
  const resolution = { choice, decidedBy, resolvedAt: at };
  if (choice === 'cancel') {
    const refundRequired = a.status === 'booked' && a.feeFen > 0;
    const closed = { ...resolution, state: 'resolved' as const, refundRequired };
    if (
      !(await ports.suspensions.close(offer, closed, resolutionMessage(a, offer, 'cancel', undefined, now)))
    )
      throw new DomainError('SUSPENSION_OFFER_CLOSED');
    await cancelDisplaced(ports, a, now);
    return { ...offer, ...closed };
  }
  const moved =
    choice === 'substitute' ? substituteTarget(offer, a, at) : await makeUpTarget(ports, offer, a, at);
  await ports.suspensions.move({
    offer,
    appointment: a,
    moved,
    reserved: choice === 'substitute',
    resolution,
    message: resolutionMessage(a, offer, choice, moved, now),
  });
  return { ...offer, ...resolution, state: 'resolved' };
}

/**
 * The patient answers the offer for their own appointment. The offer sits under the suspended
 * session, which a moved appointment no longer names; the appointment's `suspensionOffer` does.
 */
export async function chooseSuspensionOption(
  ports: SettlePorts,
  request: { accountId: string; appointmentId: string; choice: SuspensionChoice },
  now: Date,
): Promise<SuspensionOfferView> {
  const offer = await findOwnOffer(ports, request.accountId, request.appointmentId);
  if (offer.state !== 'offered') throw new DomainError('SUSPENSION_OFFER_CLOSED');
  return toOfferView(await settleOffer(ports, offer, request.choice, 'patient', now));
}

/** The offer of one of the account's own appointments; anyone else's is indistinguishable from none. */
export async function findOwnOffer(
  ports: SuspensionPorts,
  accountId: string,
  appointmentId: string,
): Promise<SuspensionOfferRecord> {
  const a = await ports.appointments.get(accountId, appointmentId);
  if (!a) throw new DomainError('NOT_FOUND');
  const offer = await ports.suspensions.getOffer(a.suspensionOffer?.sessionId ?? a.sessionId, a.id);
  if (!offer) throw new DomainError('NOT_FOUND');
  return offer;
}

/** Offers settled per run; the schedule runs every few minutes. */
const BATCH = 100;

/**
 * The scheduled default for offers nobody answered by their deadline: the reserved substitute,
 * else cancellation with refund. When the substitute cannot be applied any more (its session was
 * suspended too, or the patient booked it themselves) the booking is cancelled rather than left hanging.
 */
export async function settleDueOffers(
  ports: SettlePorts,
  now: Date,
): Promise<{ examined: number; settled: number }> {
  const due = await ports.suspensions.listDueOffers(toShanghaiIso(now), BATCH);
  let settled = 0;
  for (const offer of due) {
    const choice = defaultSuspensionChoice({ substituteReserved: offer.substitute !== undefined });
    try {
      await settleOffer(ports, offer, choice, 'default', now);
      settled += 1;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'SUSPENSION_OFFER_CLOSED') continue;
      const fresh = await ports.suspensions.getOffer(offer.sessionId, offer.appointmentId);
      if (fresh?.state === 'offered') {
        await settleOffer(ports, fresh, 'cancel', 'default', now);
        settled += 1;
      }
    }
  }
  return { examined: due.length, settled };
}

import { bookingWindow, checkBookable, DomainError, toShanghaiIso } from '@jiuyi/shared';
import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import type { NoShowStore } from '../../ports/no-show-store';
import type { SessionRecord, SlotRecord } from '../../ports/schedule-store';
import type { SessionReader } from '../../ports/session-reader';
import type { WaitlistEntryRecord, WaitlistStore } from '../../ports/waitlist-store';
import { waitlistEndedMessage, waitlistOfferMessage } from '../appointments/appointment-messages';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../appointments/booking-policy';
import { newAppointmentRecord } from '../appointments/new-appointment';
import { assertNoShowsAllowBooking } from '../appointments/no-show-policy';
import { releaseHold, type CloseHoldOrder } from '../appointments/release-expired-holds';

export interface PromotePorts {
  sessions: SessionReader;
  waitlist: WaitlistStore;
  appointments: AppointmentStore;
  noShows: NoShowStore;
  /** Closes the WeChat order of an expired hold (an unpaid offer included) before it is released. */
  closeHoldOrder: CloseHoldOrder;
}

/** Sessions looked at per scheduled run. */
const SESSIONS_PER_RUN = 100;

function offerFor(
  entry: WaitlistEntryRecord,
  slot: SlotRecord,
  now: Date,
  policy: BookingPolicy,
): AppointmentRecord {
  // An offer never outlasts the session's booking cut-off: registration stops there (Dalian 2.3).
  const cutoff = bookingWindow(slot.date, slot.period, slot.doctorTitle).closesAt.getTime();
  const expires = Math.min(now.getTime() + policy.waitlistOfferMinutes * 60_000, cutoff);
  return {
    ...newAppointmentRecord(
      {
        accountId: entry.accountId,
        patientId: entry.patientId,
        patientName: entry.patientName,
        identityIndex: entry.identityIndex,
      },
      slot,
      now,
      policy,
    ),
    // Free numbers are held too, so the patient confirms and a silent patient does not block the queue.
    status: 'pending_payment',
    holdExpiresAt: toShanghaiIso(new Date(expires)),
    waitlistEntryId: entry.id,
  };
}

/** Frees the session's expired holds (waitlist offers included); true if any number came back. */
async function releaseExpired(ports: PromotePorts, slots: SlotRecord[], now: Date): Promise<boolean> {
  let freed = false;
  for (const slot of slots) {
    for (const [appointmentId, hold] of Object.entries(slot.holds ?? {})) {
      if (new Date(hold.expiresAt) > now) continue;
      const a = await ports.appointments.get(hold.accountId, appointmentId);
      if (a && (await releaseHold(ports, a, now))) freed = true;
    }
  }
  return freed;
}

const isOpen = (s: SessionRecord, now: Date) =>
  s.status === 'open' && checkBookable(s.date, s.period, s.doctorTitle, now) === 'open';

/** Passes an entry over (or ends it when the session closed), telling the patient why. */
async function endEntry(ports: PromotePorts, entry: WaitlistEntryRecord, reason: string, now: Date) {
  const status = reason === 'closed' ? 'expired' : 'skipped';
  const at = toShanghaiIso(now);
  await ports.waitlist.leave(entry, { status, at, reason }, [waitlistEndedMessage(entry, reason, now)]);
}

/**
 * Hands a session's free online numbers to its waitlist, first in line first.
 * 1. Read the first waiting entry and the session's slots (consistent reads).
 * 2. A session that no longer takes bookings ends every waiting entry (`expired`).
 * 3. No free number: release expired holds (an unanswered offer is one; its WeChat order is
 *    closed first), else stop.
 * 4. A patient blocked by no-shows, already holding a number in the session or at a day limit is
 *    passed over (`skipped`) and told why; the next in line is tried.
 * 5. One transaction moves the entry to `offered` and holds the number for `waitlistOfferMinutes`
 *    as an unpaid appointment, with every booking condition and the message to the patient.
 * A concurrent run that moved the entry first makes this one re-read the queue, so two runs never
 * give one entry two numbers nor skip anyone.
 */
export async function promoteWaitlist(
  ports: PromotePorts,
  sessionId: string,
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<{ offered: number; ended: number }> {
  const result = { offered: 0, ended: 0 };
  for (let round = 0; round < 200; round += 1) {
    const [entry] = await ports.waitlist.firstInLine(sessionId, 1);
    if (!entry) return result;
    const found = await ports.sessions.getSession(sessionId);
    if (!found) return result;
    if (!isOpen(found.session, now)) {
      if (
        checkBookable(found.session.date, found.session.period, found.session.doctorTitle, now) === 'not_open'
      )
        return result;
      await endEntry(ports, entry, 'closed', now);
      result.ended += 1;
      continue;
    }
    const slot = found.slots.find((s) => s.bookedOnline < s.capacityOnline);
    if (!slot) {
      if (await releaseExpired(ports, found.slots, now)) continue;
      return result;
    }
    try {
      await assertNoShowsAllowBooking(ports.noShows, entry.identityIndex, now, policy.noShow);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await endEntry(ports, entry, 'no_show_block', now);
      result.ended += 1;
      continue;
    }
    const offer = offerFor(entry, slot, now, policy);
    const outcome = await ports.waitlist.promote(entry, offer, policy.limits, [
      waitlistOfferMessage(offer, now),
    ]);
    if (outcome.kind === 'offered') result.offered += 1;
    if (outcome.kind === 'ineligible') {
      await endEntry(ports, entry, outcome.reason, now);
      result.ended += 1;
    }
  }
  return result;
}

/**
 * The scheduled follow-up behind every released number (cancel, expired hold, unanswered offer):
 * each watched session's waitlist gets its free numbers, and a session nobody waits for any more
 * after its booking cut-off leaves the watch list.
 */
export async function promoteActiveWaitlists(
  ports: PromotePorts,
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<{ sessions: number; offered: number; ended: number }> {
  const sessions = await ports.waitlist.activeSessions(SESSIONS_PER_RUN);
  const total = { sessions: sessions.length, offered: 0, ended: 0 };
  for (const s of sessions) {
    if (s.waiting > 0) {
      const r = await promoteWaitlist(ports, s.sessionId, now, policy);
      total.offered += r.offered;
      total.ended += r.ended;
    }
    if (new Date(s.cutoff) <= now) await ports.waitlist.retire(s.sessionId);
  }
  return total;
}

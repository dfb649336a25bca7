import { DAY_MS, isDueForNoShow, sessionEndsAt, toShanghaiIso } from '@jiuyi/shared';
import type { AppointmentStore } from '../../ports/appointment-store';
import type { NoShowStore } from '../../ports/no-show-store';
import { noShowMessage } from './appointment-messages';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from './booking-policy';

/** Visits examined per run; a run every few minutes drains even a whole day's sessions quickly. */
const BATCH = 200;

export interface NoShowPorts {
  appointments: AppointmentStore;
  noShows: NoShowStore;
}

/**
 * The scheduled no-show marking (Beijing art. 27).
 * 1. List the numbers whose session ended by `now` and that are not settled yet.
 * 2. A number still `booked` (neither seen nor cancelled) becomes `no_show` in one transaction,
 *    conditioned on `booked`, with the patient's no-show record (dated at the session's end, so
 *    when the job runs does not matter) and a message saying what it counts towards.
 * 3. Any other status (checked in, voided…) is settled without a record. An unpaid hold is left to
 *    the hold release, which frees its guard.
 */
export async function markNoShows(
  ports: NoShowPorts,
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<{ examined: number; marked: number }> {
  const due = await ports.noShows.listDueVisits(toShanghaiIso(now), BATCH);
  let marked = 0;
  for (const visit of due) {
    const a = await ports.appointments.get(visit.accountId, visit.appointmentId);
    if (a?.status === 'pending_payment') continue;
    if (!a || !isDueForNoShow(a.status, a.date, a.period, now)) {
      if (a) await ports.noShows.settleVisit(a);
      continue;
    }
    const at = sessionEndsAt(a.date, a.period);
    const windowStart = toShanghaiIso(new Date(at.getTime() - policy.noShow.windowDays * DAY_MS + 1));
    const earlier = (await ports.noShows.listSince(a.identityIndex, windowStart)).filter((d) => d < at);
    const message = noShowMessage(a, earlier.length + 1, policy.noShow, now);
    const change = { at: toShanghaiIso(at), now: toShanghaiIso(now) };
    if (await ports.noShows.markNoShow(a, change, [message])) marked += 1;
  }
  return { examined: due.length, marked };
}

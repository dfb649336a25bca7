import { BOOKING_OPENS_DAYS_AHEAD, checkBookable } from '@jiuyi/shared';
import type { SessionView, SlotView } from '@jiuyi/shared';
import { listSessions } from '../../../api/booking-api';
import { datesFrom } from '../../../utils/booking-format';

/** Referral numbers left in a session: what the alliance doctor can still book there. */
export function referralLeft(session: SessionView): number {
  return session.slots.reduce((n, s) => n + s.remainingReferral, 0);
}

/** The slots that still have a referral number. */
export function referralSlots(session: SessionView): SlotView[] {
  return session.slots.filter((s) => s.remainingReferral > 0);
}

/**
 * The department's sessions from today to 7 days ahead that an alliance doctor can still refer into:
 * open, not past the same-day cut-off, with referral numbers left. The 7th day is included because
 * before the 08:00 release it is exactly the day referrals may book ahead of the public. The server
 * checks all of this again.
 */
export async function referralSessions(departmentId: string, now = new Date()): Promise<SessionView[]> {
  const dates = datesFrom(now, BOOKING_OPENS_DAYS_AHEAD + 1);
  const sessions = await listSessions(departmentId, dates[0] ?? '', dates[dates.length - 1] ?? '');
  return sessions.filter(
    (s) =>
      s.status === 'open' &&
      checkBookable(s.date, s.period, s.doctor.title, now) !== 'closed' &&
      referralLeft(s) > 0,
  );
}

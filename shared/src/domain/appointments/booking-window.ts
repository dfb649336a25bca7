import { addDays, atShanghai } from '../calendar/shanghai-time';
import type { DateString, TimeString } from '../calendar/shanghai-time';
import { isExpertTitle } from './doctor-titles';
import type { DoctorTitle } from '../../schemas/catalogue.schema';
import type { SessionPeriod } from './session-periods';

/** Online booking opens this many days ahead (Dalian 1.3). */
export const BOOKING_OPENS_DAYS_AHEAD = 7;
/** Numbers for a new day are released at this Shanghai time (Dalian 1.3). */
export const BOOKING_RELEASE_TIME: TimeString = '08:00';

/** Same-day registration cut-offs of the Dalian guide (2.3). */
const CUTOFF: Record<SessionPeriod, { expert: TimeString; ordinary: TimeString }> = {
  am: { expert: '11:30', ordinary: '11:30' },
  pm: { expert: '15:30', ordinary: '16:30' },
};

export type BookingState = 'open' | 'not_open' | 'closed';

/**
 * When a session can be booked: from 08:00 Shanghai seven days before `sessionDate`, until
 * the same-day cut-off (11:30 for morning sessions; 15:30 for experts' and 16:30 for
 * ordinary afternoon sessions). `opensAt` is inclusive and `closesAt` exclusive.
 */
export function bookingWindow(
  sessionDate: DateString,
  period: SessionPeriod,
  doctorTitle: DoctorTitle,
): { opensAt: Date; closesAt: Date } {
  const cutoff = CUTOFF[period][isExpertTitle(doctorTitle) ? 'expert' : 'ordinary'];
  return {
    opensAt: atShanghai(addDays(sessionDate, -BOOKING_OPENS_DAYS_AHEAD), BOOKING_RELEASE_TIME),
    closesAt: atShanghai(sessionDate, cutoff),
  };
}

/** Whether a session can be booked at `now`. */
export function checkBookable(
  sessionDate: DateString,
  period: SessionPeriod,
  doctorTitle: DoctorTitle,
  now: Date,
): BookingState {
  const { opensAt, closesAt } = bookingWindow(sessionDate, period, doctorTitle);
  if (now.getTime() < opensAt.getTime()) return 'not_open';
  if (now.getTime() >= closesAt.getTime()) return 'closed';
  return 'open';
}

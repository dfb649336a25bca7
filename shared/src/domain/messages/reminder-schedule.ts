import { addDays, atShanghai, MINUTE_MS } from '../calendar/shanghai-time';
import type { DateString, TimeString } from '../calendar/shanghai-time';
import { addWorkingDays, type WorkingDayCalendar } from '../calendar/working-days';
import { sessionEndsAt, type SessionPeriod } from '../appointments/session-periods';

/**
 * When each reminder fires, as pure functions of the thing it is about. A scheduled function
 * runs every few minutes and sends the reminders whose moment fell inside the window since its
 * previous run (`firesWithin`); the message id is derived from (kind, entity, step), so a window
 * that overlaps the last one cannot send a reminder twice.
 */

/** The evening-before reminder goes out at this Shanghai time on the day before the visit. */
export const EVENING_BEFORE_TIME: TimeString = '20:00';
/** Minutes before the slot for the "coming up" reminder. */
export const SLOT_SOON_MINUTES = 30;
/** Consultations not yet approved are chased this many minutes before they start, earliest first. */
export const CONSULTATION_CHASE_MINUTES: readonly number[] = [120, 30];
/** Records-copy staff are warned this many working days before a deadline. */
export const RECORDS_COPY_WARNING_WORKING_DAYS = 1;
/** …at the start of that working day, when the records office opens. */
export const RECORDS_COPY_WARNING_TIME: TimeString = '08:00';

/** 20:00 Asia/Shanghai on the day before the visit. */
export function eveningBeforeReminderAt(visitDate: DateString): Date {
  return atShanghai(addDays(visitDate, -1), EVENING_BEFORE_TIME);
}

/** 30 minutes before the slot starts. */
export function slotSoonReminderAt(slotStart: Date): Date {
  return new Date(slotStart.getTime() - SLOT_SOON_MINUTES * MINUTE_MS);
}

/**
 * The no-show warning fires when the session ends: that is the moment a booking that was neither
 * cancelled nor seen becomes a no-show (Beijing art. 27), not earlier.
 */
export function noShowWarningAt(visitDate: DateString, period: SessionPeriod): Date {
  return sessionEndsAt(visitDate, period);
}

/** The moments to chase an expert who has not approved a consultation, earliest first. */
export function consultationChaseTimes(consultationStart: Date): Date[] {
  return CONSULTATION_CHASE_MINUTES.map((m) => new Date(consultationStart.getTime() - m * MINUTE_MS));
}

/**
 * The warning for a records-copy step due on `deadline` (a working day): the opening of the
 * working day before it, so a weekend or a holiday in between does not eat the warning.
 */
export function recordsCopyDeadlineWarningAt(calendar: WorkingDayCalendar, deadline: DateString): Date {
  return atShanghai(
    addWorkingDays(calendar, deadline, -RECORDS_COPY_WARNING_WORKING_DAYS),
    RECORDS_COPY_WARNING_TIME,
  );
}

/**
 * True when a reminder due at `at` belongs to the run that covers (`since`, `now`]: the left end
 * is open so consecutive runs never both claim a reminder that falls exactly on a boundary.
 */
export function firesWithin(at: Date, since: Date, now: Date): boolean {
  return at.getTime() > since.getTime() && at.getTime() <= now.getTime();
}

/**
 * A reminder is pointless once what it announces has happened, and redundant when the booking
 * itself was made after the reminder time (the confirmation already said it all).
 */
export function reminderStillUseful(at: Date, createdAt: Date, eventStart: Date): boolean {
  return createdAt.getTime() < at.getTime() && at.getTime() < eventStart.getTime();
}

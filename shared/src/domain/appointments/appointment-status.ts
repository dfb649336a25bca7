import { DomainError } from '../../errors';
import type { DateString } from '../calendar/shanghai-time';
import { sessionEndsAt } from './session-periods';
import type { SessionPeriod } from './session-periods';

export const APPOINTMENT_STATUSES = [
  'pending_payment',
  'booked',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
  'voided',
] as const;

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * The allowed moves. An unpaid hold is either paid or released (cancelled). A paid booking
 * is checked in, cancelled with a refund, becomes a no-show when its session ends unseen
 * (Beijing art. 27), or is voided when the identity check at triage fails (art. 20–21),
 * which can also happen after check-in. The last four states are final.
 */
const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending_payment: ['booked', 'cancelled'],
  booked: ['checked_in', 'cancelled', 'no_show', 'voided'],
  checked_in: ['completed', 'voided'],
  completed: [],
  cancelled: [],
  no_show: [],
  voided: [],
};

const CANCELLABLE: readonly AppointmentStatus[] = ['pending_payment', 'booked'];

/** Whether an appointment may move from `from` to `to`. */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** True for statuses nothing can leave. */
export function isFinalStatus(status: AppointmentStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/**
 * Throws `APPOINTMENT_STATUS_CONFLICT` for a disallowed move: the usual cause is a stale or
 * repeated request racing another change, which the client fixes by reloading.
 */
export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('APPOINTMENT_STATUS_CONFLICT', { details: { from, to } });
  }
}

/**
 * Whether the patient may still cancel: only an unpaid or booked appointment, and only
 * before its session ends (Beijing art. 19); after that an unused booking is a no-show.
 */
export function canCancel(
  status: AppointmentStatus,
  sessionDate: DateString,
  period: SessionPeriod,
  now: Date,
): boolean {
  return CANCELLABLE.includes(status) && now.getTime() < sessionEndsAt(sessionDate, period).getTime();
}

/** Throws `APPOINTMENT_NOT_CANCELLABLE`, saying whether the status or the time is the reason. */
export function assertCancellable(
  status: AppointmentStatus,
  sessionDate: DateString,
  period: SessionPeriod,
  now: Date,
): void {
  if (!CANCELLABLE.includes(status)) {
    throw new DomainError('APPOINTMENT_NOT_CANCELLABLE', { details: { status } });
  }
  if (!canCancel(status, sessionDate, period, now)) {
    throw new DomainError('APPOINTMENT_NOT_CANCELLABLE', {
      message: '就诊时段已结束，不能取消',
      details: { status, reason: 'session_ended' },
    });
  }
}

/** A booked appointment whose session has ended without a check-in is a no-show. */
export function isDueForNoShow(
  status: AppointmentStatus,
  sessionDate: DateString,
  period: SessionPeriod,
  now: Date,
): boolean {
  return status === 'booked' && now.getTime() >= sessionEndsAt(sessionDate, period).getTime();
}

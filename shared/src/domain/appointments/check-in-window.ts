import { DomainError } from '../../errors';
import { MINUTE_MS, shanghaiTime, toShanghaiIso } from '../calendar/shanghai-time';

/**
 * Check-in opens this long before the slot starts: early enough to queue at the desk, late
 * enough that patients are seen within 30 minutes of arrival (Beijing art. 22).
 */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30;

export type CheckInState = 'not_open' | 'open' | 'closed';

/** From 30 minutes before the slot starts (inclusive) until the slot ends (exclusive). */
export function checkInWindow(slotStart: Date, slotEnd: Date): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(slotStart.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * MINUTE_MS),
    closesAt: slotEnd,
  };
}

/** Where `now` falls against a slot's check-in window. */
export function checkInState(slotStart: Date, slotEnd: Date, now: Date): CheckInState {
  const { opensAt, closesAt } = checkInWindow(slotStart, slotEnd);
  if (now.getTime() < opensAt.getTime()) return 'not_open';
  if (now.getTime() >= closesAt.getTime()) return 'closed';
  return 'open';
}

/** Throws `CHECK_IN_NOT_OPEN` (with the opening time) or `CHECK_IN_CLOSED` outside the window. */
export function assertCheckInOpen(slotStart: Date, slotEnd: Date, now: Date): void {
  const state = checkInState(slotStart, slotEnd, now);
  if (state === 'open') return;
  const { opensAt, closesAt } = checkInWindow(slotStart, slotEnd);
  const details = { opensAt: toShanghaiIso(opensAt), closesAt: toShanghaiIso(closesAt) };
  if (state === 'not_open') {
    throw new DomainError('CHECK_IN_NOT_OPEN', {
      message: `还未到签到时间，请于 ${shanghaiTime(opensAt)} 后签到`,
      details,
    });
  }
  throw new DomainError('CHECK_IN_CLOSED', { details });
}

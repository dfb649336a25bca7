import { toShanghaiIso } from '@jiuyi/shared';
import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import { isExpiredHold } from './appointment-view';

/** Holds released per run; the schedule runs every minute, so a backlog drains within a few runs. */
const BATCH = 200;

/**
 * Cancels one expired hold and frees its number, conditioned on it still being unpaid and expired,
 * so a payment that lands first wins; false when it was not (or no longer) an expired hold.
 */
export async function releaseHold(
  appointments: AppointmentStore,
  appointment: AppointmentRecord,
  now: Date,
): Promise<boolean> {
  if (!isExpiredHold(appointment, now)) return false;
  const at = toShanghaiIso(now);
  return appointments.release(appointment, {
    reason: 'hold_expired',
    at,
    refundRequired: false,
    holdExpiredBy: at,
  });
}

/**
 * The scheduled release of unpaid holds (DynamoDB TTL may lag by days, so it cannot do this).
 * 1. List holds that expired by `now`, oldest first.
 * 2. Release each one in its own conditional transaction; one that was paid meanwhile is skipped.
 */
export async function releaseExpiredHolds(
  appointments: AppointmentStore,
  now: Date,
  /** Runs before each release (the payment module closes the WeChat order, or applies it if paid). */
  beforeRelease?: (appointment: AppointmentRecord) => Promise<unknown>,
): Promise<{ examined: number; released: number }> {
  const due = await appointments.listExpiredHolds(toShanghaiIso(now), BATCH);
  let released = 0;
  for (const appointment of due) {
    await beforeRelease?.(appointment);
    if (await releaseHold(appointments, appointment, now)) released += 1;
  }
  return { examined: due.length, released };
}

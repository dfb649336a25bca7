import { toShanghaiIso } from '@jiuyi/shared';
import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import { isExpiredHold } from './appointment-view';

/** Holds released per run; the schedule runs every minute, so a backlog drains within a few runs. */
const BATCH = 200;

/**
 * Closes the WeChat order of a hold about to be released, or applies it as paid when the payer won
 * the race (the payment module's `closeAppointmentOrder`). It must not throw: the release goes ahead
 * either way, and a payment that still lands later is refunded because the hold is gone.
 */
export type CloseHoldOrder = (appointment: AppointmentRecord) => Promise<unknown>;

/** What releasing a hold needs: every release closes the WeChat order first (docs/data-model.md). */
export interface HoldReleasePorts {
  appointments: AppointmentStore;
  closeHoldOrder: CloseHoldOrder;
}

/**
 * Releases one expired hold, the one way every flow does it (the schedule, a booking that finds the
 * slot full of expired holds, the waitlist promotion):
 * 1. Only an unpaid hold past its expiry; anything else is left alone (false).
 * 2. The WeChat order is closed first, so no money can arrive for a number that is gone; if WeChat
 *    says it was paid, the payment is applied and the appointment is booked instead.
 * 3. The appointment is cancelled and its number freed, conditioned on it still being that unpaid,
 *    expired hold, so a payment that landed first (step 2 included) wins.
 */
export async function releaseHold(
  ports: HoldReleasePorts,
  appointment: AppointmentRecord,
  now: Date,
): Promise<boolean> {
  if (!isExpiredHold(appointment, now)) return false;
  await ports.closeHoldOrder(appointment);
  const at = toShanghaiIso(now);
  return ports.appointments.release(appointment, {
    reason: 'hold_expired',
    at,
    refundRequired: false,
    holdExpiredBy: at,
  });
}

/**
 * The scheduled release of unpaid holds (DynamoDB TTL may lag by days, so it cannot do this).
 * 1. List holds that expired by `now`, oldest first.
 * 2. Release each one through `releaseHold` (order closed first, conditional transaction); one
 *    that was paid meanwhile is skipped.
 */
export async function releaseExpiredHolds(
  ports: HoldReleasePorts,
  now: Date,
): Promise<{ examined: number; released: number }> {
  const due = await ports.appointments.listExpiredHolds(toShanghaiIso(now), BATCH);
  let released = 0;
  for (const appointment of due) {
    if (await releaseHold(ports, appointment, now)) released += 1;
  }
  return { examined: due.length, released };
}

import { assertCancellable, DomainError, toShanghaiIso, type AppointmentView } from '@jiuyi/shared';
import type { AppointmentStore } from '../../ports/appointment-store';
import { isExpiredHold, toAppointmentView } from './appointment-view';

/** The account's appointments, soonest visit first. */
export async function listAppointments(
  appointments: AppointmentStore,
  accountId: string,
  now: Date,
): Promise<AppointmentView[]> {
  const all = await appointments.list(accountId);
  return all
    .sort((a, b) => a.start.localeCompare(b.start) || a.createdAt.localeCompare(b.createdAt))
    .map((a) => toAppointmentView(a, now));
}

/** One of the account's own appointments; anyone else's is indistinguishable from none. */
export async function getAppointment(
  appointments: AppointmentStore,
  accountId: string,
  appointmentId: string,
  now: Date,
): Promise<AppointmentView> {
  const appointment = await appointments.get(accountId, appointmentId);
  if (!appointment) throw new DomainError('NOT_FOUND');
  return toAppointmentView(appointment, now);
}

/**
 * The patient cancels before the session ends (Beijing art. 19).
 * 1. Own appointment only (404 otherwise); an expired hold is already released in the patient's eyes.
 * 2. Only pending_payment or booked, and only before the session ends.
 * 3. One transaction, conditioned on the status read: status cancelled, number and guard freed,
 *    day counters decremented. A paid booking is flagged `refundRequired` for the payment module.
 */
export async function cancelAppointment(
  appointments: AppointmentStore,
  accountId: string,
  appointmentId: string,
  now: Date,
): Promise<AppointmentView> {
  const appointment = await appointments.get(accountId, appointmentId);
  if (!appointment) throw new DomainError('NOT_FOUND');
  const status = isExpiredHold(appointment, now) ? 'cancelled' : appointment.status;
  assertCancellable(status, appointment.date, appointment.period, now);
  const change = {
    reason: 'patient' as const,
    at: toShanghaiIso(now),
    refundRequired: appointment.status === 'booked' && appointment.feeFen > 0,
  };
  if (!(await appointments.release(appointment, change)))
    throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
  return toAppointmentView(
    {
      ...appointment,
      status: 'cancelled',
      cancelledAt: change.at,
      cancelReason: 'patient',
      refundRequired: change.refundRequired,
      updatedAt: change.at,
    },
    now,
  );
}

import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import type { HisVisit } from '../../ports/his';

/**
 * A visit that can have orders: the patient checked in or was seen, or a paid booking whose time
 * slot has begun (the consulting room may not record check-in). Unpaid holds, cancellations,
 * no-shows and voided bookings never reach a doctor, so they never have bills.
 */
export function isVisit(a: AppointmentRecord, now: Date): boolean {
  if (a.status === 'checked_in' || a.status === 'completed') return true;
  return a.status === 'booked' && new Date(a.start) <= now;
}

export function toHisVisit(a: AppointmentRecord): HisVisit {
  return {
    appointmentId: a.id,
    patientId: a.patientId,
    date: a.date,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    doctorId: a.doctorId,
    doctorName: a.doctorName,
    start: a.start,
  };
}

/** The patient's visits within the account, oldest first. */
export async function patientVisits(
  appointments: AppointmentStore,
  accountId: string,
  patientId: string,
  now: Date,
): Promise<HisVisit[]> {
  const all = await appointments.list(accountId);
  return all
    .filter((a) => a.patientId === patientId && isVisit(a, now))
    .sort((a, b) => a.start.localeCompare(b.start))
    .map(toHisVisit);
}

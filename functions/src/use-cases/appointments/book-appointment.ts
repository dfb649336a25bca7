import { createHash } from 'node:crypto';
import { checkBookable, DomainError, type AppointmentView } from '@jiuyi/shared';
import type { NoShowStore } from '../../ports/no-show-store';
import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import type { PatientStore } from '../../ports/patient-store';
import type { ScheduleStore, SlotRecord } from '../../ports/schedule-store';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from './booking-policy';
import { toAppointmentView } from './appointment-view';
import { releaseHold, type CloseHoldOrder } from './release-expired-holds';
import { bookingConfirmedMessage } from './appointment-messages';
import { newAppointmentRecord } from './new-appointment';
import { assertNoShowsAllowBooking } from './no-show-policy';
import { assertHoldsIdentity } from '../patients/real-name';

export interface BookingPorts {
  patients: PatientStore;
  schedule: ScheduleStore;
  appointments: AppointmentStore;
  noShows: NoShowStore;
  /** Closes the WeChat order of an expired hold before this booking releases it. */
  closeHoldOrder: CloseHoldOrder;
}

export interface BookingRequest {
  accountId: string;
  slotId: string;
  patientId: string;
  idempotencyKey: string;
}

/** The same body always hashes the same, whatever the key order the client sent. */
function bodyHash(r: BookingRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([r.slotId, r.patientId]))
    .digest('hex');
}

function refuseOutsideWindow(slot: SlotRecord, now: Date): void {
  const state = checkBookable(slot.date, slot.period, slot.doctorTitle, now);
  if (state === 'not_open') throw new DomainError('BOOKING_NOT_OPEN');
  if (state === 'closed') throw new DomainError('BOOKING_CLOSED');
}

/** Frees the slot's expired holds so the number can go to someone who is here now; true if any was freed. */
async function releaseExpiredOnSlot(ports: BookingPorts, slotId: string, now: Date): Promise<boolean> {
  const slot = await ports.schedule.getSlot(slotId);
  const expired = Object.entries(slot?.holds ?? {}).filter(([, h]) => new Date(h.expiresAt) <= now);
  let freed = false;
  for (const [appointmentId, hold] of expired) {
    const appointment = await ports.appointments.get(hold.accountId, appointmentId);
    if (appointment && (await releaseHold(ports, appointment, now))) freed = true;
  }
  return freed;
}

/**
 * Books one online number.
 * 1. The patient must be one of the caller's profiles (404 otherwise); the booker is the account's
 *    own profile when booking for someone else (Beijing art. 14).
 * 2. The slot must exist, its session be inside the booking window, and the patient not be
 *    blocked by no-shows (爽约).
 * 3. One transaction takes the number, writes the appointment, guards one number per patient per
 *    session, counts the day's bookings, records the idempotency key and queues the confirmation.
 * 4. A repeated key returns the first appointment; the same key with another body is refused.
 * 5. When the slot is full only because of expired holds, those are released (each WeChat order
 *    closed first) and the booking retried once.
 */
export async function bookAppointment(
  ports: BookingPorts,
  request: BookingRequest,
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<{ appointment: AppointmentView; replayed: boolean }> {
  const patient = await ports.patients.get(request.accountId, request.patientId);
  if (!patient) throw new DomainError('NOT_FOUND');
  assertHoldsIdentity(patient);
  const slot = await ports.schedule.getSlot(request.slotId);
  if (!slot) throw new DomainError('NOT_FOUND');
  await assertNoShowsAllowBooking(ports.noShows, patient.identityIndex, now, policy.noShow);
  const self =
    patient.relation === 'self'
      ? undefined
      : (await ports.patients.list(request.accountId)).find((p) => p.relation === 'self');
  const record: AppointmentRecord = {
    ...newAppointmentRecord(
      {
        accountId: request.accountId,
        patientId: patient.id,
        patientName: patient.name,
        identityIndex: patient.identityIndex,
      },
      slot,
      now,
      policy,
    ),
    ...(self ? { bookerPatientId: self.id } : {}),
  };
  const stamp = { key: request.idempotencyKey, bodyHash: bodyHash(request) };
  const attempt = async () => {
    const outcome = await ports.appointments.book(record, stamp, policy.limits, [
      bookingConfirmedMessage(record, now),
    ]);
    if (outcome.kind === 'booked')
      return { appointment: toAppointmentView(outcome.appointment, now), replayed: false };
    if (outcome.bodyHash !== stamp.bodyHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    const first = await ports.appointments.get(request.accountId, outcome.appointmentId);
    if (!first) throw new DomainError('NOT_FOUND');
    return { appointment: toAppointmentView(first, now), replayed: true };
  };
  try {
    refuseOutsideWindow(slot, now);
    return await attempt();
  } catch (error) {
    const full = error instanceof DomainError && error.code === 'SLOT_FULL';
    if (full && (await releaseExpiredOnSlot(ports, slot.id, now))) return attempt();
    throw error;
  }
}

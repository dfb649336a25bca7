import { randomUUID } from 'node:crypto';
import { toShanghaiIso } from '@jiuyi/shared';
import type { AppointmentRecord, CapacityPool } from '../../ports/appointment-store';
import type { PatientRecord } from '../../ports/patient-store';
import type { SlotRecord } from '../../ports/schedule-store';
import type { BookingPolicy } from '../appointments/booking-policy';

/**
 * The appointment a doctor books for a patient, owned by the patient's own account so it shows in
 * their "my appointments" and is paid and cancelled like any other: the usual fee, unpaid → held.
 */
export function doctorBookingRecord(
  input: {
    patient: PatientRecord;
    slot: SlotRecord;
    pool: CapacityPool;
    via: 'extra_number' | 'in_clinic';
    byAccountId: string;
  },
  now: Date,
  policy: BookingPolicy,
): AppointmentRecord {
  const { patient, slot } = input;
  const at = toShanghaiIso(now);
  return {
    id: randomUUID(),
    accountId: patient.accountId,
    patientId: patient.id,
    patientName: patient.name,
    slotId: slot.id,
    sessionId: slot.sessionId,
    departmentId: slot.departmentId,
    departmentName: slot.departmentName,
    doctorId: slot.doctorId,
    doctorName: slot.doctorName,
    doctorTitle: slot.doctorTitle,
    date: slot.date,
    period: slot.period,
    start: slot.start,
    end: slot.end,
    feeFen: slot.feeFen,
    status: slot.feeFen > 0 ? 'pending_payment' : 'booked',
    ...(slot.feeFen > 0
      ? { holdExpiresAt: toShanghaiIso(new Date(now.getTime() + policy.holdMinutes * 60_000)) }
      : {}),
    capacityPool: input.pool,
    bookedVia: input.via,
    bookedByAccountId: input.byAccountId,
    createdAt: at,
    updatedAt: at,
  };
}

import type { AppointmentRecord, CapacityPool } from '../../ports/appointment-store';
import type { PatientRecord } from '../../ports/patient-store';
import type { SlotRecord } from '../../ports/schedule-store';
import type { BookingPolicy } from '../appointments/booking-policy';
import { newAppointmentRecord } from '../appointments/new-appointment';

/**
 * The appointment a doctor books for a patient, owned by the patient's own account so it shows in
 * their "my appointments" and is paid and cancelled like any other: the usual fee, unpaid → held.
 */
export function doctorBookingRecord(
  input: {
    patient: PatientRecord;
    slot: SlotRecord;
    pool: CapacityPool;
    via: 'extra_number' | 'in_clinic' | 'referral';
    byAccountId: string;
  },
  now: Date,
  policy: BookingPolicy,
): AppointmentRecord {
  const { patient } = input;
  return {
    ...newAppointmentRecord(
      {
        accountId: patient.accountId,
        patientId: patient.id,
        patientName: patient.name,
        identityIndex: patient.identityIndex,
      },
      input.slot,
      now,
      policy,
    ),
    capacityPool: input.pool,
    bookedVia: input.via,
    bookedByAccountId: input.byAccountId,
  };
}

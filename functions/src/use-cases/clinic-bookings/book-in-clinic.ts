import {
  checkBookable,
  DomainError,
  isSameOrMoreSenior,
  type AppointmentView,
  type ClinicBookingKind,
  type Doctor,
  type IdDocumentType,
  type Principal,
} from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';
import type { ClinicBookingStore } from '../../ports/clinic-booking-store';
import type { ScheduleStore, SlotRecord } from '../../ports/schedule-store';
import { toAppointmentView } from '../appointments/appointment-view';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../appointments/booking-policy';
import { findPatientByDocument, requireLinkedDoctor, type PatientLookupPorts } from './clinic-patient';
import { doctorBookingMessage } from './clinic-messages';
import { doctorBookingRecord } from './doctor-booking-record';

export interface ClinicBookingPorts extends PatientLookupPorts {
  catalogue: CatalogueStore;
  schedule: ScheduleStore;
  clinicBookings: ClinicBookingStore;
}

/**
 * Whether the target slot fits what the doctor says the visit is (Beijing art. 18): a follow-up stays
 * in the doctor's department; a senior visit is in the same department with a more senior doctor;
 * another specialty is another department.
 */
function kindFits(kind: ClinicBookingKind, doctor: Doctor, slot: SlotRecord): boolean {
  const sameDepartment = slot.departmentId === doctor.departmentId;
  if (kind === 'other_specialty') return !sameDepartment;
  if (kind === 'follow_up') return sameDepartment;
  return (
    sameDepartment && slot.doctorTitle !== doctor.title && isSameOrMoreSenior(slot.doctorTitle, doctor.title)
  );
}

/**
 * A doctor books the patient in front of them (诊间预约).
 * 1. The caller must be linked to a catalogue doctor; the patient is found by their ID document.
 * 2. The slot must fit the kind of visit and its session must not have closed; the public release
 *    time does not apply, so sessions not yet open online can be booked.
 * 3. The number comes from the slot's on-site reserve first: the patient is on site, and the reserve
 *    exists for people who are there rather than online, so the online numbers stay for the public.
 *    Only when the reserve is used up does it take an online number. Capacity, the one-number-per-
 *    session guard and the day limits apply as for any booking.
 */
export async function bookInClinic(
  ports: ClinicBookingPorts,
  request: {
    principal: Principal;
    patient: { idType: IdDocumentType; idNumber: string };
    slotId: string;
    kind: ClinicBookingKind;
  },
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<AppointmentView> {
  const doctor = await requireLinkedDoctor(ports.catalogue, request.principal);
  const slot = await ports.schedule.getSlot(request.slotId);
  if (!slot) throw new DomainError('NOT_FOUND');
  if (!kindFits(request.kind, doctor, slot)) {
    throw new DomainError('CLINIC_BOOKING_KIND_MISMATCH', {
      details: { kind: request.kind, departmentId: slot.departmentId, doctorTitle: slot.doctorTitle },
    });
  }
  if (checkBookable(slot.date, slot.period, slot.doctorTitle, now) === 'closed')
    throw new DomainError('BOOKING_CLOSED');
  const patient = await findPatientByDocument(ports, request.patient, now);
  for (const pool of ['on_site', 'online'] as const) {
    const appointment = doctorBookingRecord(
      { patient, slot, pool, via: 'in_clinic', byAccountId: request.principal.accountId },
      now,
      policy,
    );
    try {
      await ports.clinicBookings.bookInClinic(
        appointment,
        pool,
        policy.limits,
        doctorBookingMessage(appointment, now),
      );
      return toAppointmentView(appointment, now);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'SLOT_FULL' && pool === 'on_site')) throw error;
    }
  }
  throw new DomainError('SLOT_FULL');
}

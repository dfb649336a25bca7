import {
  checkBookable,
  DomainError,
  type AppointmentView,
  type IdDocumentType,
  type Principal,
} from '@jiuyi/shared';
import type { ReferralBookingStore } from '../../ports/referral-booking-store';
import type { ScheduleStore } from '../../ports/schedule-store';
import { toAppointmentView } from '../appointments/appointment-view';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../appointments/booking-policy';
import { findPatientByDocument, type PatientLookupPorts } from '../clinic-bookings/clinic-patient';
import { doctorBookingRecord } from '../clinic-bookings/doctor-booking-record';
import { doctorBookingMessage } from '../clinic-bookings/clinic-messages';
import { maskPatientName } from './list-referrals';

export interface ReferralBookingPorts extends PatientLookupPorts {
  schedule: ScheduleStore;
  referralBookings: ReferralBookingStore;
}

/** The alliance institution an alliance doctor's account speaks for; refused when it has none. */
export function requireReferringInstitution(principal: Principal): string {
  if (!principal.institutionId)
    throw new DomainError('FORBIDDEN', { message: '该账号未关联医联体成员单位，不能转诊预约' });
  return principal.institutionId;
}

/**
 * An alliance doctor books a referred patient a number from the slot's referral reserve (转诊预约,
 * Beijing art. 16–17: referrals from primary care get priority).
 * 1. The caller must speak for an alliance institution; the patient is found by their ID document.
 * 2. The slot's session must be materialised and not closed; the public 08:00 release does not
 *    apply, which is the priority referrals get.
 * 3. One transaction takes a referral-reserve number (never an online one: SLOT_FULL when the
 *    reserve is empty), writes the appointment owned by the patient's account (usual fee, unpaid →
 *    held), the one-number-per-session guard, the day counters, the doctor's log entry, the message
 *    and the visit reminders.
 * 4. The answer names the patient as the referral list does (surname only): the referring doctor's
 *    screen at the community clinic never spells the name out.
 */
export async function bookReferral(
  ports: ReferralBookingPorts,
  request: {
    principal: Principal;
    patient: { idType: IdDocumentType; idNumber: string };
    slotId: string;
    reason: string;
  },
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<AppointmentView> {
  const institutionId = requireReferringInstitution(request.principal);
  const slot = await ports.schedule.getSlot(request.slotId);
  if (!slot) throw new DomainError('NOT_FOUND');
  if (checkBookable(slot.date, slot.period, slot.doctorTitle, now) === 'closed')
    throw new DomainError('BOOKING_CLOSED');
  const patient = await findPatientByDocument(ports, request.patient, now);
  const appointment = {
    ...doctorBookingRecord(
      { patient, slot, pool: 'referral', via: 'referral', byAccountId: request.principal.accountId },
      now,
      policy,
    ),
    referringInstitutionId: institutionId,
    referralReason: request.reason,
  };
  await ports.referralBookings.bookReferral(
    appointment,
    policy.limits,
    doctorBookingMessage(appointment, now),
  );
  const view = toAppointmentView(appointment, now);
  return { ...view, patientName: maskPatientName(view.patientName) };
}

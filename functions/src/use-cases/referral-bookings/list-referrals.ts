import type { Principal, ReferralBookingView } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { ReferralBookingStore } from '../../ports/referral-booking-store';
import { toAppointmentView } from '../appointments/appointment-view';

/** How many of a doctor's latest referrals one list returns. */
export const REFERRAL_LIST_LIMIT = 50;

/**
 * The referring doctor knows whom they referred; the list shows only the first character (the
 * surname) so a shared screen at the community clinic does not spell out the patient's name.
 */
export function maskPatientName(name: string): string {
  const chars = Array.from(name);
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** A referral as its doctor sees it; the status is the patient's own (an expired hold shows as cancelled). */
export function toReferralView(a: AppointmentRecord, now: Date): ReferralBookingView {
  return {
    appointmentId: a.id,
    patientNameMasked: maskPatientName(a.patientName),
    status: toAppointmentView(a, now).status,
    date: a.date,
    period: a.period,
    start: a.start,
    end: a.end,
    department: { id: a.departmentId, name: a.departmentName },
    doctor: { id: a.doctorId, name: a.doctorName, title: a.doctorTitle },
    feeFen: a.feeFen,
    reason: a.referralReason ?? '',
    referringInstitutionId: a.referringInstitutionId ?? '',
    createdAt: a.createdAt,
  };
}

/** The referrals the calling alliance doctor made, newest first, each with its appointment's status now. */
export async function listReferrals(
  ports: { referralBookings: ReferralBookingStore },
  principal: Principal,
  now: Date,
): Promise<ReferralBookingView[]> {
  const records = await ports.referralBookings.listReferrals(principal.accountId, REFERRAL_LIST_LIMIT);
  return records.map((r) => toReferralView(r, now));
}

import { appointmentViewSchema, referralBookingListResponseSchema } from '@jiuyi/shared';
import type { AppointmentView, ReferralBookingBody, ReferralBookingView } from '@jiuyi/shared';
import { authedRequest } from './session';

/** POST /v1/referral-bookings — 转诊预约 from a slot's referral reserve, ahead of the public release. */
export async function bookReferral(body: ReferralBookingBody): Promise<AppointmentView> {
  return authedRequest('/v1/referral-bookings', appointmentViewSchema, { method: 'POST', body });
}

/** GET /v1/referral-bookings — the calling alliance doctor's referrals, newest first. */
export async function listReferralBookings(): Promise<ReferralBookingView[]> {
  return (await authedRequest('/v1/referral-bookings', referralBookingListResponseSchema)).items;
}

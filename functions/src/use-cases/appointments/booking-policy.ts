import { DEFAULT_NO_SHOW_POLICY, type NoShowPolicy } from '@jiuyi/shared';
import type { BookingLimits } from '../../ports/appointment-store';

/** Booking rules a hospital may tune; the defaults follow the issue and the city rules. */
export interface BookingPolicy {
  /** How long an unpaid number is held for its patient. */
  holdMinutes: number;
  limits: BookingLimits;
  /** No-shows that block online booking, and for how long. */
  noShow: NoShowPolicy;
  /** How long a number freed for the first in the waitlist is held for them to pay or confirm. */
  waitlistOfferMinutes: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  holdMinutes: 15,
  limits: { perPatientPerDay: 3, perAccountPerDay: 10 },
  noShow: DEFAULT_NO_SHOW_POLICY,
  waitlistOfferMinutes: 15,
};

/** The penalty the patient is told about on booking (Beijing art. 15), in the policy's own numbers. */
export const NO_SHOW_PENALTY_TEXT = `未取消又未按时就诊记为爽约；${DEFAULT_NO_SHOW_POLICY.windowDays} 天内爽约 ${DEFAULT_NO_SHOW_POLICY.threshold} 次，将暂停网上预约 ${DEFAULT_NO_SHOW_POLICY.blockDays} 天。`;

import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord, BookingLimits } from './appointment-store';

/** Referral bookings (转诊预约) made by alliance doctors from a slot's referral reserve. */
export interface ReferralBookingStore {
  /**
   * Open session, a number of the slot's referral reserve, the appointment, guard, day counters, the
   * referring doctor's log entry, the message and the visit reminders in one transaction. Throws
   * SLOT_FULL (the referral reserve is empty), SESSION_SUSPENDED, DUPLICATE_BOOKING or
   * BOOKING_LIMIT_REACHED.
   */
  bookReferral(appointment: AppointmentRecord, limits: BookingLimits, message: OutboxMessage): Promise<void>;
  /** The appointments `doctorAccountId` referred, newest first, each as it stands now. */
  listReferrals(doctorAccountId: string, limit: number): Promise<AppointmentRecord[]>;
}

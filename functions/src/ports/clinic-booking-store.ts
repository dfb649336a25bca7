import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord, BookingLimits } from './appointment-store';

/** One audit entry of an extra number (加号, Beijing art. 11): who, when, why, for whom. */
export interface ExtraNumberRecord {
  id: string;
  sessionId: string;
  appointmentId: string;
  slotId: string;
  patientId: string;
  patientName: string;
  idNumberMasked: string;
  reason: string;
  issuedByAccountId: string;
  issuedByDoctorId: string;
  issuedAt: string;
}

/** Bookings a doctor makes from the consulting room, beside the online booking. */
export interface ClinicBookingStore {
  /**
   * In-clinic booking (诊间预约) from one pool of the slot: open session, number, appointment, guard,
   * day counters and message in one transaction. Throws SLOT_FULL (that pool is empty),
   * SESSION_SUSPENDED, DUPLICATE_BOOKING or BOOKING_LIMIT_REACHED.
   */
  bookInClinic(
    appointment: AppointmentRecord,
    pool: 'on_site' | 'online',
    limits: BookingLimits,
    message: OutboxMessage,
  ): Promise<void>;
  /**
   * An extra number beyond capacity, its audit entry and message in one transaction; the session's
   * issued count must stay within `limit`. Throws EXTRA_NUMBER_LIMIT_REACHED, SESSION_SUSPENDED,
   * DUPLICATE_BOOKING or BOOKING_LIMIT_REACHED.
   */
  addExtraNumber(
    appointment: AppointmentRecord,
    entry: ExtraNumberRecord,
    limit: number,
    limits: BookingLimits,
    message: OutboxMessage,
  ): Promise<void>;
  /** The session's audit entries, oldest first, and how many were issued. */
  listExtraNumbers(sessionId: string): Promise<{ items: ExtraNumberRecord[]; issued: number }>;
}

/** Finds who registered an identity: the one-identity guard names the account, the patient and whether verified. */
export interface IdentityDirectory {
  ownerOf(
    identityIndex: string,
  ): Promise<{ accountId: string; patientId: string; verified: boolean } | undefined>;
}

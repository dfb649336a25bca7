import type { AppointmentStatus, ClinicPeriod, DoctorTitle } from '@jiuyi/shared';

export type CancelReason = 'patient' | 'hold_expired';

/** An appointment as stored; the view adds the confirmation text. */
export interface AppointmentRecord {
  id: string;
  accountId: string;
  patientId: string;
  patientName: string;
  /** The account's own ('self') profile when booking for someone else (Beijing art. 14). */
  bookerPatientId?: string;
  slotId: string;
  sessionId: string;
  departmentId: string;
  departmentName: string;
  doctorId: string;
  doctorName: string;
  doctorTitle: DoctorTitle;
  date: string;
  period: ClinicPeriod;
  start: string;
  end: string;
  feeFen: number;
  status: AppointmentStatus;
  holdExpiresAt?: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt?: string;
  cancelReason?: CancelReason;
  refundRequired?: boolean;
}

export interface BookingLimits {
  perPatientPerDay: number;
  perAccountPerDay: number;
}

export interface IdempotencyStamp {
  key: string;
  bodyHash: string;
}

export type BookOutcome =
  | { kind: 'booked'; appointment: AppointmentRecord }
  /** The key was used before: the first request's appointment and body hash. */
  | { kind: 'replayed'; appointmentId: string; bodyHash: string };

export interface ReleaseChange {
  reason: CancelReason;
  at: string;
  refundRequired: boolean;
  /** Only release when the hold expired by this instant (the scheduled release). */
  holdExpiredBy?: string;
}

/** Appointments and every item that must change with them in one transaction. */
export interface AppointmentStore {
  /**
   * One transaction: idempotency record, open session, slot capacity, appointment, per-session guard,
   * per-day counters. Throws SLOT_FULL, DUPLICATE_BOOKING, BOOKING_LIMIT_REACHED, SESSION_SUSPENDED.
   */
  book(appointment: AppointmentRecord, stamp: IdempotencyStamp, limits: BookingLimits): Promise<BookOutcome>;
  get(accountId: string, appointmentId: string): Promise<AppointmentRecord | undefined>;
  list(accountId: string): Promise<AppointmentRecord[]>;
  /** Cancels and frees the number, conditioned on the status read; false when the status had moved on. */
  release(appointment: AppointmentRecord, change: ReleaseChange): Promise<boolean>;
  /** Unpaid appointments whose hold ended at or before `nowIso`, oldest first. */
  listExpiredHolds(nowIso: string, limit: number): Promise<AppointmentRecord[]>;
}

import type { AppointmentStatus, ClinicPeriod, DoctorTitle, OutboxMessage } from '@jiuyi/shared';

export type CancelReason = 'patient' | 'hold_expired' | 'session_suspended' | 'identity_mismatch';

/** Which count an appointment's number comes from; absent means `online`. */
export type CapacityPool = 'online' | 'on_site' | 'referral' | 'beyond_capacity';

/** An appointment as stored; the view adds the confirmation text. */
export interface AppointmentRecord {
  id: string;
  accountId: string;
  patientId: string;
  patientName: string;
  /**
   * The patient's identity (blind index of the ID document), copied at booking: the per-session
   * guard, the day counter and the no-show record are keyed by it, so releases need no extra read.
   */
  identityIndex: string;
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
  /** Where the number came from; absent means the online pool. */
  capacityPool?: CapacityPool;
  /** Booked by a doctor: an extra number (加号), an in-clinic booking (诊间预约) or a referral (转诊预约). */
  bookedVia?: 'extra_number' | 'in_clinic' | 'referral';
  bookedByAccountId?: string;
  /** A referral: the alliance institution that referred the patient, and why. */
  referringInstitutionId?: string;
  referralReason?: string;
  /** Moved here from a suspended session (停诊): where it was first booked. */
  movedFromSessionId?: string;
  /** The offer made when its session was suspended (the offer item sits under `sessionId`). */
  suspensionOffer?: { sessionId: string; state: 'offered' | 'resolved' | 'lapsed'; deadline: string };
  /** Check-in (签到): the session queue number, when, and who checked the patient in. */
  queueNumber?: number;
  checkedInAt?: string;
  checkedInBy?: 'patient' | 'staff';
  /** The identity check at triage failed (Beijing art. 20–21); the staff account that checked. */
  voidedAt?: string;
  voidedBy?: string;
  /** Staff undid the void within the session: who, when, why, and the appointment that restores it. */
  voidUndo?: VoidUndo;
  /** This appointment restores a voided one (its id), so the desk may check it in until the session ends. */
  restoredFromAppointmentId?: string;
  /** Marked a no-show (爽约) when the session ended unseen. */
  noShowAt?: string;
  /** This number was offered from the session's waitlist (候补). */
  waitlistEntryId?: string;
}

export interface VoidUndo {
  at: string;
  byAccountId: string;
  byRole: string;
  reason: string;
  restoredAppointmentId: string;
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
  /**
   * The desk's identity check failed: the appointment ends `voided` (not `cancelled`), recording the
   * staff account that checked; number, guard and counters are given back exactly as by a cancel.
   */
  voidedBy?: string;
}

/** Appointments and every item that must change with them in one transaction. */
export interface AppointmentStore {
  /**
   * One transaction: idempotency record, open session, slot capacity, appointment, per-session guard,
   * per-day counters. Throws SLOT_FULL, DUPLICATE_BOOKING, BOOKING_LIMIT_REACHED, SESSION_SUSPENDED.
   */
  book(
    appointment: AppointmentRecord,
    stamp: IdempotencyStamp,
    limits: BookingLimits,
    /** Written in the same transaction: the booking confirmation (Beijing art. 15). */
    messages?: readonly OutboxMessage[],
  ): Promise<BookOutcome>;
  get(accountId: string, appointmentId: string): Promise<AppointmentRecord | undefined>;
  list(accountId: string): Promise<AppointmentRecord[]>;
  /** An appointment by id alone (staff at the desk); consistent. */
  findById(appointmentId: string): Promise<AppointmentRecord | undefined>;
  /**
   * Cancels (or voids) and frees the number, conditioned on the status read, with the messages it
   * owes; false when the status had moved on.
   */
  release(
    appointment: AppointmentRecord,
    change: ReleaseChange,
    messages?: readonly OutboxMessage[],
  ): Promise<boolean>;
  /** Unpaid appointments whose hold ended at or before `nowIso`, oldest first. */
  listExpiredHolds(nowIso: string, limit: number): Promise<AppointmentRecord[]>;
}

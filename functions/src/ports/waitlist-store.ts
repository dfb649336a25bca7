import type { OutboxMessage, WaitlistStatus } from '@jiuyi/shared';
import type { AppointmentRecord, BookingLimits, IdempotencyStamp } from './appointment-store';

/** A place in a session's waitlist (候补), stored in its account's partition. */
export interface WaitlistEntryRecord {
  id: string;
  accountId: string;
  patientId: string;
  patientName: string;
  /** The patient's identity (blind index): one place per person per session, and the offer's guards. */
  identityIndex: string;
  sessionId: string;
  departmentId: string;
  departmentName: string;
  doctorId: string;
  doctorName: string;
  doctorTitle: AppointmentRecord['doctorTitle'];
  date: string;
  period: AppointmentRecord['period'];
  /** Join order within the session, from an atomic counter. */
  seq: number;
  status: WaitlistStatus;
  appointmentId?: string;
  offerExpiresAt?: string;
  skipReason?: string;
  createdAt: string;
  updatedAt: string;
}

/** The session's waitlist counters. */
export interface WaitlistHead {
  waiting: number;
  nextSeq: number;
}

export type JoinOutcome =
  { kind: 'joined'; entry: WaitlistEntryRecord } | { kind: 'replayed'; entryId?: string; bodyHash: string };

export type PromoteOutcome =
  | { kind: 'offered' }
  /** Someone else moved this entry first (promoted, cancelled): read the queue again. */
  | { kind: 'stale' }
  /** The slot was taken meanwhile: try another slot. */
  | { kind: 'slot_full' }
  /** The patient cannot take a number: pass them over. */
  | { kind: 'ineligible'; reason: 'duplicate' | 'limit' }
  | { kind: 'session_closed' };

/** Waitlist items: head counters, the ordered queue, entries, and the promotion transaction. */
export interface WaitlistStore {
  head(sessionId: string): Promise<WaitlistHead>;
  /**
   * One transaction: idempotency record, one place per patient per session, not already holding a
   * number in it (DUPLICATE_BOOKING), the entry, its queue item and the session's counters. The queue
   * position is taken in the same transaction, so positions follow the order joins commit in.
   * Throws ALREADY_ON_WAITLIST, DUPLICATE_BOOKING.
   */
  join(
    entry: Omit<WaitlistEntryRecord, 'seq'>,
    stamp: IdempotencyStamp,
    cutoffIso: string,
  ): Promise<JoinOutcome>;
  get(accountId: string, entryId: string): Promise<WaitlistEntryRecord | undefined>;
  list(accountId: string): Promise<WaitlistEntryRecord[]>;
  /** The first `limit` waiting entries of the session, in join order. */
  firstInLine(sessionId: string, limit: number): Promise<WaitlistEntryRecord[]>;
  /** Entries waiting ahead of position `seq`. */
  countAhead(sessionId: string, seq: number): Promise<number>;
  /** Sessions with a waitlist the promote job still watches, soonest booking cut-off first. */
  activeSessions(limit: number): Promise<Array<{ sessionId: string; cutoff: string; waiting: number }>>;
  /**
   * waiting → `status` (cancelled, skipped, expired), leaving the queue; false when it was not waiting.
   */
  leave(
    entry: WaitlistEntryRecord,
    change: { status: 'cancelled' | 'skipped' | 'expired'; at: string; reason?: string },
    messages: readonly OutboxMessage[],
  ): Promise<boolean>;
  /**
   * One transaction: the entry leaves the queue as `offered`, and the appointment takes the slot's
   * number as an unpaid hold with every booking condition (open session, capacity, one per patient
   * per session, day limits).
   */
  promote(
    entry: WaitlistEntryRecord,
    appointment: AppointmentRecord,
    limits: BookingLimits,
    messages: readonly OutboxMessage[],
  ): Promise<PromoteOutcome>;
  /** Drops a session from the promote job's index once nobody waits and booking has closed. */
  retire(sessionId: string): Promise<void>;
  /** A free waitlist offer confirmed by the patient: pending_payment → booked, hold removed. */
  confirmFreeOffer(
    appointment: AppointmentRecord,
    nowIso: string,
    messages: readonly OutboxMessage[],
  ): Promise<boolean>;
}

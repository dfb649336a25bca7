import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord, BookingLimits, VoidUndo } from './appointment-store';

/** Why the store refused to undo a void, by the condition that failed. */
export type UndoVoidRefusal =
  /** The appointment is no longer voided, or its void was undone already. */
  | 'not_voided'
  /** The session is no longer open (suspended). */
  | 'session_closed'
  /** The number the void gave back has been taken. */
  | 'number_taken'
  /** The patient holds another number in the session. */
  | 'duplicate'
  | 'patient_day'
  | 'account_day'
  /** The patient's profile was deleted after the void. */
  | 'patient_deleted';

/** What undoing a void writes: the mark on the voided appointment, its replacement and the audit entry. */
export interface UndoVoidChange {
  voided: AppointmentRecord;
  undo: VoidUndo;
  restored: AppointmentRecord;
  limits: BookingLimits;
  messages: readonly OutboxMessage[];
}

/** Check-in (签到) writes: the session's queue numbers, the move to `checked_in`, and undoing a void. */
export interface CheckInStore {
  /** The next queue number of the session: 1, 2, 3…, each handed out once, even under concurrency. */
  nextQueueNumber(sessionId: string): Promise<number>;
  /** booked → checked_in with the queue number and the message; false when no longer booked. */
  checkIn(
    appointment: AppointmentRecord,
    change: { queueNumber: number; at: string; by: 'patient' | 'staff' },
    messages: readonly OutboxMessage[],
  ): Promise<boolean>;
  /**
   * One transaction: the voided appointment marked undone (conditioned on `voided` and not undone),
   * the session open, a number of the same pool in the same slot, the restoring appointment, the
   * one-number-per-session guard, the day counters, the audit entry and the messages.
   */
  undoVoid(change: UndoVoidChange): Promise<{ ok: true } | { ok: false; refusal: UndoVoidRefusal }>;
}

import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from './appointment-store';

/** Check-in (签到) writes: the session's queue numbers and the moves out of `booked`. */
export interface CheckInStore {
  /** The next queue number of the session: 1, 2, 3…, each handed out once, even under concurrency. */
  nextQueueNumber(sessionId: string): Promise<number>;
  /** booked → checked_in with the queue number and the message; false when no longer booked. */
  checkIn(
    appointment: AppointmentRecord,
    change: { queueNumber: number; at: string; by: 'patient' | 'staff' },
    messages: readonly OutboxMessage[],
  ): Promise<boolean>;
  /** booked → voided (identity mismatch) with the message; false when no longer booked. */
  voidBooking(
    appointment: AppointmentRecord,
    at: string,
    messages: readonly OutboxMessage[],
  ): Promise<boolean>;
}

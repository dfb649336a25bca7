import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from './appointment-store';

/** A number whose session has ended and that the no-show job has not settled yet. */
export interface DueVisit {
  accountId: string;
  appointmentId: string;
}

/** No-shows (爽约) counted against patients, and the index of visits to settle when sessions end. */
export interface NoShowStore {
  /** The instants of the person's no-shows (by identity blind index) at or after `sinceIso`. */
  listSince(identityIndex: string, sinceIso: string): Promise<Date[]>;
  /** Visits whose session ended at or before `nowIso`, earliest first. */
  listDueVisits(nowIso: string, limit: number): Promise<DueVisit[]>;
  /**
   * One transaction: booked → no_show, the person's no-show record, the visit settled, the
   * profile's active-booking count down by one and the message; false when it was no longer booked.
   */
  markNoShow(
    appointment: AppointmentRecord,
    change: { at: string; now: string },
    messages: readonly OutboxMessage[],
  ): Promise<boolean>;
  /** Takes a visit that needs nothing more (seen, voided, cancelled) out of the index. */
  settleVisit(appointment: Pick<AppointmentRecord, 'id' | 'sessionId' | 'identityIndex'>): Promise<void>;
}

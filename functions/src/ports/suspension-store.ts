import type { ClinicPeriod, DoctorTitle, OutboxMessage, SuspensionChoice } from '@jiuyi/shared';
import type { AppointmentRecord } from './appointment-store';
import type { SessionRecord, SlotRecord } from './schedule-store';

/** A session item with what a suspension (停诊) adds to it. */
export interface SuspendableSession extends SessionRecord {
  suspendedReason?: string;
  suspendedAt?: string;
  suspendedByAccountId?: string;
  makeUpSessionId?: string;
}

export interface OfferedSubstitute {
  sessionId: string;
  slotId: string;
  doctorId: string;
  doctorName: string;
  doctorTitle: DoctorTitle;
  start: string;
  end: string;
}

export interface OfferedMakeUp {
  sessionId: string;
  departmentId: string;
  departmentName: string;
  date: string;
  period: ClinicPeriod;
  doctorId: string;
  doctorName: string;
  doctorTitle: DoctorTitle;
}

/** What one displaced booking was offered; the substitute's number is taken when the offer is made. */
export interface SuspensionOfferRecord {
  sessionId: string;
  appointmentId: string;
  accountId: string;
  patientId: string;
  patientName: string;
  state: 'offered' | 'resolved' | 'lapsed';
  deadline: string;
  createdAt: string;
  substitute?: OfferedSubstitute;
  makeUp?: OfferedMakeUp;
  choice?: SuspensionChoice;
  decidedBy?: 'patient' | 'default';
  resolvedAt?: string;
  refundRequired?: boolean;
}

/** How a booking moves: to the reserved substitute number, or beyond capacity into a make-up session. */
export interface MoveBooking {
  offer: SuspensionOfferRecord;
  appointment: AppointmentRecord;
  /** The appointment as it will read after the move (same id, same account, new slot and session). */
  moved: AppointmentRecord;
  /** True when the target number was reserved at offer time (substitute); false for a make-up number. */
  reserved: boolean;
  resolution: Pick<SuspensionOfferRecord, 'choice' | 'decidedBy' | 'resolvedAt'>;
  message: OutboxMessage;
}

/** Suspensions: the session's state, its active bookings, offers, and the moves that settle them. */
export interface SuspensionStore {
  getSession(sessionId: string): Promise<SuspendableSession | undefined>;
  /** open → suspended; false when the session was no longer open. */
  markSuspended(
    sessionId: string,
    change: { reason: string; at: string; byAccountId: string; makeUpSessionId?: string },
  ): Promise<boolean>;
  /** The session's bookings that still hold a number (their guards), as account and appointment ids. */
  listSessionBookings(sessionId: string): Promise<Array<{ accountId: string; appointmentId: string }>>;
  /** Sessions and slots of a department for a date range (the schedule's own query). */
  listDepartmentSessions(
    departmentId: string,
    from: string,
    to: string,
  ): Promise<Array<{ session: SuspendableSession; slots: SlotRecord[] }>>;
  /** True when the person (identity blind index) already holds a number in the session. */
  hasGuard(sessionId: string, identityIndex: string): Promise<boolean>;
  getOffer(sessionId: string, appointmentId: string): Promise<SuspensionOfferRecord | undefined>;
  listOffers(sessionId: string): Promise<SuspensionOfferRecord[]>;
  /**
   * Writes the offer, marks the appointment (conditioned on the status read) and queues the message,
   * taking the substitute's online number when there is one. `exists`: an offer was made before (a
   * repeated suspend); `slot_taken`: the number went meanwhile; `appointment_changed`: paid or cancelled meanwhile.
   */
  createOffer(
    offer: SuspensionOfferRecord,
    appointment: AppointmentRecord,
    message: OutboxMessage,
  ): Promise<'created' | 'exists' | 'slot_taken' | 'appointment_changed'>;
  /** Moves the booking; throws SUSPENSION_OFFER_CLOSED, APPOINTMENT_STATUS_CONFLICT, DUPLICATE_BOOKING or SUSPENSION_CHOICE_UNAVAILABLE. */
  move(change: MoveBooking): Promise<void>;
  /**
   * Closes the offer without moving the booking (choice cancel, or `lapsed` when the booking ended
   * first) and gives back a reserved substitute number; false when it was already closed.
   */
  close(
    offer: SuspensionOfferRecord,
    resolution: Pick<
      SuspensionOfferRecord,
      'state' | 'choice' | 'decidedBy' | 'resolvedAt' | 'refundRequired'
    >,
    message?: OutboxMessage,
  ): Promise<boolean>;
  /** Offers still open whose deadline is at or before `nowIso`, earliest first. */
  listDueOffers(nowIso: string, limit: number): Promise<SuspensionOfferRecord[]>;
}

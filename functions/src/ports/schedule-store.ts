import type { ClinicPeriod, DoctorTitle, PlannedSession } from '@jiuyi/shared';

export type SessionStatus = 'open' | 'suspended';

/** A session item: the half day a doctor sees patients. */
export interface SessionRecord {
  id: string;
  departmentId: string;
  departmentName: string;
  doctorId: string;
  doctorName: string;
  doctorTitle: DoctorTitle;
  date: string;
  period: ClinicPeriod;
  status: SessionStatus;
  capacity: number;
  feeFen: number;
}

/** An unpaid hold on a slot number, kept on the slot so reads can count expired ones as released. */
export interface SlotHold {
  expiresAt: string;
  accountId: string;
}

/** A slot item: the unit of capacity, denormalised so a booking reads exactly one item. */
export interface SlotRecord extends Omit<SessionRecord, 'id' | 'status' | 'capacity'> {
  id: string;
  sessionId: string;
  start: string;
  end: string;
  capacity: number;
  capacityOnline: number;
  bookedOnline: number;
  /** The on-site reserve of this slot (in-clinic booking draws on it); absent on slots made before it existed. */
  capacityOnSite?: number;
  bookedOnSite?: number;
  /** The referral reserve (alliance doctors book it); absent on slots made before it existed. */
  capacityReferral?: number;
  bookedReferral?: number;
  /** appointment id → hold. */
  holds: Record<string, SlotHold>;
}

/** Materialised sessions and slots. */
export interface ScheduleStore {
  /** Writes a session and its slots unless the session already exists; true when written. */
  putSessionIfAbsent(session: PlannedSession, departmentName: string): Promise<boolean>;
  /** Sessions of a department with `from <= date <= to`, each with its slots in time order. */
  listSessions(
    departmentId: string,
    from: string,
    to: string,
  ): Promise<Array<{ session: SessionRecord; slots: SlotRecord[] }>>;
  getSlot(slotId: string): Promise<SlotRecord | undefined>;
}

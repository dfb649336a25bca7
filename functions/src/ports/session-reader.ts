import type { SessionRecord, SlotRecord } from './schedule-store';

/** One session with its slots, read fresh (the waitlist decides on the slots' counters). */
export interface SessionReader {
  getSession(sessionId: string): Promise<{ session: SessionRecord; slots: SlotRecord[] } | undefined>;
}

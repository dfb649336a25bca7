import { sessionEndsAt, toShanghaiIso, type ClinicPeriod } from '@jiuyi/shared';

/** Queue positions are zero-padded so the sort key orders them as numbers. */
const padSeq = (seq: number) => String(seq).padStart(10, '0');

/**
 * Key builders of what happens around a visit: the no-show record, the waitlist (候补) and the
 * check-in queue. They sit beside `appointment-keys.ts` and address the same partitions.
 */
export const visitKeys = {
  /**
   * Sparse gsi2 entry on a session guard (one per booked number), sorted by the session's end, so
   * the no-show job finds every number whose session ended without reading any other item.
   */
  visitsDue: 'VISITS',
  visitIndex: (a: { id: string; date: string; period: ClinicPeriod }) => ({
    gsi2pk: 'VISITS',
    gsi2sk: `${toShanghaiIso(sessionEndsAt(a.date, a.period))}#${a.id}`,
  }),
  /**
   * One item per no-show, in the person's partition (keyed by the identity's blind index, so the
   * history survives deleting and re-adding a profile) sorted by when it happened.
   */
  noShow: (identityIndex: string, atIso: string, appointmentId: string) => ({
    pk: `NOSHOW#${identityIndex}`,
    sk: `${atIso}#${appointmentId}`,
  }),
  noShows: (identityIndex: string) => `NOSHOW#${identityIndex}`,
  /** Per session: the next queue position and how many are waiting. */
  waitlistHead: (sessionId: string) => ({ pk: `WAITLIST#${sessionId}`, sk: 'HEAD' }),
  /** Sparse gsi2 partition of sessions with a waitlist, sorted by booking cut-off, for the promote job. */
  activeWaitlists: 'WAITLISTS',
  /** The queue itself: one item per waiting entry, in join order. */
  waitlistQueue: (sessionId: string) => `WAITQUEUE#${sessionId}`,
  waitlistQueueItem: (sessionId: string, seq: number) => ({
    pk: `WAITQUEUE#${sessionId}`,
    sk: padSeq(seq),
  }),
  /** The entry lives in its account's partition, so "own only" is a key, not a filter. */
  waitlistEntry: (accountId: string, entryId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `WAITLIST#${entryId}`,
  }),
  /** One place in one session's queue per person (keyed by the identity, like the session guard). */
  waitlistGuard: (e: { sessionId: string; identityIndex: string }) => ({
    pk: `WAITGUARD#${e.sessionId}#${e.identityIndex}`,
    sk: 'GUARD',
  }),
  /** The session's check-in counter: queue numbers 1, 2, 3… */
  checkInQueue: (sessionId: string) => ({ pk: `QUEUE#${sessionId}`, sk: 'QUEUE' }),
};

import { assertNotBlockedByNoShows, noShowLookbackMs, toShanghaiIso, type NoShowPolicy } from '@jiuyi/shared';
import type { NoShowStore } from '../../ports/no-show-store';

/**
 * Refuses online booking (and waitlist places) while the person's no-shows block it, with
 * `BOOKING_BLOCKED_NO_SHOW` naming when the block lifts. Reads only the no-shows that can matter,
 * by identity (blind index), so a deleted and re-added profile carries its history.
 */
export async function assertNoShowsAllowBooking(
  noShows: NoShowStore,
  identityIndex: string,
  now: Date,
  policy: NoShowPolicy,
): Promise<void> {
  const since = toShanghaiIso(new Date(now.getTime() - noShowLookbackMs(policy)));
  assertNotBlockedByNoShows(await noShows.listSince(identityIndex, since), now, policy);
}

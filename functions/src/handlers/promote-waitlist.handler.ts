import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { promoteActiveWaitlists } from '../use-cases/waitlist/promote-waitlist';

/**
 * EventBridge schedule (every minute): hands numbers released by cancellations, expired holds and
 * unanswered waitlist offers to the first in each session's waitlist. Not an HTTP route.
 */
export async function handler(): Promise<{ sessions: number; offered: number; ended: number }> {
  const deps = getDeps();
  const result = await promoteActiveWaitlists(deps, deps.now());
  logger.info('waitlists promoted', result);
  return result;
}

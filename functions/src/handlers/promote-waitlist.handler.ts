import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { promoteActiveWaitlists } from '../use-cases/waitlist/promote-waitlist';
import { holdOrderCloser } from './hold-order-closer';

/**
 * EventBridge schedule (every minute): hands numbers released by cancellations, expired holds and
 * unanswered waitlist offers to the first in each session's waitlist. Not an HTTP route.
 */
export async function handler(): Promise<{ sessions: number; offered: number; ended: number }> {
  const deps = getDeps();
  const now = deps.now();
  const result = await promoteActiveWaitlists({ ...deps, closeHoldOrder: holdOrderCloser(deps, now) }, now);
  logger.info('waitlists promoted', result);
  return result;
}

import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { releaseExpiredHolds } from '../use-cases/appointments/release-expired-holds';

/** EventBridge schedule (every minute): releases unpaid holds whose time ran out. Not an HTTP route. */
export async function handler(): Promise<{ examined: number; released: number }> {
  const deps = getDeps();
  const result = await releaseExpiredHolds(deps.appointments, deps.now());
  logger.info('expired holds released', result);
  return result;
}

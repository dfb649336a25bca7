import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { releaseExpiredHolds } from '../use-cases/appointments/release-expired-holds';
import { holdOrderCloser } from './hold-order-closer';

/** EventBridge schedule (every minute): releases unpaid holds whose time ran out. Not an HTTP route. */
export async function handler(): Promise<{ examined: number; released: number }> {
  const deps = getDeps();
  const now = deps.now();
  const result = await releaseExpiredHolds(
    { appointments: deps.appointments, closeHoldOrder: holdOrderCloser(deps, now) },
    now,
  );
  logger.info('expired holds released', result);
  return result;
}

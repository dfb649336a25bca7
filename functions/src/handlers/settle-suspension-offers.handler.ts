import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { settleDueOffers } from '../use-cases/suspensions/settle-offer';
import { holdOrderCloser } from './hold-order-closer';

/** EventBridge schedule: applies the default to suspension offers nobody answered by their deadline. */
export async function handler(): Promise<{ examined: number; settled: number }> {
  const deps = getDeps();
  const now = deps.now();
  const result = await settleDueOffers({ ...deps, closeHoldOrder: holdOrderCloser(deps, now) }, now);
  logger.info('suspension offers settled', result);
  return result;
}

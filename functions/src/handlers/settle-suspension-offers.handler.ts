import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { settleDueOffers } from '../use-cases/suspensions/settle-offer';

/** EventBridge schedule: applies the default to suspension offers nobody answered by their deadline. */
export async function handler(): Promise<{ examined: number; settled: number }> {
  const deps = getDeps();
  const result = await settleDueOffers(deps, deps.now());
  logger.info('suspension offers settled', result);
  return result;
}

import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { recheckRealNames, type RecheckSummary } from '../use-cases/patients/recheck-real-names';

/** EventBridge schedule: ask the real-name service again about profiles saved while it was down. */
export async function handler(): Promise<RecheckSummary> {
  const deps = getDeps();
  const result = await recheckRealNames(deps, deps.now());
  logger.info('real names re-checked', { ...result });
  return result;
}

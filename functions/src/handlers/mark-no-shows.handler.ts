import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { markNoShows } from '../use-cases/appointments/mark-no-shows';

/** EventBridge schedule: numbers still booked when their session ended become no-shows. Not an HTTP route. */
export async function handler(): Promise<{ examined: number; marked: number }> {
  const deps = getDeps();
  const result = await markNoShows(deps, deps.now());
  logger.info('no-shows marked', result);
  return result;
}

import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { createDueTimerStore } from '../adapters/dynamodb/due-timer-store';
import { fireDueTimers, type FireSummary } from '../use-cases/messages/fire-due-timers';

/**
 * EventBridge schedule (every minute): turns due reminders (visits, consultation chases, records-copy
 * deadlines, …) into outbox messages. Not an HTTP route.
 */
export async function handler(): Promise<FireSummary> {
  const deps = getDeps();
  const summary = await fireDueTimers(createDueTimerStore(deps.table), deps.now());
  logger.info('due timers fired', { ...summary });
  return summary;
}

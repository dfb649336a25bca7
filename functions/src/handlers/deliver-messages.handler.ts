import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { createOutboxStore } from '../adapters/dynamodb/outbox-store';
import { messageChannels } from '../message-channels';
import { deliverPendingMessages, type DeliverySummary } from '../use-cases/messages/deliver-pending-messages';

/**
 * The sender. Triggered by the table's stream (new outbox items only) and by a one-minute schedule
 * (retries whose backoff has passed, leases left by a crashed run); both just run one round, so the
 * stream event itself is not read.
 */
export async function handler(): Promise<DeliverySummary> {
  const deps = getDeps();
  const summary = await deliverPendingMessages(
    { outbox: createOutboxStore(deps.table), channels: messageChannels(deps) },
    deps.now(),
  );
  // An idle round (most of them: the schedule runs every minute) is not worth a log line.
  if (summary.claimed > 0 || summary.errors > 0) logger.info('outbox round', { ...summary });
  else logger.debug('outbox round', { ...summary });
  return summary;
}

import { getDeps, type Deps } from '../composition';
import { logger } from '../http/logger';
import { createOutboxStore } from '../adapters/dynamodb/outbox-store';
import { createRecipientDirectory } from '../adapters/dynamodb/message-store';
import { localMessageRecorder } from '../adapters/local/local-message-channel';
import { createAccessTokenSource, createWechatSubscribeChannel } from '../adapters/wechat/subscribe-message';
import { subscribeTemplates } from '../adapters/wechat/subscribe-message-config';
import { ssmSecret } from '../adapters/aws/ssm-secret';
import type { MessageChannel } from '../ports/message-channel';
import { deliverPendingMessages, type DeliverySummary } from '../use-cases/messages/deliver-pending-messages';

let channels: MessageChannel[] | undefined;

/**
 * The external channels of this stage. `local` records every message for the demo; `prod` sends
 * WeChat subscribe messages with a token cached across invocations of the warm instance.
 */
export function messageChannels(deps: Deps): MessageChannel[] {
  if (channels) return channels;
  const cfg = deps.config;
  if (cfg.stage === 'prod' && cfg.wechatSecretParam) {
    const tokens = createAccessTokenSource({
      appId: cfg.wechatAppId,
      appSecret: ssmSecret(cfg.region, cfg.wechatSecretParam),
    });
    // Template ids and SMS credentials are not in AppConfig yet: until they are, kinds have no
    // template and reach the in-app centre only.
    channels = [
      createWechatSubscribeChannel({
        tokens,
        directory: createRecipientDirectory(deps.table),
        templates: subscribeTemplates({}),
      }),
    ];
  } else {
    channels = localMessageRecorder.channels;
  }
  return channels;
}

/**
 * The sender. Triggered by the table's stream (new outbox items) and by a one-minute schedule
 * (retries whose backoff has passed, leases left by a crashed run); both just run one round.
 */
export async function handler(): Promise<DeliverySummary> {
  const deps = getDeps();
  const summary = await deliverPendingMessages(
    { outbox: createOutboxStore(deps.table), channels: messageChannels(deps) },
    deps.now(),
  );
  logger.info('outbox round', { ...summary });
  return summary;
}

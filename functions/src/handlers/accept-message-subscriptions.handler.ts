import { acceptSubscriptionsBodySchema, roleSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { createSubscriptionStore } from '../adapters/dynamodb/subscription-store';
import { wechatTemplateIds } from '../message-channels';
import { acceptSubscriptions } from '../use-cases/messages/message-subscriptions';

/**
 * POST /v1/message-subscriptions — called after `Taro.requestSubscribeMessage` with the kinds the
 * user accepted; each adds one allowed WeChat message of that kind. Without one, in-app only.
 */
export const handler = defineHandler(
  { access: roleSchema.options, body: acceptSubscriptionsBodySchema },
  async ({ body, principal, deps }) =>
    acceptSubscriptions(
      { subscriptions: createSubscriptionStore(deps.table), templates: wechatTemplateIds(deps.config) },
      principal.accountId,
      body.accepted,
    ),
);

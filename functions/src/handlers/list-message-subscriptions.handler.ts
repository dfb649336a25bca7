import { roleSchema } from '@jiuyi/shared';
import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { createSubscriptionStore } from '../adapters/dynamodb/subscription-store';
import { wechatTemplateIds } from '../message-channels';
import { listSubscriptions } from '../use-cases/messages/message-subscriptions';

/**
 * GET /v1/message-subscriptions — the template ids to pass to `requestSubscribeMessage`, per kind,
 * and how many messages of each kind the caller has allowed.
 */
export const handler = defineHandler(
  { access: roleSchema.options, query: z.strictObject({}) },
  async ({ principal, deps }) =>
    listSubscriptions(
      { subscriptions: createSubscriptionStore(deps.table), templates: wechatTemplateIds(deps.config) },
      principal.accountId,
    ),
);

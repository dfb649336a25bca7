import { listMessagesQuerySchema, roleSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { createMessageStore } from '../adapters/dynamodb/message-store';
import { listMessages } from '../use-cases/messages/message-centre';

/** GET /v1/messages — the caller's in-app messages, newest first, with `unreadCount`. Every role has one. */
export const handler = defineHandler(
  { access: roleSchema.options, query: listMessagesQuerySchema },
  async ({ query, principal, deps }) =>
    listMessages(createMessageStore(deps.table), principal.accountId, query),
);

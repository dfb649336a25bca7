import { z } from 'zod';
import { roleSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { createMessageStore } from '../adapters/dynamodb/message-store';
import { markMessageRead } from '../use-cases/messages/message-centre';
import { uuidParam } from './params';

/** POST /v1/messages/{id}/read — idempotent; someone else's message is 404. */
export const handler = defineHandler(
  { access: roleSchema.options, params: z.object({ id: uuidParam }), query: z.strictObject({}) },
  async ({ params, principal, deps }) =>
    markMessageRead(createMessageStore(deps.table), principal.accountId, params.id, deps.now()),
);

import { DomainError } from '@jiuyi/shared';
import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { createSentMessageLog } from '../adapters/dynamodb/sent-message-log';

/** The demo page shows the latest messages; older ones expire from the local table after a week. */
const PAGE = 100;

/**
 * GET /v1/dev/sent-messages — stage `local` only: what the local recorder "sent" instead of WeChat
 * and SMS, newest first. Not deployed elsewhere; the stage check is the second lock.
 */
export const handler = defineHandler({ access: 'public', query: z.strictObject({}) }, async ({ deps }) => {
  if (deps.config.stage !== 'local') throw new DomainError('ROUTE_NOT_FOUND');
  return { items: await createSentMessageLog(deps.table).list(PAGE) };
});

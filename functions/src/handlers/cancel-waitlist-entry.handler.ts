import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { leaveWaitlist } from '../use-cases/waitlist/manage-waitlist';
import { uuidParam } from './params';

/** POST /v1/waitlist/{id}/cancel — leave the queue while still waiting. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: z.strictObject({}),
    query: z.strictObject({}),
  },
  async ({ params, principal, deps }) =>
    leaveWaitlist(deps.waitlist, principal.accountId, params.id, deps.now()),
);

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { confirmWaitlistOffer } from '../use-cases/waitlist/manage-waitlist';
import { uuidParam } from './params';

/** POST /v1/waitlist/{id}/confirm — take a free number offered from the waitlist before the offer runs out. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: z.strictObject({}),
    query: z.strictObject({}),
  },
  async ({ params, principal, deps }) =>
    confirmWaitlistOffer(deps, principal.accountId, params.id, deps.now()),
);

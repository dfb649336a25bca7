import { z } from 'zod';
import { joinWaitlistBodySchema, scheduleIdSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { joinWaitlist } from '../use-cases/waitlist/join-waitlist';
import { readIdempotencyKey } from './idempotency-key';

/** POST /v1/sessions/{id}/waitlist — one of the account's patients joins a full session's waitlist (候补). */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: scheduleIdSchema }),
    body: joinWaitlistBodySchema,
    query: z.strictObject({}),
    status: 201,
  },
  async ({ params, body, headers, principal, deps }) => {
    const request = {
      accountId: principal.accountId,
      sessionId: params.id,
      patientId: body.patientId,
      idempotencyKey: readIdempotencyKey(headers),
    };
    return (await joinWaitlist(deps, request, deps.now())).entry;
  },
);

import { z } from 'zod';
import { selfCheckInBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { selfCheckIn } from '../use-cases/check-in/check-in';
import { uuidParam } from './params';

/** POST /v1/appointments/{id}/check-in — the patient checks in within the slot's window and gets a queue number. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: selfCheckInBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, principal, deps }) => selfCheckIn(deps, principal.accountId, params.id, deps.now()),
);

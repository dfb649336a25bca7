import { z } from 'zod';
import { extraNumberBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { addExtraNumber } from '../use-cases/clinic-bookings/extra-numbers';
import { CONSULTING_DOCTORS, sessionIdParams } from './clinic-params';

/** POST /v1/sessions/{id}/extra-numbers — the session's own doctor adds a number (加号), audited. */
export const handler = defineHandler(
  {
    access: CONSULTING_DOCTORS,
    params: sessionIdParams,
    body: extraNumberBodySchema,
    query: z.strictObject({}),
    status: 201,
  },
  async ({ params, body, principal, deps }) => {
    const { appointment, entry } = await addExtraNumber(
      deps,
      { principal, sessionId: params.id, ...body },
      deps.now(),
      { limit: deps.config.extraNumbersPerSession },
    );
    return { ...entry, appointment };
  },
);

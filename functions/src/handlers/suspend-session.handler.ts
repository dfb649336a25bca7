import { z } from 'zod';
import { suspendSessionBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { suspendSession } from '../use-cases/suspensions/suspend-session';
import { OUTPATIENT_STAFF, sessionIdParams } from './clinic-params';

/** POST /v1/sessions/{id}/suspend — suspend a session (停诊); every booking gets an offer and a message. */
export const handler = defineHandler(
  {
    access: OUTPATIENT_STAFF,
    params: sessionIdParams,
    body: suspendSessionBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, body, principal, deps }) =>
    suspendSession(deps, { sessionId: params.id, ...body, byAccountId: principal.accountId }, deps.now()),
);

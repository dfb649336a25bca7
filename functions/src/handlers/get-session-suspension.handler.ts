import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { getSessionSuspension } from '../use-cases/suspensions/suspend-session';
import { OUTPATIENT_STAFF, sessionIdParams } from './clinic-params';

/** GET /v1/sessions/{id}/suspension — the suspension and every displaced booking's outcome (staff). */
export const handler = defineHandler(
  { access: OUTPATIENT_STAFF, params: sessionIdParams, query: z.strictObject({}) },
  async ({ params, deps }) => getSessionSuspension(deps.suspensions, params.id),
);

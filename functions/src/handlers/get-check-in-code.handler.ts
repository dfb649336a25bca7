import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { issueCheckInCode } from '../use-cases/check-in/check-in';
import { uuidParam } from './params';

/** GET /v1/appointments/{id}/check-in-code — a short-lived signed code for the appointment's QR code. */
export const handler = defineHandler(
  { access: ['patient'], params: z.object({ id: uuidParam }), query: z.strictObject({}) },
  async ({ params, principal, deps }) => issueCheckInCode(deps, principal.accountId, params.id, deps.now()),
);

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { getAppointment } from '../use-cases/appointments/manage-appointments';
import { uuidParam } from './params';

/** GET /v1/appointments/{id} — one of the account's own appointments. */
export const handler = defineHandler(
  { access: ['patient'], params: z.object({ id: uuidParam }), query: z.strictObject({}) },
  async ({ params, principal, deps }) =>
    getAppointment(deps.appointments, principal.accountId, params.id, deps.now()),
);

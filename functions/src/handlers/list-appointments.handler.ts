import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listAppointments } from '../use-cases/appointments/manage-appointments';

/** GET /v1/appointments — the account's own appointments. */
export const handler = defineHandler(
  { access: ['patient'], query: z.strictObject({}) },
  async ({ principal, deps }) => ({
    items: await listAppointments(deps.appointments, principal.accountId, deps.now()),
  }),
);

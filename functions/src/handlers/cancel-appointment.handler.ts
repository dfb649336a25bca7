import { z } from 'zod';
import { cancelAppointmentBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { cancelAppointment } from '../use-cases/appointments/manage-appointments';
import { uuidParam } from './params';

/** POST /v1/appointments/{id}/cancel — cancel before the session ends; the number goes back. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: cancelAppointmentBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, principal, deps }) =>
    cancelAppointment(deps.appointments, principal.accountId, params.id, deps.now()),
);

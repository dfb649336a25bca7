import { z } from 'zod';
import { undoVoidBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { undoVoid } from '../use-cases/check-in/void-booking';
import { uuidParam } from './params';

/** POST /v1/appointments/{id}/undo-void — outpatient staff undo a void within its session (audited). */
export const handler = defineHandler(
  {
    access: ['outpatient_staff', 'admin'],
    params: z.object({ id: uuidParam }),
    body: undoVoidBodySchema,
    query: z.strictObject({}),
    status: 201,
  },
  async ({ params, body, principal, deps }) =>
    undoVoid(
      deps,
      { accountId: principal.accountId, role: principal.role },
      { appointmentId: params.id, reason: body.reason },
      deps.now(),
    ),
);

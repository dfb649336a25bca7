import { z } from 'zod';
import { suspensionChoiceBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { chooseSuspensionOption } from '../use-cases/suspensions/settle-offer';
import { uuidParam } from './params';
import { holdOrderCloser } from './hold-order-closer';

/** POST /v1/appointments/{id}/suspension-choice — substitute, make-up or cancel with refund. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: suspensionChoiceBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, body, principal, deps }) => {
    const now = deps.now();
    return chooseSuspensionOption(
      { ...deps, closeHoldOrder: holdOrderCloser(deps, now) },
      { accountId: principal.accountId, appointmentId: params.id, choice: body.choice },
      now,
    );
  },
);

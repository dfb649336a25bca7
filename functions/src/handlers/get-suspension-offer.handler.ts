import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { findOwnOffer } from '../use-cases/suspensions/settle-offer';
import { toOfferView } from '../use-cases/suspensions/suspension-view';
import { uuidParam } from './params';

/** GET /v1/appointments/{id}/suspension-offer — what the patient is offered after a suspension. */
export const handler = defineHandler(
  { access: ['patient'], params: z.object({ id: uuidParam }), query: z.strictObject({}) },
  async ({ params, principal, deps }) =>
    toOfferView(await findOwnOffer(deps, principal.accountId, params.id)),
);

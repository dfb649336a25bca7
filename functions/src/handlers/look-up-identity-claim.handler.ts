import { z } from 'zod';
import { identityClaimLookupBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { lookUpIdentityClaim } from '../use-cases/patients/identity-claims-desk';
import { OUTPATIENT_STAFF } from './clinic-params';

/** POST /v1/identity-claims/lookup — the desk finds who holds the identity on the card in front of them. */
export const handler = defineHandler(
  { access: OUTPATIENT_STAFF, body: identityClaimLookupBodySchema, query: z.strictObject({}) },
  async ({ body, deps }) => lookUpIdentityClaim(deps, body.document, deps.now()),
);

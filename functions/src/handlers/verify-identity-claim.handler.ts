import { z } from 'zod';
import { identityClaimActionBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { verifyIdentityClaim } from '../use-cases/patients/identity-claims-desk';
import { OUTPATIENT_STAFF } from './clinic-params';

/** POST /v1/identity-claims/verify — the desk confirms a claim against the card it saw (audited). */
export const handler = defineHandler(
  { access: OUTPATIENT_STAFF, body: identityClaimActionBodySchema, query: z.strictObject({}) },
  async ({ body: { document, ...rest }, principal, deps }) =>
    verifyIdentityClaim(deps, principal, { ...document, ...rest }, deps.now()),
);

import { z } from 'zod';
import { identityClaimActionBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { releaseIdentityClaim } from '../use-cases/patients/identity-claims-desk';
import { OUTPATIENT_STAFF } from './clinic-params';

/** POST /v1/identity-claims/release — the desk frees an identity after seeing the card (audited). */
export const handler = defineHandler(
  { access: OUTPATIENT_STAFF, body: identityClaimActionBodySchema, query: z.strictObject({}) },
  async ({ body: { document, ...rest }, principal, deps }) =>
    releaseIdentityClaim(deps, principal, { ...document, ...rest }, deps.now()),
);

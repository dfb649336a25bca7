import { identityClaimResultSchema } from '@jiuyi/shared';
import type { IdentityClaimActionBody, IdentityClaimLookupBody, IdentityClaimResult } from '@jiuyi/shared';
import { authedRequest } from './session';

/**
 * POST /v1/identity-claims/lookup — the outpatient desk finds who holds the identity on the card it
 * sees (the number travels in the body, never in a URL). 404 IDENTITY_CLAIM_NOT_FOUND as ApiError.
 */
export async function lookUpIdentityClaim(body: IdentityClaimLookupBody): Promise<IdentityClaimResult> {
  return authedRequest('/v1/identity-claims/lookup', identityClaimResultSchema, { method: 'POST', body });
}

/** POST /v1/identity-claims/release — frees the identity after seeing the card (audited with the reason). */
export async function releaseIdentityClaim(body: IdentityClaimActionBody): Promise<IdentityClaimResult> {
  return authedRequest('/v1/identity-claims/release', identityClaimResultSchema, { method: 'POST', body });
}

/** POST /v1/identity-claims/verify — confirms the claim against the card (passports, permits; audited). */
export async function verifyIdentityClaim(body: IdentityClaimActionBody): Promise<IdentityClaimResult> {
  return authedRequest('/v1/identity-claims/verify', identityClaimResultSchema, { method: 'POST', body });
}

import { z } from 'zod';
import { freeText, idSchema, shanghaiTimestampSchema } from './common.schema';
import { patientDocumentSchema } from './clinic-operations.schema';
import { idDocumentTypeSchema, realNameStatusSchema } from './patient.schema';

/**
 * The outpatient desk's view of who holds an identity (the one-identity claim), found by the ID
 * document the person at the desk presents. The number travels in a POST body, never in a URL.
 */
export const identityClaimLookupBodySchema = z.strictObject({ document: patientDocumentSchema });
export type IdentityClaimLookupBody = z.infer<typeof identityClaimLookupBodySchema>;

/** Release a claim (the card's holder says the profile is not theirs) or verify it against the card. */
export const identityClaimActionBodySchema = z.strictObject({
  document: patientDocumentSchema,
  /** The profile the desk saw holding the identity: a claim that changed since is not touched. */
  patientId: idSchema,
  reason: freeText({ label: '原因', min: 2, max: 200, multiline: true }),
});
export type IdentityClaimActionBody = z.infer<typeof identityClaimActionBodySchema>;

export const IDENTITY_AUDIT_ACTIONS = [
  'taken_over',
  'released_at_desk',
  'verified_at_desk',
  'verified_by_service',
  'mismatch_on_recheck',
] as const;
export const identityAuditActionSchema = z.enum(IDENTITY_AUDIT_ACTIONS);
export type IdentityAuditAction = z.infer<typeof identityAuditActionSchema>;

/** One audited change of an identity's claim. */
export const identityAuditEntrySchema = z.object({
  at: shanghaiTimestampSchema,
  action: identityAuditActionSchema,
  /** The profile that lost (or, for a verification, kept) the claim. */
  patientId: idSchema,
  /** Staff account for desk actions; absent for the automatic ones. */
  byAccountId: z.string().optional(),
  reason: z.string().optional(),
});
export type IdentityAuditEntry = z.infer<typeof identityAuditEntrySchema>;

/** The claim as the desk sees it: whose profile holds the identity and how far it is verified. */
export const identityClaimViewSchema = z.object({
  patientId: idSchema,
  patientName: z.string(),
  idType: idDocumentTypeSchema,
  idNumberMasked: z.string(),
  realNameStatus: realNameStatusSchema,
  claimedAt: shanghaiTimestampSchema,
});
export type IdentityClaimView = z.infer<typeof identityClaimViewSchema>;

/** What the desk gets back: the claim (none once released) and the identity's audit history, newest first. */
export const identityClaimResultSchema = z.object({
  claim: identityClaimViewSchema.optional(),
  history: z.array(identityAuditEntrySchema),
});
export type IdentityClaimResult = z.infer<typeof identityClaimResultSchema>;

import {
  DomainError,
  maskIdNumber,
  toShanghaiIso,
  validateIdDocument,
  type IdentityClaimResult,
  type IdDocumentType,
  type Principal,
} from '@jiuyi/shared';
import type { FieldCipher } from '../../ports/field-cipher';
import type { IdentityClaimStore } from '../../ports/identity-claim-store';
import type { IdentityClaim, PatientRecord, PatientStore } from '../../ports/patient-store';
import { identityKey } from './manage-patients';
import { identityLostMessage, realNameStatusOf } from './real-name';

export interface DeskClaimPorts {
  patients: PatientStore;
  identityClaims: IdentityClaimStore;
  cipher: FieldCipher;
}

type Document = { idType: IdDocumentType; idNumber: string };

/** The identity's claim and the profile holding it, by the document presented at the desk. */
async function readClaim(
  ports: DeskClaimPorts,
  document: Document,
  now: Date,
): Promise<{ identityIndex: string; claim?: IdentityClaim; patient?: PatientRecord }> {
  const checked = validateIdDocument(document.idType, document.idNumber, now);
  if (!checked.ok) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { in: 'body', fields: { 'document.idNumber': checked.message } },
    });
  }
  const identityIndex = ports.cipher.blindIndex(identityKey(document.idType, checked.normalised));
  const claim = await ports.identityClaims.claimOf(identityIndex);
  const patient = claim && (await ports.patients.get(claim.accountId, claim.patientId));
  return { identityIndex, ...(claim ? { claim } : {}), ...(patient ? { patient } : {}) };
}

async function result(
  ports: DeskClaimPorts,
  identityIndex: string,
  patient?: PatientRecord,
): Promise<IdentityClaimResult> {
  return {
    ...(patient
      ? {
          claim: {
            patientId: patient.id,
            patientName: patient.name,
            idType: patient.idType,
            idNumberMasked: maskIdNumber(patient.idType, patient.idNumber),
            realNameStatus: realNameStatusOf(patient),
            claimedAt: patient.createdAt,
          },
        }
      : {}),
    history: await ports.identityClaims.history(identityIndex),
  };
}

/** The desk's look-up: who holds the identity on the card in front of them, and its history. */
export async function lookUpIdentityClaim(
  ports: DeskClaimPorts,
  document: Document,
  now: Date,
): Promise<IdentityClaimResult> {
  const { identityIndex, patient } = await readClaim(ports, document, now);
  const found = await result(ports, identityIndex, patient);
  if (!found.claim && found.history.length === 0) throw new DomainError('IDENTITY_CLAIM_NOT_FOUND');
  return found;
}

/** A desk action: the document, the profile the desk saw holding it, and why. */
export type DeskRequest = Document & { patientId: string; reason: string };

/**
 * The claim the desk saw, still naming `patientId` (otherwise refused, so nothing moves unseen), and
 * the audit entry of `action` by this staff account.
 */
async function seenClaim(
  ports: DeskClaimPorts,
  principal: Principal,
  request: DeskRequest,
  action: 'released_at_desk' | 'verified_at_desk',
  now: Date,
) {
  const read = await readClaim(ports, request, now);
  if (!read.claim || !read.patient) throw new DomainError('IDENTITY_CLAIM_NOT_FOUND');
  if (read.claim.patientId !== request.patientId) throw new DomainError('IDENTITY_CLAIM_CHANGED');
  const at = toShanghaiIso(now);
  const audit = {
    at,
    action,
    patientId: read.patient.id,
    byAccountId: principal.accountId,
    reason: request.reason,
  };
  return { ...read, claim: read.claim, patient: read.patient, at, audit };
}

/**
 * Release at the desk (解除登记): the card's holder, in person, says the profile holding the identity
 * is not theirs. 1. Find the claim the desk saw. 2. Free it, revoke the profile, tell its account and
 * write the audit entry (staff account and reason) in one transaction.
 */
export async function releaseIdentityClaim(
  ports: DeskClaimPorts,
  principal: Principal,
  request: DeskRequest,
  now: Date,
): Promise<IdentityClaimResult> {
  const seen = await seenClaim(ports, principal, request, 'released_at_desk', now);
  const done = await ports.identityClaims.revoke({
    claim: seen.claim,
    reason: 'released_at_desk',
    at: seen.at,
    message: identityLostMessage(seen.patient, seen.claim, 'released_at_desk', now),
    audit: seen.audit,
  });
  if (done !== 'done') throw new DomainError('IDENTITY_CLAIM_CHANGED');
  return result(ports, seen.identityIndex);
}

/**
 * Verification at the desk (现场核验): staff saw the card and the name on it is the profile's; the
 * only way a passport or travel-permit profile becomes verified. Audited with the staff account.
 */
export async function verifyIdentityClaim(
  ports: DeskClaimPorts,
  principal: Principal,
  request: DeskRequest,
  now: Date,
): Promise<IdentityClaimResult> {
  const seen = await seenClaim(ports, principal, request, 'verified_at_desk', now);
  if (seen.patient.realName?.status === 'verified') return result(ports, seen.identityIndex, seen.patient);
  const state = { status: 'verified', at: seen.at, by: 'desk' } as const;
  const done = await ports.identityClaims.markVerified({ claim: seen.claim, state, audit: seen.audit });
  if (done !== 'done') throw new DomainError('IDENTITY_CLAIM_CHANGED');
  return result(ports, seen.identityIndex, { ...seen.patient, realName: state });
}

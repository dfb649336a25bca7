import { toShanghaiIso } from '@jiuyi/shared';
import type { IdentityClaimStore } from '../../ports/identity-claim-store';
import type { PatientStore } from '../../ports/patient-store';
import type { RealNameVerifier } from '../../ports/real-name-verifier';
import { askService, identityLostMessage, nextCheckDelayMs } from './real-name';

export interface RecheckPorts {
  patients: PatientStore;
  identityClaims: IdentityClaimStore;
  realName: RealNameVerifier;
}

export interface RecheckSummary {
  verified: number;
  revoked: number;
  toDesk: number;
  stillPending: number;
}

/**
 * The scheduled re-check of profiles saved while the real-name service could not answer:
 * 1. Read the profiles due (the sparse re-check queue), each still pending and still holding its claim.
 * 2. Ask the service again with the profile's current name.
 * 3. Match: claim and profile verified (audited). Mismatch: the identity is freed and the profile
 *    revoked, its account told (audited). No record: to the desk. No answer: next check later
 *    (5 minutes doubling, at most 6 hours).
 */
export async function recheckRealNames(ports: RecheckPorts, now: Date, limit = 50): Promise<RecheckSummary> {
  const at = toShanghaiIso(now);
  const summary: RecheckSummary = { verified: 0, revoked: 0, toDesk: 0, stillPending: 0 };
  for (const due of await ports.identityClaims.duePending(at, limit)) {
    const patient = await ports.patients.get(due.accountId, due.patientId);
    if (patient?.realName?.status !== 'pending') continue;
    const claim = await ports.identityClaims.claimOf(patient.identityIndex);
    if (claim?.patientId !== patient.id) continue;
    const answer = await askService(ports.realName, patient.name, patient.idNumber);
    if (answer === 'match') {
      const done = await ports.identityClaims.markVerified({
        claim,
        state: { status: 'verified', at, by: 'service' },
        audit: { at, action: 'verified_by_service', patientId: patient.id },
      });
      if (done === 'done') summary.verified += 1;
    } else if (answer === 'mismatch') {
      const done = await ports.identityClaims.revoke({
        claim,
        reason: 'name_mismatch',
        at,
        message: identityLostMessage(patient, claim, 'name_mismatch', now),
        audit: { at, action: 'mismatch_on_recheck', patientId: patient.id },
      });
      if (done === 'done') summary.revoked += 1;
    } else if (answer === 'no_record') {
      if (await ports.identityClaims.requeue(due, { status: 'desk_required' }, at)) summary.toDesk += 1;
    } else {
      const checks = patient.realName.checks + 1;
      const nextCheckAt = toShanghaiIso(new Date(now.getTime() + nextCheckDelayMs(checks)));
      if (await ports.identityClaims.requeue(due, { status: 'pending', checks, nextCheckAt }, at))
        summary.stillPending += 1;
    }
  }
  return summary;
}

import { randomUUID } from 'node:crypto';
import {
  DomainError,
  MAX_PATIENTS_PER_ACCOUNT,
  shanghaiDate,
  toShanghaiIso,
  validateIdDocument,
  type IdDocumentType,
  type Patient,
  type PatientRelation,
} from '@jiuyi/shared';
import type { IdentityClaimStore } from '../../ports/identity-claim-store';
import type { PatientRecord } from '../../ports/patient-store';
import type { RealNameVerifier } from '../../ports/real-name-verifier';
import { identityKey, toPatientView, type PatientPorts } from './manage-patients';
import { firstRealNameState, identityLostMessage } from './real-name';

export interface AddPatientPorts extends PatientPorts {
  realName: RealNameVerifier;
  identityClaims: IdentityClaimStore;
}

/** Identity-add attempts an account may make per Shanghai day (`JIUYI_IDENTITY_ADDS_PER_DAY`). */
export const DEFAULT_IDENTITY_ADDS_PER_DAY = 10;

/**
 * 1. Validate the document again (the schema did, but the derived sex and birth date come from here).
 * 2. Count the attempt: at most `addsPerDay` a Shanghai day per account, refused or not, so the 409
 *    cannot be used to test who is registered.
 * 3. Check name + number with the real-name service: a mismatch is refused; no answer leaves the
 *    profile pending (re-checked by `recheckRealNames`); other documents wait for the desk.
 * 4. Store profile + identity claim + count in one transaction; the same account adding the same
 *    identity again gets its existing profile back.
 * 5. Another account's unverified claim gives way to a verified add: the claim moves, the other
 *    profile is revoked and its account told, audited. Any other claim is a 409.
 */
export async function addPatient(
  ports: AddPatientPorts,
  accountId: string,
  input: { name: string; idType: IdDocumentType; idNumber: string; phone: string; relation: PatientRelation },
  now: Date,
  addsPerDay = DEFAULT_IDENTITY_ADDS_PER_DAY,
): Promise<{ patient: Patient; created: boolean }> {
  const checked = validateIdDocument(input.idType, input.idNumber, now);
  if (!checked.ok) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { in: 'body', fields: { idNumber: checked.message } },
    });
  }
  const at = toShanghaiIso(now);
  const counterExpires = toShanghaiIso(new Date(now.getTime() + 2 * 86_400_000));
  if (!(await ports.identityClaims.countAddAttempt(accountId, shanghaiDate(now), addsPerDay, counterExpires)))
    throw new DomainError('IDENTITY_ADD_LIMIT_REACHED', { details: { perDay: addsPerDay } });
  const realName = await firstRealNameState(
    ports.realName,
    { name: input.name, idType: input.idType, idNumber: checked.normalised },
    now,
  );
  const record: PatientRecord = {
    id: randomUUID(),
    accountId,
    name: input.name,
    idType: input.idType,
    idNumber: checked.normalised,
    phone: input.phone,
    relation: input.relation,
    ...(checked.sex ? { sex: checked.sex } : {}),
    ...(checked.birthDate ? { birthDate: checked.birthDate } : {}),
    createdAt: at,
    updatedAt: at,
    identityIndex: ports.cipher.blindIndex(identityKey(input.idType, checked.normalised)),
    realName,
  };
  // A claim that changes under us (freed, taken over) is read again; three rounds settle any race.
  for (let round = 0; round < 3; round += 1) {
    const outcome = await ports.patients.create(record, MAX_PATIENTS_PER_ACCOUNT);
    if (outcome.kind === 'created' || outcome.kind === 'already_yours')
      return { patient: toPatientView(outcome.patient), created: outcome.kind === 'created' };
    if (outcome.kind === 'limit_reached') throw patientLimit();
    if (outcome.kind === 'claim_changed') continue;
    const { claim } = outcome;
    if (realName.status !== 'verified' || claim.verified)
      throw new DomainError('IDENTITY_ALREADY_REGISTERED');
    const loser = await ports.patients.get(claim.accountId, claim.patientId);
    if (!loser) continue;
    const taken = await ports.identityClaims.takeOver({
      patient: record,
      from: claim,
      maxPerAccount: MAX_PATIENTS_PER_ACCOUNT,
      at,
      message: identityLostMessage(loser, claim, 'verified_elsewhere', now),
      audit: { at, action: 'taken_over', patientId: claim.patientId },
    });
    if (taken === 'done') return { patient: toPatientView(record), created: true };
    if (taken === 'limit_reached') throw patientLimit();
  }
  throw new DomainError('CONCURRENT_MODIFICATION');
}

function patientLimit(): DomainError {
  return new DomainError('PATIENT_LIMIT_REACHED', { details: { max: MAX_PATIENTS_PER_ACCOUNT } });
}

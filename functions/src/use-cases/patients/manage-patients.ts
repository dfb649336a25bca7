import { randomUUID } from 'node:crypto';
import {
  DomainError,
  MAX_PATIENTS_PER_ACCOUNT,
  maskIdNumber,
  maskPhone,
  shanghaiDate,
  toShanghaiIso,
  validateIdDocument,
  type IdDocumentType,
  type Patient,
  type PatientRelation,
} from '@jiuyi/shared';
import type { FieldCipher } from '../../ports/field-cipher';
import type { IdentityClaimStore } from '../../ports/identity-claim-store';
import type { PatientRecord, PatientStore } from '../../ports/patient-store';
import type { RealNameVerifier } from '../../ports/real-name-verifier';
import type { AppointmentStore } from '../../ports/appointment-store';
import type { WaitlistStore } from '../../ports/waitlist-store';
import { isExpiredHold } from '../appointments/appointment-view';
import { firstRealNameState, identityLostMessage, realNameStatusOf } from './real-name';

export interface PatientPorts {
  patients: PatientStore;
  cipher: FieldCipher;
}

export interface AddPatientPorts extends PatientPorts {
  realName: RealNameVerifier;
  identityClaims: IdentityClaimStore;
}

/** Identity-add attempts an account may make per Shanghai day (`JIUYI_IDENTITY_ADDS_PER_DAY`). */
export const DEFAULT_IDENTITY_ADDS_PER_DAY = 10;

/**
 * The response shape: document number and phone masked, never in full. Of the birth date only the
 * year, and the sex (already implied by the last 4 of a resident ID): together with the mask they
 * leave ≥ 10^6 candidate numbers (the count is in `maskIdNumber`'s comment and is measured from a
 * real response by tests/integration/real-name-api.test.ts).
 */
export function toPatientView(p: PatientRecord): Patient {
  return {
    id: p.id,
    name: p.name,
    idType: p.idType,
    idNumberMasked: maskIdNumber(p.idType, p.idNumber),
    phoneMasked: maskPhone(p.phone),
    relation: p.relation,
    ...(p.sex ? { sex: p.sex } : {}),
    ...(p.birthDate ? { birthYear: Number(p.birthDate.slice(0, 4)) } : {}),
    realNameStatus: realNameStatusOf(p),
    createdAt: p.createdAt,
  };
}

/**
 * A social security card's number is its holder's resident ID number, so both key the same identity:
 * one person cannot become two patients by switching documents.
 */
export function identityKey(idType: IdDocumentType, normalised: string): string {
  const family = idType === 'social_security_card' ? 'resident_id' : idType;
  return `${family}:${normalised}`;
}

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

/** The account's own profile or 404: another account's profile is indistinguishable from none. */
export async function getOwnPatient(
  ports: PatientPorts,
  accountId: string,
  patientId: string,
): Promise<PatientRecord> {
  const patient = await ports.patients.get(accountId, patientId);
  if (!patient) throw new DomainError('NOT_FOUND');
  return patient;
}

/**
 * Changes name, phone or relation; the document itself is immutable (a new document is a new profile),
 * and so is a verified name. An unverified profile's new name is what its next check sends.
 */
export async function updatePatient(
  ports: PatientPorts,
  accountId: string,
  patientId: string,
  fields: { name?: string; phone?: string; relation?: PatientRelation },
  now: Date,
): Promise<Patient> {
  // The verified name is the one on the document: changing it would undo the verification.
  if (fields.name !== undefined) {
    const current = await getOwnPatient(ports, accountId, patientId);
    if (current.realName?.status === 'verified' && fields.name !== current.name)
      throw new DomainError('PATIENT_NAME_LOCKED');
  }
  const updated = await ports.patients.update(accountId, patientId, fields, toShanghaiIso(now));
  if (!updated) throw new DomainError('NOT_FOUND');
  return toPatientView(updated);
}

/** Removes a profile and frees its identity. */
/** Statuses in which an appointment still needs its patient's identity (payment, check-in, refund). */
const ACTIVE_APPOINTMENT = new Set(['pending_payment', 'booked', 'checked_in']);

/**
 * Removes a profile and frees its identity, unless the patient still has a visit ahead or a place on a
 * waitlist: check-in matches the presented ID against this profile, and a waitlist offer would go to
 * a patient who no longer exists.
 */
export async function deletePatient(
  ports: PatientPorts & { appointments: AppointmentStore; waitlist: WaitlistStore },
  accountId: string,
  patientId: string,
  now: Date,
): Promise<void> {
  const [appointments, entries] = await Promise.all([
    ports.appointments.list(accountId),
    ports.waitlist.list(accountId),
  ]);
  const busy =
    appointments.some(
      (a) => a.patientId === patientId && ACTIVE_APPOINTMENT.has(a.status) && !isExpiredHold(a, now),
    ) || entries.some((e) => e.patientId === patientId && (e.status === 'waiting' || e.status === 'offered'));
  if (busy) throw new DomainError('PATIENT_HAS_ACTIVE_BOOKINGS');
  if (!(await ports.patients.delete(accountId, patientId))) throw new DomainError('NOT_FOUND');
}

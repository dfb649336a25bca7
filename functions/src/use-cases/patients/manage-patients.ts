import {
  DomainError,
  maskIdNumber,
  maskPhone,
  toShanghaiIso,
  type IdDocumentType,
  type Patient,
  type PatientRelation,
} from '@jiuyi/shared';
import type { FieldCipher } from '../../ports/field-cipher';
import type { PatientRecord, PatientStore } from '../../ports/patient-store';
import { isExpiredHold } from '../appointments/appointment-view';
import { realNameStatusOf } from './real-name';
import { releaseHold, type HoldReleasePorts } from '../appointments/release-expired-holds';

export interface PatientPorts {
  patients: PatientStore;
  cipher: FieldCipher;
}

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

/**
 * Removes a profile and frees its identity for registration, unless the patient still holds a number
 * (unpaid, booked or checked in) or a waitlist place: check-in matches the presented ID against this
 * profile, and a waitlist offer would go to a patient who no longer exists.
 * 1. One transaction deletes the profile, conditioned on its active-booking count being zero (every
 *    booking path raises it in its own transaction, conditioned on the profile existing), with the
 *    identity guard and the account's count. The person's history stays: no-show records, day
 *    counters and session guards are keyed by the identity, not the profile.
 * 2. Refused for active bookings: an unpaid hold that has expired reads as cancelled, so such holds
 *    are released now (through the one release path, which closes their WeChat order first)
 *    and the deletion is tried once more.
 */
export async function deletePatient(
  ports: Pick<PatientPorts, 'patients'> & HoldReleasePorts,
  accountId: string,
  patientId: string,
  now: Date,
): Promise<void> {
  let outcome = await ports.patients.delete(accountId, patientId);
  if (outcome === 'active_bookings') {
    const expired = (await ports.appointments.list(accountId)).filter(
      (a) => a.patientId === patientId && isExpiredHold(a, now),
    );
    let released = false;
    for (const a of expired) {
      if (await releaseHold(ports, a, now)) released = true;
    }
    if (released) outcome = await ports.patients.delete(accountId, patientId);
  }
  if (outcome === 'active_bookings') throw new DomainError('PATIENT_HAS_ACTIVE_BOOKINGS');
  if (outcome === 'not_found') throw new DomainError('NOT_FOUND');
}

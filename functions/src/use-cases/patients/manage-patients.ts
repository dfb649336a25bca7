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
import type { AppointmentStore } from '../../ports/appointment-store';
import type { WaitlistStore } from '../../ports/waitlist-store';
import { isExpiredHold } from '../appointments/appointment-view';
import { realNameStatusOf } from './real-name';

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

import {
  DomainError,
  validateIdDocument,
  type Doctor,
  type IdDocumentType,
  type Principal,
} from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';
import type { IdentityDirectory } from '../../ports/clinic-booking-store';
import type { FieldCipher } from '../../ports/field-cipher';
import type { PatientRecord, PatientStore } from '../../ports/patient-store';
import { identityKey } from '../patients/manage-patients';

export interface PatientLookupPorts {
  identities: IdentityDirectory;
  patients: PatientStore;
  cipher: FieldCipher;
}

/**
 * The patient in front of the doctor, by the ID document they present: validated, keyed by the same
 * blind index that guards registration, so the number itself is never searched or stored.
 * Throws VALIDATION_FAILED for a malformed number, PATIENT_NOT_REGISTERED when no profile has it and
 * PATIENT_NOT_VERIFIED when the profile holding it is not real-name verified: a doctor's booking must
 * not land in the account of someone who merely typed the number in.
 */
export async function findPatientByDocument(
  ports: PatientLookupPorts,
  document: { idType: IdDocumentType; idNumber: string },
  now: Date,
): Promise<PatientRecord> {
  const checked = validateIdDocument(document.idType, document.idNumber, now);
  if (!checked.ok) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { in: 'body', fields: { 'patient.idNumber': checked.message } },
    });
  }
  const owner = await ports.identities.ownerOf(
    ports.cipher.blindIndex(identityKey(document.idType, checked.normalised)),
  );
  const patient = owner && (await ports.patients.get(owner.accountId, owner.patientId));
  if (!patient) throw new DomainError('PATIENT_NOT_REGISTERED');
  if (!owner.verified || patient.realName?.status !== 'verified')
    throw new DomainError('PATIENT_NOT_VERIFIED');
  return patient;
}

/** The catalogue doctor a clinic doctor or expert account speaks for; refused when it has none. */
export async function requireLinkedDoctor(catalogue: CatalogueStore, principal: Principal): Promise<Doctor> {
  const doctor = principal.doctorId
    ? (await catalogue.listDoctors()).find((d) => d.id === principal.doctorId)
    : undefined;
  if (!doctor) throw new DomainError('FORBIDDEN', { message: '该账号未关联出诊医生，不能为患者挂号' });
  return doctor;
}

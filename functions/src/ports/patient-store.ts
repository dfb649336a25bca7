import type { IdDocumentType, PatientRelation } from '@jiuyi/shared';

/** A 就诊人 as the use cases see it: plain values, decrypted by the store. */
export interface PatientRecord {
  id: string;
  accountId: string;
  name: string;
  idType: IdDocumentType;
  idNumber: string;
  phone: string;
  relation: PatientRelation;
  sex?: 'male' | 'female';
  birthDate?: string;
  createdAt: string;
  updatedAt: string;
  /** Blind index of the normalised identity: one identity, one patient. */
  identityIndex: string;
}

export type CreatePatientOutcome =
  { kind: 'created'; patient: PatientRecord } | { kind: 'already_yours'; patient: PatientRecord };

/** Patient profiles of an account, with the one-identity guard and the per-account limit. */
export interface PatientStore {
  list(accountId: string): Promise<PatientRecord[]>;
  get(accountId: string, patientId: string): Promise<PatientRecord | undefined>;
  /** Throws `IDENTITY_ALREADY_REGISTERED` (another account has it) or `PATIENT_LIMIT_REACHED`. */
  create(patient: PatientRecord, maxPerAccount: number): Promise<CreatePatientOutcome>;
  update(
    accountId: string,
    patientId: string,
    fields: Partial<Pick<PatientRecord, 'name' | 'phone' | 'relation'>>,
    nowIso: string,
  ): Promise<PatientRecord | undefined>;
  /** Removes the profile, its identity guard and the count; false if it was not there. */
  delete(accountId: string, patientId: string): Promise<boolean>;
}

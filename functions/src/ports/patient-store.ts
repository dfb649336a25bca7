import type { IdDocumentType, PatientRelation } from '@jiuyi/shared';

/** Why a profile lost its identity. */
export type RevokeReason = 'verified_elsewhere' | 'released_at_desk' | 'name_mismatch';

/**
 * Real-name verification of a profile (see `realNameStatusSchema`). A `pending` profile sits in the
 * re-check queue until `nextCheckAt`; `checks` counts the service's failed answers so far.
 */
export type RealNameState =
  | { status: 'verified'; at: string; by: 'service' | 'desk' }
  | { status: 'pending'; checks: number; nextCheckAt: string }
  | { status: 'desk_required' }
  | { status: 'revoked'; at: string; reason: RevokeReason };

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
  /** Absent on profiles made before verification existed: they count as `desk_required`. */
  realName?: RealNameState;
}

/** Who holds an identity: the guard item names the account, the profile and whether it was verified. */
export interface IdentityClaim {
  identityIndex: string;
  accountId: string;
  patientId: string;
  verified: boolean;
  claimedAt?: string;
}

/**
 * How a deletion ended: `active_bookings` when the profile still holds an appointment (unpaid,
 * booked or checked in) or a waitlist place, by the count every booking path keeps on it.
 */
export type DeletePatientOutcome = 'deleted' | 'not_found' | 'active_bookings';

export type CreatePatientOutcome =
  | { kind: 'created'; patient: PatientRecord }
  | { kind: 'already_yours'; patient: PatientRecord }
  | { kind: 'identity_taken'; claim: IdentityClaim }
  /** The claim that refused the write was gone when read: nothing was written, try again. */
  | { kind: 'claim_changed' }
  | { kind: 'limit_reached' };

/** Patient profiles of an account, with the one-identity guard and the per-account limit. */
export interface PatientStore {
  list(accountId: string): Promise<PatientRecord[]>;
  get(accountId: string, patientId: string): Promise<PatientRecord | undefined>;
  /** Profile + identity claim + count in one transaction; refusals come back by name. */
  create(patient: PatientRecord, maxPerAccount: number): Promise<CreatePatientOutcome>;
  update(
    accountId: string,
    patientId: string,
    fields: Partial<Pick<PatientRecord, 'name' | 'phone' | 'relation'>>,
    nowIso: string,
  ): Promise<PatientRecord | undefined>;
  /**
   * One transaction: removes the profile (only while it holds no booking or waitlist place), its
   * identity guard and the account's count. What protects the person (no-show records, the day
   * counters and session guards, keyed by the identity) stays.
   */
  delete(accountId: string, patientId: string): Promise<DeletePatientOutcome>;
}

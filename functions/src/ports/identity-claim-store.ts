import type { IdentityAuditEntry, OutboxMessage } from '@jiuyi/shared';
import type { IdentityClaim, PatientRecord, RealNameState, RevokeReason } from './patient-store';

/** A profile whose real-name check is due again. */
export interface PendingCheck {
  accountId: string;
  patientId: string;
}

/** The outcome of a change conditioned on the claim the caller read. */
export type ClaimChange = 'done' | 'claim_changed';

/**
 * The identity claim (the one-identity guard) beyond creating it: counting add attempts, reading it
 * with its audit history, and the audited changes real-name verification makes. Every change is one
 * transaction conditioned on the claim still naming the profile the caller read.
 */
export interface IdentityClaimStore {
  /** Counts one identity-add attempt of the account on `date`; false once `limit` were made that day. */
  countAddAttempt(accountId: string, date: string, limit: number, expiresAtIso: string): Promise<boolean>;
  claimOf(identityIndex: string): Promise<IdentityClaim | undefined>;
  /** The identity's audit entries, newest first. */
  history(identityIndex: string): Promise<IdentityAuditEntry[]>;
  /**
   * A verified newcomer takes an unverified claim: the claim moves to `patient` (conditioned on still
   * naming `from.patientId`, unverified), the old profile is revoked, the new one and its account count
   * written, the old account told, the audit entry written. `limit_reached` when the newcomer's account
   * is full.
   */
  takeOver(input: {
    patient: PatientRecord;
    from: IdentityClaim;
    maxPerAccount: number;
    at: string;
    message: OutboxMessage;
    audit: IdentityAuditEntry;
  }): Promise<ClaimChange | 'limit_reached'>;
  /** Frees the identity: claim deleted, profile revoked, its account told, audited. */
  revoke(input: {
    claim: IdentityClaim;
    reason: RevokeReason;
    at: string;
    message: OutboxMessage;
    audit: IdentityAuditEntry;
  }): Promise<ClaimChange>;
  /** Marks the claim and its profile verified (leaving the re-check queue), audited. */
  markVerified(input: {
    claim: IdentityClaim;
    state: Extract<RealNameState, { status: 'verified' }>;
    audit: IdentityAuditEntry;
  }): Promise<ClaimChange>;
  /** Profiles whose re-check is due by `nowIso`, oldest first. */
  duePending(nowIso: string, limit: number): Promise<PendingCheck[]>;
  /**
   * Moves a still-pending profile's next check, or sends it to the desk (`desk_required`, out of the
   * queue); false when it is no longer pending.
   */
  requeue(
    check: PendingCheck,
    state: Extract<RealNameState, { status: 'pending' | 'desk_required' }>,
    at: string,
  ): Promise<boolean>;
}

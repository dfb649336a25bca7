import type { Account, AccountAuditEntry } from '@jiuyi/shared';

/** One admin's change of a staff account, decided by the use case, written at once with its audit entry. */
export interface StaffChange {
  before: Account;
  after: Account;
  /** The admin making the change: still an active admin when it is written. */
  actorId: string;
  /** How the change moves the roster of active admins (`remove` never empties it). */
  roster: 'add' | 'remove' | 'none';
  audit: AccountAuditEntry;
}

/** Why a change was not written: the account moved on since it was read, it would remove the last admin, or the actor is no longer an active admin. */
export type StaffChangeRefusal = 'changed' | 'last_admin' | 'actor_not_admin';

/** Staff accounts for admins: the list, audited changes, and each account's audit trail. */
export interface StaffDirectory {
  /** Every account whose role is not patient, oldest first. */
  list(): Promise<Account[]>;
  apply(change: StaffChange): Promise<{ ok: true } | { ok: false; refusal: StaffChangeRefusal }>;
  /** An account's audit entries, oldest first. */
  audit(accountId: string): Promise<AccountAuditEntry[]>;
}

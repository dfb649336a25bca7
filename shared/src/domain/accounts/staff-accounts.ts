import type { Account, AccountState } from '../../schemas/auth.schema';

/** An account counts toward "at least one admin" only while it is an admin and not disabled. */
export function isActiveAdmin(account: Pick<Account, 'role' | 'status'>): boolean {
  return account.role === 'admin' && (account.status ?? 'active') === 'active';
}

/** The fields an admin's account change touches, with the status made explicit. */
export function accountStateOf(account: Account): AccountState {
  return {
    role: account.role,
    status: account.status ?? 'active',
    ...(account.institutionId ? { institutionId: account.institutionId } : {}),
    ...(account.specialty ? { specialty: account.specialty } : {}),
    ...(account.doctorId ? { doctorId: account.doctorId } : {}),
  };
}

/**
 * How an account change moves the set of active admins: an account that stops being an active admin
 * is removed (refused if it is the last), one that becomes an active admin is added.
 */
export function adminRosterChange(
  before: Pick<Account, 'role' | 'status'>,
  after: Pick<Account, 'role' | 'status'>,
): 'add' | 'remove' | 'none' {
  const was = isActiveAdmin(before);
  const is = isActiveAdmin(after);
  if (was && !is) return 'remove';
  if (!was && is) return 'add';
  return 'none';
}

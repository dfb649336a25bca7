import { randomUUID } from 'node:crypto';
import { toShanghaiIso, type Account, type AuthResponse, type Principal } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { TokenService } from '../../ports/token-service';

/** The token claims of an account. */
export function principalOf(account: Account): Principal {
  return {
    accountId: account.id,
    role: account.role,
    ...(account.institutionId ? { institutionId: account.institutionId } : {}),
    ...(account.specialty ? { specialty: account.specialty } : {}),
    ...(account.doctorId ? { doctorId: account.doctorId } : {}),
  };
}

/** Tokens plus the account, the contract's auth answer. */
export async function authResponseFor(tokens: TokenService, account: Account): Promise<AuthResponse> {
  return { ...(await tokens.issue(principalOf(account))), account };
}

/**
 * Finds or creates the account of a WeChat openid. New accounts are patients; staff roles come
 * only from an admin's invite (or the local dev login).
 */
export async function findOrCreateAccount(
  accounts: AccountStore,
  openid: string,
  now: Date,
): Promise<Account> {
  const existing = await accounts.findByOpenid(openid);
  if (existing) return existing;
  return accounts.createForOpenid(openid, {
    id: randomUUID(),
    role: 'patient',
    createdAt: toShanghaiIso(now),
  });
}

import { randomUUID } from 'node:crypto';
import { DomainError, toShanghaiIso, type Account, type AuthResponse, type Principal } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { AuthSessionStore } from '../../ports/auth-session-store';
import type { TokenService } from '../../ports/token-service';

/** What issuing a session needs: the token signer and the refresh-token families. */
export interface SessionPorts {
  tokens: TokenService;
  authSessions: AuthSessionStore;
}

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

/** A disabled account gets no tokens and no answers. */
export function assertActive(account: Account): void {
  if (account.status === 'disabled') throw new DomainError('ACCOUNT_DISABLED');
}

/**
 * Tokens plus the account, the contract's auth answer, as the first generation of a new
 * refresh-token family (a sign-in starts a family; a refresh continues one).
 */
export async function authResponseFor(
  ports: SessionPorts,
  account: Account,
  now: Date,
): Promise<AuthResponse> {
  assertActive(account);
  const familyId = randomUUID();
  const issued = await ports.tokens.issue(principalOf(account), { familyId, generation: 0 });
  await ports.authSessions.start({
    familyId,
    accountId: account.id,
    createdAt: toShanghaiIso(now),
    expiresAt: issued.refreshExpiresAt,
  });
  return { token: issued.token, expiresAt: issued.expiresAt, refreshToken: issued.refreshToken, account };
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

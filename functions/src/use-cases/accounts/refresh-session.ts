import { DomainError, toShanghaiIso, type AuthResponse } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import { assertActive, principalOf, type SessionPorts } from './sign-in';

/**
 * Swaps a refresh token for fresh tokens, rotating its family:
 * 1. Verify the refresh token (signature, expiry, family and generation).
 * 2. Re-read the account: unknown → UNAUTHENTICATED, disabled → ACCOUNT_DISABLED; a new role applies.
 * 3. Move the family from the token's generation to the next, conditionally, so of two refreshes with
 *    one token only one wins.
 * 4. A token of an older generation is a reused (stolen or replayed) token: revoke the whole family,
 *    so the newer token is refused too, and answer SESSION_REVOKED. A revoked or unknown family is
 *    SESSION_REVOKED as well.
 * 5. Issue the next generation's tokens.
 */
export async function refreshSession(
  ports: SessionPorts & { accounts: AccountStore },
  refreshToken: string,
  now: Date,
): Promise<AuthResponse> {
  const claims = await ports.tokens.verifyRefresh(refreshToken);
  const account = await ports.accounts.get(claims.accountId);
  if (!account) throw new DomainError('UNAUTHENTICATED');
  assertActive(account);
  const next = { familyId: claims.familyId, generation: claims.generation + 1 };
  const issued = await ports.tokens.issue(principalOf(account), next);
  const at = toShanghaiIso(now);
  const rotated = await ports.authSessions.rotate({
    familyId: claims.familyId,
    accountId: account.id,
    generation: claims.generation,
    at,
    expiresAt: issued.refreshExpiresAt,
  });
  if (!rotated.ok) {
    if (rotated.refusal === 'stale') await ports.authSessions.revoke(claims.familyId, at);
    throw new DomainError('SESSION_REVOKED');
  }
  return { token: issued.token, expiresAt: issued.expiresAt, refreshToken: issued.refreshToken, account };
}

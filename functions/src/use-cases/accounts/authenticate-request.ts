import { DomainError, type Principal } from '@jiuyi/shared';
import type { AccountReader } from '../../ports/account-reader';
import type { TokenService } from '../../ports/token-service';
import { assertActive, principalOf } from './sign-in';

/**
 * Who is calling, as the account is now:
 * 1. Verify the access token (signature, `exp`, at most 15 minutes old, `accountId` = `sub`).
 * 2. Read the account, from the per-function cache when that copy is at most 60 s old and was read
 *    after the token was issued (a token minted after a role change is never judged by an older copy).
 * 3. Unknown account → UNAUTHENTICATED; disabled → ACCOUNT_DISABLED.
 * 4. The principal comes from the account, not the token's claims, so a role an admin changed
 *    applies to tokens already issued within the cache's 60 s.
 */
export async function authenticateRequest(
  ports: { tokens: TokenService; accountReader: AccountReader },
  token: string,
): Promise<Principal> {
  const claims = await ports.tokens.verify(token);
  // iat has whole seconds: a copy read within the token's own second may predate the change it carries.
  const notBefore = new Date(claims.issuedAt.getTime() + 1000);
  const account = await ports.accountReader.read(claims.accountId, notBefore);
  if (!account) throw new DomainError('UNAUTHENTICATED');
  assertActive(account);
  return principalOf(account);
}

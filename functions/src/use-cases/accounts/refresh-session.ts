import { DomainError, type AuthResponse } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { TokenService } from '../../ports/token-service';
import { authResponseFor } from './sign-in';

/** Swaps a valid refresh token for fresh tokens, re-reading the account so a new role takes effect. */
export async function refreshSession(
  ports: { accounts: AccountStore; tokens: TokenService },
  refreshToken: string,
): Promise<AuthResponse> {
  const accountId = await ports.tokens.verifyRefresh(refreshToken);
  const account = await ports.accounts.get(accountId);
  if (!account) throw new DomainError('UNAUTHENTICATED');
  return authResponseFor(ports.tokens, account);
}

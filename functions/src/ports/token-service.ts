import type { Principal } from '@jiuyi/shared';

export interface IssuedTokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
}

/** Issues and verifies short-lived session tokens and the longer-lived refresh token. */
export interface TokenService {
  issue(principal: Principal): Promise<IssuedTokens>;
  /** Returns the principal, or throws `DomainError('UNAUTHENTICATED' | 'TOKEN_EXPIRED')`. */
  verify(token: string): Promise<Principal>;
  /** Returns the account id a refresh token was issued to, or throws `DomainError('UNAUTHENTICATED')`. */
  verifyRefresh(refreshToken: string): Promise<string>;
}

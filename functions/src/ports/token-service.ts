import type { Principal } from '@jiuyi/shared';

export interface IssuedTokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
  /** When the refresh token expires (the family item's TTL). */
  refreshExpiresAt: string;
}

/** Which refresh-token family a token pair belongs to, and its place in the rotation. */
export interface SessionRef {
  familyId: string;
  generation: number;
}

/** What a verified refresh token names: the account, its family and generation. */
export interface RefreshClaims extends SessionRef {
  accountId: string;
}

/** A verified access token: who the bearer is, and when the token was issued. */
export type AccessClaims = Principal & { issuedAt: Date };

/** Issues and verifies short-lived access tokens and the rotating refresh tokens. */
export interface TokenService {
  issue(principal: Principal, session: SessionRef): Promise<IssuedTokens>;
  /**
   * The claims of a valid access token, or throws `DomainError('UNAUTHENTICATED' | 'TOKEN_EXPIRED')`.
   * The claims are not authority on their own: the caller checks them against the account.
   */
  verify(token: string): Promise<AccessClaims>;
  /** The claims of a valid refresh token, or throws `DomainError('UNAUTHENTICATED')`. */
  verifyRefresh(refreshToken: string): Promise<RefreshClaims>;
}

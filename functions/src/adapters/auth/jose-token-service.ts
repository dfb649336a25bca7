import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { z } from 'zod';
import { DomainError, principalSchema, toShanghaiIso } from '@jiuyi/shared';
import type { TokenService } from '../../ports/token-service';

const ISSUER = 'jiuyi';
const AUDIENCE = 'jiuyi-miniprogram';
const REFRESH_AUDIENCE = 'jiuyi-refresh';

export interface TokenLifetimes {
  accessSeconds: number;
  refreshSeconds: number;
}

/** Access tokens live 15 minutes at most (issue 10 item 7); refresh tokens 30 days, rotating on each use. */
export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = {
  accessSeconds: 15 * 60,
  refreshSeconds: 30 * 86_400,
};

const refreshClaimsSchema = z.object({
  sub: z.string().min(1),
  fid: z.string().min(1),
  gen: z.number().int().min(0),
});

/**
 * HS256 tokens. The access token carries the principal, but a request is authorised by the account
 * as it is now (authenticate-request.ts), so the claims only say who the bearer is. A token without
 * `exp`, older than the access lifetime, or whose `accountId` is not its `sub` is refused.
 */
export function createJoseTokenService(
  secret: string,
  lifetimes: TokenLifetimes = DEFAULT_TOKEN_LIFETIMES,
  now: () => Date = () => new Date(),
): TokenService {
  const key = new TextEncoder().encode(secret);

  async function sign(claims: Record<string, unknown>, subject: string, audience: string, ttl: number) {
    const issuedAt = Math.floor(now().getTime() / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttl)
      .sign(key);
    return { token, expiresAt: toShanghaiIso(new Date((issuedAt + ttl) * 1000)) };
  }

  async function check(token: string, audience: string, maxAgeSeconds: number): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience,
        algorithms: ['HS256'],
        currentDate: now(),
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: maxAgeSeconds,
      });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new DomainError('TOKEN_EXPIRED');
      throw new DomainError('UNAUTHENTICATED');
    }
  }

  return {
    async issue(principal, session) {
      const access = await sign(
        { ...principal, sid: session.familyId },
        principal.accountId,
        AUDIENCE,
        lifetimes.accessSeconds,
      );
      const refresh = await sign(
        { fid: session.familyId, gen: session.generation },
        principal.accountId,
        REFRESH_AUDIENCE,
        lifetimes.refreshSeconds,
      );
      return {
        token: access.token,
        expiresAt: access.expiresAt,
        refreshToken: refresh.token,
        refreshExpiresAt: refresh.expiresAt,
      };
    },
    async verify(token) {
      const payload = await check(token, AUDIENCE, lifetimes.accessSeconds);
      const parsed = principalSchema.safeParse(payload);
      if (!parsed.success || parsed.data.accountId !== payload.sub) throw new DomainError('UNAUTHENTICATED');
      return { ...parsed.data, issuedAt: new Date((payload.iat ?? 0) * 1000) };
    },
    async verifyRefresh(refreshToken) {
      const payload = await check(refreshToken, REFRESH_AUDIENCE, lifetimes.refreshSeconds).catch(() => {
        throw new DomainError('UNAUTHENTICATED');
      });
      const parsed = refreshClaimsSchema.safeParse(payload);
      if (!parsed.success) throw new DomainError('UNAUTHENTICATED');
      return { accountId: parsed.data.sub, familyId: parsed.data.fid, generation: parsed.data.gen };
    },
  };
}

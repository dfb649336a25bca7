import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { DomainError, principalSchema, toShanghaiIso } from '@jiuyi/shared';
import type { TokenService } from '../../ports/token-service';

const ISSUER = 'jiuyi';
const AUDIENCE = 'jiuyi-miniprogram';
const REFRESH_AUDIENCE = 'jiuyi-refresh';

export interface TokenLifetimes {
  accessSeconds: number;
  refreshSeconds: number;
}

/**
 * HS256 tokens. The access token carries the role so every request is authorised without a read;
 * it lives two hours, so a role change (an invite redeemed) reaches old tokens within that time.
 */
export function createJoseTokenService(
  secret: string,
  lifetimes: TokenLifetimes = { accessSeconds: 2 * 60 * 60, refreshSeconds: 30 * 24 * 60 * 60 },
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

  async function check(token: string, audience: string) {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience,
        algorithms: ['HS256'],
        currentDate: now(),
      });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new DomainError('TOKEN_EXPIRED');
      throw new DomainError('UNAUTHENTICATED');
    }
  }

  return {
    async issue(principal) {
      const access = await sign({ ...principal }, principal.accountId, AUDIENCE, lifetimes.accessSeconds);
      const refresh = await sign({}, principal.accountId, REFRESH_AUDIENCE, lifetimes.refreshSeconds);
      return { token: access.token, expiresAt: access.expiresAt, refreshToken: refresh.token };
    },
    async verify(token) {
      const parsed = principalSchema.safeParse(await check(token, AUDIENCE));
      if (!parsed.success) throw new DomainError('UNAUTHENTICATED');
      return parsed.data;
    },
    async verifyRefresh(refreshToken) {
      const payload = await check(refreshToken, REFRESH_AUDIENCE).catch(() => {
        throw new DomainError('UNAUTHENTICATED');
      });
      if (!payload.sub) throw new DomainError('UNAUTHENTICATED');
      return payload.sub;
    },
  };
}

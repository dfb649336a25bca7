import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from '@jiuyi/shared';
import type { CheckInCodes } from '../../ports/check-in-codes';

const ISSUER = 'jiuyi';
const AUDIENCE = 'jiuyi-check-in';
/** Long enough to walk to the desk; the page refreshes the code well before it runs out. */
export const CHECK_IN_CODE_SECONDS = 5 * 60;

/**
 * HS256 codes for check-in QR codes. The key is derived from the session-token secret with its own
 * label, so a check-in code can never pass as a session token (or the reverse), even if the
 * audience check were dropped one day.
 */
export function createJoseCheckInCodes(
  secret: string,
  lifetimeSeconds = CHECK_IN_CODE_SECONDS,
): CheckInCodes {
  const key = createHmac('sha256', secret).update('jiuyi check-in codes v1').digest();
  return {
    async issue(claims, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({ acc: claims.accountId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.appointmentId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + lifetimeSeconds)
        .sign(key);
      return { token, expiresAt: new Date((issuedAt + lifetimeSeconds) * 1000) };
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: now,
        });
        if (typeof payload.acc !== 'string' || !payload.sub) throw new DomainError('CHECK_IN_CODE_INVALID');
        return { accountId: payload.acc, appointmentId: payload.sub };
      } catch {
        throw new DomainError('CHECK_IN_CODE_INVALID');
      }
    },
  };
}

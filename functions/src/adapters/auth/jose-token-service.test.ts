import { SignJWT } from 'jose';
import { createJoseTokenService, DEFAULT_TOKEN_LIFETIMES } from './jose-token-service';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const NOW = new Date('2026-03-10T08:00:00+08:00');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const PRINCIPAL = { accountId: 'acc-1', role: 'admin' } as const;
const SESSION = { familyId: 'family-1', generation: 3 };

/** A token signed with our key and claims chosen by the test, as an attacker holding a leaked key might. */
async function forge(
  claims: Record<string, unknown>,
  options: { sub?: string; exp?: number; audience?: string; secret?: string } = {},
): Promise<string> {
  const issuedAt = Math.floor(NOW.getTime() / 1000);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('jiuyi')
    .setAudience(options.audience ?? 'jiuyi-miniprogram')
    .setIssuedAt(issuedAt);
  if (options.sub) jwt = jwt.setSubject(options.sub);
  if (options.exp !== undefined) jwt = jwt.setExpirationTime(issuedAt + options.exp);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

describe('jose token service on a fixed clock', () => {
  it('access tokens live 15 minutes: valid just before, TOKEN_EXPIRED at the expiry', async () => {
    // Prepare
    const issued = await createJoseTokenService(SECRET, undefined, () => NOW).issue(PRINCIPAL, SESSION);
    const verifyAt = (seconds: number) =>
      createJoseTokenService(SECRET, undefined, () => at(seconds)).verify(issued.token);
    // Act / Assess
    expect(DEFAULT_TOKEN_LIFETIMES.accessSeconds).toBe(900);
    expect(issued.expiresAt).toBe('2026-03-10T08:15:00.000+08:00');
    await expect(verifyAt(15 * 60 - 1)).resolves.toEqual({ ...PRINCIPAL, issuedAt: NOW });
    await expect(verifyAt(15 * 60)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token without exp', async () => {
    // Prepare
    const token = await forge({ ...PRINCIPAL }, { sub: 'acc-1' });
    // Act
    const verified = createJoseTokenService(SECRET, undefined, () => NOW).verify(token);
    // Assess
    await expect(verified).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token that would live longer than 15 minutes, even before its exp', async () => {
    // Prepare: a two-hour token, as the service issued before this change
    const token = await forge({ ...PRINCIPAL }, { sub: 'acc-1', exp: 2 * 3600 });
    // Act
    const verified = createJoseTokenService(SECRET, undefined, () => at(16 * 60)).verify(token);
    // Assess: expired by age, so the client refreshes rather than trusting the far exp
    await expect(verified).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token whose accountId is not its sub, and one without sub', async () => {
    // Prepare
    const mismatched = await forge({ ...PRINCIPAL }, { sub: 'acc-2', exp: 600 });
    const noSubject = await forge({ ...PRINCIPAL }, { exp: 600 });
    const service = createJoseTokenService(SECRET, undefined, () => NOW);
    // Act / Assess
    await expect(service.verify(mismatched)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(service.verify(noSubject)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token signed with another key, a tampered one, and a refresh token used as access', async () => {
    // Prepare
    const service = createJoseTokenService(SECRET, undefined, () => NOW);
    const issued = await service.issue({ accountId: 'acc-1', role: 'patient' }, SESSION);
    const otherKey = await forge({ ...PRINCIPAL }, { sub: 'acc-1', exp: 600, secret: `${SECRET}-other` });
    const [head, body, signature] = issued.token.split('.');
    const elevated = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    // Act / Assess
    for (const bad of [otherKey, `${head}.${elevated}.${signature}`, issued.refreshToken, 'not-a-jwt']) {
      await expect(service.verify(bad)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('a refresh token names its account, family and generation; an access token is not a refresh token', async () => {
    // Prepare
    const service = createJoseTokenService(SECRET, undefined, () => NOW);
    const issued = await service.issue(PRINCIPAL, SESSION);
    const noFamily = await forge({}, { sub: 'acc-1', exp: 600, audience: 'jiuyi-refresh' });
    // Act
    const claims = await service.verifyRefresh(issued.refreshToken);
    // Assess
    expect(claims).toEqual({ accountId: 'acc-1', familyId: 'family-1', generation: 3 });
    await expect(service.verifyRefresh(issued.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(service.verifyRefresh(noFamily)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a refresh token expires after 30 days', async () => {
    // Prepare
    const issued = await createJoseTokenService(SECRET, undefined, () => NOW).issue(PRINCIPAL, SESSION);
    // Act
    const late = createJoseTokenService(SECRET, undefined, () => at(30 * 86_400)).verifyRefresh(
      issued.refreshToken,
    );
    // Assess
    await expect(late).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

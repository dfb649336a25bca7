import { createJoseCheckInCodes } from './jose-check-in-codes';
import { createJoseTokenService } from '../../adapters/auth/jose-token-service';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const NOW = new Date('2026-03-10T00:00:00Z');
const claims = { accountId: 'acc-1', appointmentId: '00000000-0000-4000-8000-000000000001' };

describe('check-in codes', () => {
  it('round-trips the claims until the code expires, and not a millisecond later', async () => {
    // Prepare
    const codes = createJoseCheckInCodes(SECRET, 300);
    // Act
    const { token, expiresAt } = await codes.issue(claims, NOW);
    // Assess
    expect(expiresAt.toISOString()).toBe('2026-03-10T00:05:00.000Z');
    await expect(codes.verify(token, new Date(NOW.getTime() + 299_000))).resolves.toEqual(claims);
    await expect(codes.verify(token, expiresAt)).rejects.toMatchObject({ code: 'CHECK_IN_CODE_INVALID' });
  });

  it('refuses a tampered code, one signed with another secret, and a session token', async () => {
    // Prepare
    const codes = createJoseCheckInCodes(SECRET);
    const { token } = await codes.issue(claims, NOW);
    const other = await createJoseCheckInCodes(`${SECRET}-other`).issue(claims, NOW);
    const session = await createJoseTokenService(SECRET, undefined, () => NOW).issue(
      { accountId: 'acc-1', role: 'patient' },
      { familyId: 'family-1', generation: 0 },
    );
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    // Act / Assess
    for (const bad of [tampered, other.token, session.token, 'not-a-jwt']) {
      await expect(codes.verify(bad, NOW)).rejects.toMatchObject({ code: 'CHECK_IN_CODE_INVALID' });
    }
  });
});

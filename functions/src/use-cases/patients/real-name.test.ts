import { DomainError } from '@jiuyi/shared';
import type { RealNameCheck } from '../../ports/real-name-verifier';
import { firstRealNameState, isCheckableOnline, nextCheckDelayMs } from './real-name';

const NOW = new Date('2025-10-13T01:00:00Z');
const answering = (answer: RealNameCheck | Error) => ({
  check: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)),
});
const resident = { name: '张三', idType: 'resident_id' as const, idNumber: '110101199003071110' };

describe('firstRealNameState', () => {
  it('maps each answer of the service to the state a new profile starts in', async () => {
    await expect(firstRealNameState(answering('match'), resident, NOW)).resolves.toEqual({
      status: 'verified',
      at: '2025-10-13T09:00:00.000+08:00',
      by: 'service',
    });
    await expect(firstRealNameState(answering('no_record'), resident, NOW)).resolves.toEqual({
      status: 'desk_required',
    });
    await expect(firstRealNameState(answering('unavailable'), resident, NOW)).resolves.toEqual({
      status: 'pending',
      checks: 1,
      nextCheckAt: '2025-10-13T09:05:00.000+08:00',
    });
  });

  it('refuses a mismatch, and treats a verifier that throws as one that could not answer', async () => {
    await expect(firstRealNameState(answering('mismatch'), resident, NOW)).rejects.toEqual(
      new DomainError('REAL_NAME_MISMATCH'),
    );
    await expect(firstRealNameState(answering(new Error('socket')), resident, NOW)).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('never sends passports or travel permits to the service', async () => {
    const verifier = { check: jest.fn(() => Promise.resolve<RealNameCheck>('match')) };
    for (const idType of ['passport', 'hk_macau_permit', 'taiwan_permit'] as const) {
      expect(isCheckableOnline(idType)).toBe(false);
      await expect(firstRealNameState(verifier, { ...resident, idType }, NOW)).resolves.toEqual({
        status: 'desk_required',
      });
    }
    expect(verifier.check).not.toHaveBeenCalled();
    expect(isCheckableOnline('social_security_card')).toBe(true);
  });
});

describe('nextCheckDelayMs', () => {
  it('waits 5 minutes, doubling, at most 6 hours', () => {
    expect([1, 2, 3, 4].map(nextCheckDelayMs)).toEqual([300_000, 600_000, 1_200_000, 2_400_000]);
    expect(nextCheckDelayMs(20)).toBe(6 * 3_600_000);
  });
});

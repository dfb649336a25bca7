import fc from 'fast-check';
import { splitQuota } from './quota';

describe('splitQuota', () => {
  it('applies the demo policy to a 30-number session', () => {
    expect(splitQuota(30)).toEqual({ onSite: 6, referral: 3, online: 21 });
  });

  it('keeps one on-site number even in a tiny session', () => {
    expect(splitQuota(1)).toEqual({ onSite: 1, referral: 0, online: 0 });
    expect(splitQuota(4)).toEqual({ onSite: 1, referral: 0, online: 3 });
  });

  it('rounds the on-site reserve up and the referral reserve down', () => {
    expect(splitQuota(11)).toEqual({ onSite: 3, referral: 1, online: 7 });
  });

  it('gives nothing to anyone when there are no numbers', () => {
    expect(splitQuota(0)).toEqual({ onSite: 0, referral: 0, online: 0 });
  });

  it('honours zero reserves', () => {
    expect(splitQuota(10, { onSiteReservePercent: 0, referralReservePercent: 0 })).toEqual({
      onSite: 0,
      referral: 0,
      online: 10,
    });
  });

  it.each([
    [-1, 20, 10],
    [2.5, 20, 10],
    [10, 101, 0],
    [10, 60, 50],
    [10, -5, 10],
    [10, 12.5, 10],
  ])('rejects capacity %s with reserves %s%% / %s%%', (capacity, onSite, referral) => {
    expect(() =>
      splitQuota(capacity, { onSiteReservePercent: onSite, referralReservePercent: referral }),
    ).toThrow(RangeError);
  });

  it('always sums to capacity with no negative part and a non-zero elderly reserve', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (capacity, onSitePct, referralPct) => {
          fc.pre(onSitePct + referralPct <= 100);

          // Act
          const split = splitQuota(capacity, {
            onSiteReservePercent: onSitePct,
            referralReservePercent: referralPct,
          });

          // Assess
          expect(split.onSite + split.referral + split.online).toBe(capacity);
          expect(Math.min(split.onSite, split.referral, split.online)).toBeGreaterThanOrEqual(0);
          if (capacity > 0 && onSitePct > 0) expect(split.onSite).toBeGreaterThanOrEqual(1);
          expect(split.onSite).toBeGreaterThanOrEqual((capacity * onSitePct) / 100);
        },
      ),
    );
  });
});

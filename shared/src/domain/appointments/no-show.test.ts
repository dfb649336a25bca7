import { DAY_MS } from '../calendar/shanghai-time';
import type { DomainError } from '../../errors';
import { assertNotBlockedByNoShows, noShowBlock, noShowLookbackMs } from './no-show';

const NOW = new Date('2026-06-01T02:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe('noShowBlock', () => {
  it('does not block with fewer no-shows than the threshold', () => {
    expect(noShowBlock([daysBefore(1), daysBefore(2)], NOW)).toEqual({ blocked: false });
    expect(noShowBlock([], NOW)).toEqual({ blocked: false });
  });

  it('blocks for 90 days from the third no-show within 90 days', () => {
    // Prepare
    const third = daysBefore(10);

    // Act
    const result = noShowBlock([daysBefore(80), daysBefore(40), third], NOW);

    // Assess
    expect(result).toEqual({ blocked: true, liftsAt: new Date(third.getTime() + 90 * DAY_MS) });
  });

  it('does not count no-shows spread over 90 days or more', () => {
    // Prepare: first and third exactly 90 days apart.
    const exactlyNinety = [daysBefore(95), daysBefore(50), daysBefore(5)];
    const justInside = [new Date(daysBefore(95).getTime() + 1), daysBefore(50), daysBefore(5)];

    // Act / Assess
    expect(noShowBlock(exactlyNinety, NOW)).toEqual({ blocked: false });
    expect(noShowBlock(justInside, NOW)).toMatchObject({ blocked: true });
  });

  it('lifts the block exactly blockDays after the trigger', () => {
    // Prepare
    const dates = [daysBefore(92), daysBefore(91), daysBefore(90)];
    const liftsAt = NOW;

    // Act / Assess
    expect(noShowBlock(dates, new Date(liftsAt.getTime() - 1))).toEqual({ blocked: true, liftsAt });
    expect(noShowBlock(dates, liftsAt)).toEqual({ blocked: false });
  });

  it('extends to the latest trigger when a fourth no-show falls inside the window', () => {
    expect(noShowBlock([daysBefore(60), daysBefore(50), daysBefore(40), daysBefore(20)], NOW)).toEqual({
      blocked: true,
      liftsAt: new Date(daysBefore(20).getTime() + 90 * DAY_MS),
    });
  });

  it('ignores order of input and no-shows recorded after now', () => {
    const tomorrow = new Date(NOW.getTime() + DAY_MS);
    expect(noShowBlock([daysBefore(1), tomorrow, daysBefore(2)], NOW)).toEqual({ blocked: false });
    expect(noShowBlock([daysBefore(1), daysBefore(3), daysBefore(2)], NOW)).toMatchObject({ blocked: true });
  });

  it('follows a custom policy', () => {
    // Prepare
    const policy = { threshold: 1, windowDays: 1, blockDays: 7 };

    // Act / Assess
    expect(noShowBlock([daysBefore(6)], NOW, policy)).toMatchObject({ blocked: true });
    expect(noShowBlock([daysBefore(7)], NOW, policy)).toEqual({ blocked: false });
  });

  it('rejects a policy that makes no sense', () => {
    expect(() => noShowBlock([], NOW, { threshold: 0, windowDays: 90, blockDays: 90 })).toThrow(RangeError);
    expect(() => noShowBlock([], NOW, { threshold: 3, windowDays: 0, blockDays: 90 })).toThrow(RangeError);
  });
});

describe('assertNotBlockedByNoShows', () => {
  it('passes with two no-shows and refuses the third with the lift date in message and details', () => {
    // Prepare: the third no-show at 11:30 Shanghai on 2026-05-20.
    const third = new Date('2026-05-20T03:30:00Z');
    const dates = [daysBefore(60), daysBefore(30)];
    // Act / Assess
    expect(() => assertNotBlockedByNoShows(dates, NOW)).not.toThrow();
    const attempt = () => assertNotBlockedByNoShows([...dates, third], NOW);
    expect(attempt).toThrow(expect.objectContaining({ code: 'BOOKING_BLOCKED_NO_SHOW' }));
    expect(attempt).toThrow('网上预约暂停至 2026-08-18 11:30');
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).details).toEqual({
        liftsAt: '2026-08-18T11:30:00.000+08:00',
        liftsOn: '2026-08-18',
        threshold: 3,
      });
    }
  });

  it('looks back far enough for a block that started at the edge of the window', () => {
    expect(noShowLookbackMs()).toBe(180 * DAY_MS);
    expect(noShowLookbackMs({ threshold: 2, windowDays: 30, blockDays: 7 })).toBe(37 * DAY_MS);
  });
});

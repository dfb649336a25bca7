import { startedClock } from './started-clock';

describe('startedClock', () => {
  it('starts at the given instant and then advances with the host clock', () => {
    // Prepare: a host clock under the test's control.
    let host = Date.parse('2026-12-06T20:00:00Z');
    const clock = startedClock(new Date('2026-12-07T09:00:00+08:00'), () => host);

    // Act
    const first = clock().toISOString();
    host += 90_000;
    const later = clock().toISOString();

    // Assess
    expect(first).toBe('2026-12-07T01:00:00.000Z');
    expect(later).toBe('2026-12-07T01:01:30.000Z');
  });

  it('refuses an invalid start', () => {
    expect(() => startedClock(new Date('not a date'), () => 0)).toThrow(RangeError);
  });
});

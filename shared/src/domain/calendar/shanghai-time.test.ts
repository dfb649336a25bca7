import fc from 'fast-check';
import {
  addDays,
  atShanghai,
  daysBetween,
  formatMinutes,
  isDateString,
  minutesOfDay,
  shanghaiDate,
  shanghaiTime,
  toShanghaiIso,
} from './shanghai-time';

describe('shanghaiDate / shanghaiTime', () => {
  it('rolls over to the next day at 16:00 UTC', () => {
    // Prepare
    const lastUtcMinuteOfShanghaiDay = new Date('2026-01-01T15:59:59.999Z');
    const firstInstantOfNextDay = new Date('2026-01-01T16:00:00.000Z');

    // Act / Assess
    expect(shanghaiDate(lastUtcMinuteOfShanghaiDay)).toBe('2026-01-01');
    expect(shanghaiTime(lastUtcMinuteOfShanghaiDay)).toBe('23:59');
    expect(shanghaiDate(firstInstantOfNextDay)).toBe('2026-01-02');
    expect(shanghaiTime(firstInstantOfNextDay)).toBe('00:00');
  });

  it('crosses the year boundary on Shanghai time, not UTC', () => {
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});

describe('atShanghai', () => {
  it('returns the UTC instant eight hours earlier than the wall clock', () => {
    // Act
    const opening = atShanghai('2026-03-10', '08:00');

    // Assess
    expect(opening.toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  it('maps early-morning Shanghai times to the previous UTC day', () => {
    expect(atShanghai('2026-03-01', '07:59').toISOString()).toBe('2026-02-28T23:59:00.000Z');
  });

  it.each([
    ['2026-02-29', '08:00'],
    ['2026-13-01', '08:00'],
    ['2026-1-1', '08:00'],
    ['2026-03-10', '24:00'],
    ['2026-03-10', '8:00'],
    ['2026-03-10', '08:60'],
  ])('rejects %s %s', (date, time) => {
    expect(() => atShanghai(date, time)).toThrow(RangeError);
  });

  it('round-trips with shanghaiDate and shanghaiTime for any minute of any day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const minute = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
          expect(atShanghai(shanghaiDate(minute), shanghaiTime(minute)).getTime()).toBe(minute.getTime());
        },
      ),
    );
  });
});

describe('toShanghaiIso', () => {
  it('writes the +08:00 offset with milliseconds', () => {
    expect(toShanghaiIso(new Date('2026-05-01T00:00:00.120Z'))).toBe('2026-05-01T08:00:00.120+08:00');
  });

  it('names the same instant that Date parses back', () => {
    // Prepare
    const instant = new Date('2026-12-31T23:15:00Z');

    // Act
    const iso = toShanghaiIso(instant);

    // Assess
    expect(iso).toBe('2027-01-01T07:15:00.000+08:00');
    expect(new Date(iso).getTime()).toBe(instant.getTime());
  });

  it('rejects an invalid Date', () => {
    expect(() => toShanghaiIso(new Date('nope'))).toThrow(RangeError);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-03', -7)).toBe('2025-12-27');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-03')).toBe(-7);
  });

  it('validates date strings strictly', () => {
    expect(isDateString('2024-02-29')).toBe(true);
    expect(isDateString('2023-02-29')).toBe(false);
    expect(isDateString('2026-04-31')).toBe(false);
    expect(isDateString('20260401')).toBe(false);
  });

  it('converts between HH:mm and minutes', () => {
    expect(minutesOfDay('16:30')).toBe(990);
    expect(formatMinutes(990)).toBe('16:30');
    expect(formatMinutes(0)).toBe('00:00');
    expect(() => formatMinutes(1440)).toThrow(RangeError);
  });
});

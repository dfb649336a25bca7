import fc from 'fast-check';
import { addDays, shanghaiDate } from './shanghai-time';
import { addWorkingDays, holidayDataCoversYear, isWorkingDay, workingDaysBetween } from './working-days';

// The year this code was written in. The calendar library carries holiday data only through
// the latest published arrangement, so the coverage tests below are the yearly reminder.
const FIXED_CURRENT_YEAR = 2026;

describe('holiday data coverage', () => {
  it(`covers the fixed current year ${FIXED_CURRENT_YEAR}`, () => {
    expect(holidayDataCoversYear(FIXED_CURRENT_YEAR)).toBe(true);
  });

  it('covers the year the test suite runs in (bump chinese-days when this fails)', () => {
    // Prepare: reading the real clock is the point here; this test must start failing on the
    // first of January if nobody has shipped the new year's State Council arrangement.
    const runningYear = Number(shanghaiDate(new Date()).slice(0, 4));

    // Act / Assess
    expect({ year: runningYear, covered: holidayDataCoversYear(runningYear) }).toEqual({
      year: runningYear,
      covered: true,
    });
  });

  it('reports a year without a published arrangement as not covered', () => {
    expect(holidayDataCoversYear(2003)).toBe(false);
    expect(holidayDataCoversYear(Number.NaN)).toBe(false);
  });
});

describe('a year whose arrangement is not published yet', () => {
  it('still keeps the holidays the law fixes by date, and guesses Monday–Friday otherwise', () => {
    // 2031 is far beyond any bundled arrangement; 1 January 2031 is a Wednesday.
    expect(holidayDataCoversYear(2031)).toBe(false);
    expect(['2031-01-01', '2031-05-01', '2031-05-02', '2031-10-01', '2031-10-03'].map(isWorkingDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isWorkingDay('2031-01-02')).toBe(true);
    expect(isWorkingDay('2031-01-04')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-01', false, 'National Day (Thursday)'],
    ['2026-10-07', false, 'last day of the National Day break (Wednesday)'],
    ['2026-10-08', true, 'first day back (Thursday)'],
    ['2026-10-10', true, 'make-up working Saturday (调休)'],
    ['2026-09-20', true, 'make-up working Sunday (调休)'],
    ['2026-02-16', false, 'Spring Festival (Monday)'],
    ['2026-02-28', true, 'make-up working Saturday after Spring Festival'],
    ['2026-01-04', true, 'make-up working Sunday after New Year'],
    ['2026-03-10', true, 'ordinary Tuesday'],
    ['2026-03-14', false, 'ordinary Saturday'],
    ['2026-03-15', false, 'ordinary Sunday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips a weekend: 3 working days after a Friday is the next Wednesday', () => {
    expect(addWorkingDays('2026-03-13', 3)).toBe('2026-03-18');
  });

  it('skips the National Day break and counts the make-up Saturday', () => {
    // Prepare: discharged Wednesday 30 September; 1–7 October off, 8–10 October working.
    const discharge = '2026-09-30';

    // Act
    const onSiteReady = addWorkingDays(discharge, 3);
    const surgicalReady = addWorkingDays(discharge, 7);

    // Assess
    expect(onSiteReady).toBe('2026-10-10');
    expect(surgicalReady).toBe('2026-10-15');
  });

  it('counts from a holiday as from any other day', () => {
    expect(addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
  });

  it('walks backwards for negative n', () => {
    expect(addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
  });

  it.each([1.5, Number.NaN, 100_000])('rejects n = %s', (n) => {
    expect(() => addWorkingDays('2026-03-10', n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the half-open range (from, to]', () => {
    expect(workingDaysBetween('2026-03-13', '2026-03-18')).toBe(3);
    expect(workingDaysBetween('2026-03-13', '2026-03-13')).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
  });

  it('is negative when the range runs backwards', () => {
    expect(workingDaysBetween('2026-03-18', '2026-03-13')).toBe(-3);
  });

  it('inverts addWorkingDays for any start and count in the covered year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 0, max: 20 }), (offset, n) => {
        // Prepare
        const start = addDays('2026-01-01', offset);

        // Act
        const end = addWorkingDays(start, n);

        // Assess
        expect(workingDaysBetween(start, end)).toBe(n);
        if (n > 0) expect(isWorkingDay(end)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { addDays } from './shanghai-time';
import { publishedCalendar } from './test-support';
import {
  addWorkingDays,
  buildWorkingDayCalendar,
  isStatutoryHoliday,
  isWorkingDay,
  workingDayDeadline,
  workingDaysBetween,
  yearConfirmed,
} from './working-days';

const calendar = publishedCalendar;
const unconfirmed = buildWorkingDayCalendar([]);

describe('buildWorkingDayCalendar', () => {
  it('uses only confirmed years: an entered draft still counts as unpublished', () => {
    // Prepare
    const draft = buildWorkingDayCalendar([
      { year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-20'], confirmed: false },
    ]);

    // Act / Assess
    expect(yearConfirmed(draft, 2027)).toBe(false);
    expect(isWorkingDay(draft, '2027-02-08')).toBe(true);
    expect(isWorkingDay(draft, '2027-02-20')).toBe(false);
    expect(yearConfirmed(calendar, 2026)).toBe(true);
  });
});

describe('a year whose arrangement is not confirmed yet', () => {
  it('still keeps the holidays the law fixes by date, and guesses Monday–Friday otherwise', () => {
    // 1 January 2027 is a Friday; 2031-01-01 a Wednesday.
    expect(
      ['2027-01-01', '2031-01-01', '2031-05-01', '2031-05-02', '2031-10-01', '2031-10-03'].map((d) =>
        isWorkingDay(unconfirmed, d),
      ),
    ).toEqual([false, false, false, false, false, false]);
    expect(isWorkingDay(unconfirmed, '2031-01-02')).toBe(true);
    expect(isWorkingDay(unconfirmed, '2031-01-04')).toBe(false);
    expect(isStatutoryHoliday(unconfirmed, '2027-10-02')).toBe(true);
    expect(isStatutoryHoliday(unconfirmed, '2027-10-04')).toBe(false);
  });

  it('counts a deadline over the fixed-date holidays and marks it provisional', () => {
    // Prepare: Wednesday 30 December 2026, with 2027 not confirmed.
    const from = '2026-12-30';

    // Act
    const deadline = workingDayDeadline(calendar, from, 3);

    // Assess: 31 Dec (Thu) counts; 1 Jan 2027 (Fri) is the fixed New Year's Day; then 4 and 5 Jan.
    expect(deadline).toEqual({ date: '2027-01-05', provisional: true });
  });

  it('is not provisional when every counted day lies in a confirmed year', () => {
    expect(workingDayDeadline(calendar, '2026-09-30', 3)).toEqual({ date: '2026-10-10', provisional: false });
    expect(workingDayDeadline(calendar, '2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('looks at the counted days only: a deadline ending on 31 December is not held up by the next year', () => {
    expect(workingDayDeadline(calendar, '2026-12-28', 3).provisional).toBe(false);
    expect(workingDayDeadline(calendar, '2026-12-31', 0)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('counts backwards into an unconfirmed year as provisional too', () => {
    expect(workingDayDeadline(calendar, '2025-01-02', -2)).toEqual({ date: '2024-12-30', provisional: true });
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
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips a weekend: 3 working days after a Friday is the next Wednesday', () => {
    expect(addWorkingDays(calendar, '2026-03-13', 3)).toBe('2026-03-18');
  });

  it('skips the National Day break and counts the make-up Saturday', () => {
    // Prepare: discharged Wednesday 30 September; 1–7 October off, 8–10 October working.
    const discharge = '2026-09-30';

    // Act
    const onSiteReady = addWorkingDays(calendar, discharge, 3);
    const surgicalReady = addWorkingDays(calendar, discharge, 7);

    // Assess
    expect(onSiteReady).toBe('2026-10-10');
    expect(surgicalReady).toBe('2026-10-15');
  });

  it('counts from a holiday as from any other day', () => {
    expect(addWorkingDays(calendar, '2026-10-03', 1)).toBe('2026-10-08');
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(addWorkingDays(calendar, '2026-10-01', 0)).toBe('2026-10-01');
  });

  it('walks backwards for negative n', () => {
    expect(addWorkingDays(calendar, '2026-10-08', -1)).toBe('2026-09-30');
  });

  it.each([1.5, Number.NaN, 100_000])('rejects n = %s', (n) => {
    expect(() => addWorkingDays(calendar, '2026-03-10', n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the half-open range (from, to]', () => {
    expect(workingDaysBetween(calendar, '2026-03-13', '2026-03-18')).toBe(3);
    expect(workingDaysBetween(calendar, '2026-03-13', '2026-03-13')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-07')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-10')).toBe(3);
  });

  it('is negative when the range runs backwards', () => {
    expect(workingDaysBetween(calendar, '2026-03-18', '2026-03-13')).toBe(-3);
  });

  it('inverts addWorkingDays for any start and count in the covered year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 0, max: 20 }), (offset, n) => {
        // Prepare
        const start = addDays('2026-01-01', offset);

        // Act
        const end = addWorkingDays(calendar, start, n);

        // Assess
        expect(workingDaysBetween(calendar, start, end)).toBe(n);
        if (n > 0) expect(isWorkingDay(calendar, end)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

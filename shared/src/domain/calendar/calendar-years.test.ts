import { calendarWarning, calendarYearProblems } from './calendar-years';
import { PUBLISHED_YEARS } from './test-support';
import { buildWorkingDayCalendar } from './working-days';

const FIXED_2027 = ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03'];
const at = (iso: string) => new Date(iso);

describe('calendarYearProblems', () => {
  it('accepts a published arrangement as it stands', () => {
    for (const record of PUBLISHED_YEARS) expect(calendarYearProblems(record.year, record)).toEqual([]);
  });

  it('refuses dates outside the year, naming them', () => {
    // Act
    const problems = calendarYearProblems(2027, {
      holidays: [...FIXED_2027, '2026-12-31'],
      workdays: ['2028-01-08'],
      confirmed: true,
    });

    // Assess
    expect(problems).toEqual([{ code: 'CALENDAR_DATE_OUTSIDE_YEAR', dates: ['2026-12-31', '2028-01-08'] }]);
  });

  it('refuses a day that is both off and worked', () => {
    expect(
      calendarYearProblems(2027, {
        holidays: [...FIXED_2027, '2027-02-06'],
        workdays: ['2027-02-06'],
        confirmed: true,
      }),
    ).toEqual([{ code: 'CALENDAR_DAY_BOTH_OFF_AND_ON', dates: ['2027-02-06'] }]);
  });

  it('refuses a make-up working day on a weekday, which is worked anyway', () => {
    // 2027-02-08 is a Monday
    expect(
      calendarYearProblems(2027, { holidays: FIXED_2027, workdays: ['2027-02-08'], confirmed: false }),
    ).toEqual([{ code: 'CALENDAR_WORKDAY_NOT_WEEKEND', dates: ['2027-02-08'] }]);
  });

  it('refuses to confirm a year from 2025 on without the holidays the law fixes by date', () => {
    // Prepare
    const withoutMayDay = FIXED_2027.filter((d) => !d.startsWith('2027-05'));

    // Act
    const confirmed = calendarYearProblems(2027, { holidays: withoutMayDay, workdays: [], confirmed: true });
    const draft = calendarYearProblems(2027, { holidays: withoutMayDay, workdays: [], confirmed: false });

    // Assess: a draft may be incomplete; a confirmed year may not.
    expect(confirmed).toEqual([
      { code: 'CALENDAR_FIXED_HOLIDAY_MISSING', dates: ['2027-05-01', '2027-05-02'] },
    ]);
    expect(draft).toEqual([]);
  });
});

describe('calendarWarning on a fixed clock', () => {
  const through2027 = buildWorkingDayCalendar([
    ...PUBLISHED_YEARS,
    { year: 2027, holidays: FIXED_2027, workdays: [], confirmed: true },
  ]);

  it('warns from 1 November (Shanghai time) while next year is not confirmed', () => {
    // Act
    const warning = calendarWarning(through2027, at('2027-11-02T09:00:00+08:00'));

    // Assess
    expect(warning).toMatchObject({ year: 2028, reason: 'next_year_unconfirmed' });
    expect(warning?.message).toContain('2028年');
  });

  it('is silent on 31 October, and on 1 November only once Shanghai has reached it', () => {
    expect(calendarWarning(through2027, at('2027-10-31T23:59:00+08:00'))).toBeUndefined();
    expect(calendarWarning(through2027, at('2027-10-31T16:00:00Z'))).toMatchObject({ year: 2028 });
  });

  it('is silent once next year is confirmed', () => {
    // Prepare
    const through2028 = buildWorkingDayCalendar([
      ...PUBLISHED_YEARS,
      { year: 2027, holidays: FIXED_2027, workdays: [], confirmed: true },
      {
        year: 2028,
        holidays: FIXED_2027.map((d) => d.replace('2027', '2028')),
        workdays: [],
        confirmed: true,
      },
    ]);

    // Act / Assess
    expect(calendarWarning(through2028, at('2027-12-31T12:00:00+08:00'))).toBeUndefined();
  });

  it('warns all year when the running year itself is not confirmed (the old failing test, as a runtime warning)', () => {
    // Prepare: only the published 2025 and 2026 arrangements; the clock reads 2 January 2027.
    const calendar = buildWorkingDayCalendar(PUBLISHED_YEARS);

    // Act
    const warning = calendarWarning(calendar, at('2027-01-02T08:00:00+08:00'));

    // Assess
    expect(warning).toMatchObject({ year: 2027, reason: 'current_year_unconfirmed' });
    expect(calendarWarning(calendar, at('2026-12-07T09:00:00+08:00'))).toMatchObject({
      year: 2027,
      reason: 'next_year_unconfirmed',
    });
    expect(calendarWarning(calendar, at('2026-06-01T09:00:00+08:00'))).toBeUndefined();
  });
});

import { shanghaiDate } from './shanghai-time';
import type { DateString } from './shanghai-time';
import { FIXED_DATE_HOLIDAYS, isWeekend, yearConfirmed, type WorkingDayCalendar } from './working-days';

/**
 * The rules for a year's arrangement as the hospital enters it, and the warning that stands in
 * for a forgotten one: the State Council publishes next year's holidays in the autumn, so from
 * 1 November admins and records staff are told until the hospital has confirmed it.
 */

/** Years the hospital may enter: far enough back for corrections, far enough ahead for planning. */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2099;
/** The month (1–12, Asia/Shanghai) from which next year's missing arrangement is warned about. */
export const CALENDAR_WARNING_FROM_MONTH = 11;
/** The amended 全国年节及纪念日放假办法 (1–2 May as two fixed days) applies from this year on. */
const FIXED_HOLIDAYS_LAW_FROM_YEAR = 2025;

/** What is wrong with an entered arrangement; each names the dates at fault. */
export type CalendarYearProblem = {
  code:
    | 'CALENDAR_DATE_OUTSIDE_YEAR'
    | 'CALENDAR_DAY_BOTH_OFF_AND_ON'
    | 'CALENDAR_WORKDAY_NOT_WEEKEND'
    | 'CALENDAR_FIXED_HOLIDAY_MISSING';
  dates: DateString[];
};

export interface YearArrangement {
  holidays: readonly DateString[];
  workdays: readonly DateString[];
  confirmed: boolean;
}

/**
 * Checks an arrangement for `year` (its dates are real `YYYY-MM-DD` dates already):
 * 1. every date lies inside the year;
 * 2. no day is both off and worked;
 * 3. a make-up working day is a Saturday or Sunday (any other day is worked anyway);
 * 4. a confirmed year from 2025 on keeps the holidays the law fixes by date.
 */
export function calendarYearProblems(year: number, arrangement: YearArrangement): CalendarYearProblem[] {
  const problems: CalendarYearProblem[] = [];
  const add = (code: CalendarYearProblem['code'], dates: DateString[]) => {
    if (dates.length > 0) problems.push({ code, dates: [...new Set(dates)].sort() });
  };
  const prefix = `${year}-`;
  add(
    'CALENDAR_DATE_OUTSIDE_YEAR',
    [...arrangement.holidays, ...arrangement.workdays].filter((d) => !d.startsWith(prefix)),
  );
  const off = new Set(arrangement.holidays);
  add(
    'CALENDAR_DAY_BOTH_OFF_AND_ON',
    arrangement.workdays.filter((d) => off.has(d)),
  );
  add(
    'CALENDAR_WORKDAY_NOT_WEEKEND',
    arrangement.workdays.filter((d) => d.startsWith(prefix) && !isWeekend(d)),
  );
  if (arrangement.confirmed && year >= FIXED_HOLIDAYS_LAW_FROM_YEAR) {
    add(
      'CALENDAR_FIXED_HOLIDAY_MISSING',
      FIXED_DATE_HOLIDAYS.map((md) => `${year}-${md}`).filter((d) => !off.has(d)),
    );
  }
  return problems;
}

/** Why the calendar needs attention now, and what staff should do. */
export interface CalendarWarning {
  year: number;
  reason: 'current_year_unconfirmed' | 'next_year_unconfirmed';
  message: string;
}

/**
 * The warning due at `now`, if any:
 * 1. this year's arrangement is not confirmed: deadlines are being computed provisionally;
 * 2. from 1 November, next year's arrangement is not confirmed yet.
 */
export function calendarWarning(calendar: WorkingDayCalendar, now: Date): CalendarWarning | undefined {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  if (!yearConfirmed(calendar, year)) {
    return {
      year,
      reason: 'current_year_unconfirmed',
      message: `${year}年节假日安排尚未确认：工作日暂按法定固定假日（1月1日、5月1–2日、10月1–3日）计算，相关期限为暂定，请尽快录入并确认`,
    };
  }
  const month = Number(today.slice(5, 7));
  if (month >= CALENDAR_WARNING_FROM_MONTH && !yearConfirmed(calendar, year + 1)) {
    return {
      year: year + 1,
      reason: 'next_year_unconfirmed',
      message: `${year + 1}年节假日及调休安排尚未确认：请在国务院办公厅公布后录入并确认，否则${year + 1}年的期限只能暂定`,
    };
  }
  return undefined;
}

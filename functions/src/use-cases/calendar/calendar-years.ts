import {
  buildWorkingDayCalendar,
  calendarWarning,
  calendarYearProblems,
  DomainError,
  shanghaiDate,
  toShanghaiIso,
  type CalendarStatusResponse,
  type CalendarYear,
  type CalendarYearListResponse,
  type CalendarYearSummary,
  type PutCalendarYearBody,
  type WorkingDayCalendar,
} from '@jiuyi/shared';
import type { CalendarStore, StoredCalendarYear } from '../../ports/calendar-store';

export interface CalendarPorts {
  calendar: CalendarStore;
}

/** How many audited changes the year page shows. */
const HISTORY_LIMIT = 20;

/** The working-day calendar from the table: every deadline and materialisation counts with it. */
export async function loadWorkingDayCalendar(store: CalendarStore): Promise<WorkingDayCalendar> {
  return buildWorkingDayCalendar(await store.listYears());
}

function summaryOf(year: StoredCalendarYear): CalendarYearSummary {
  return {
    year: year.year,
    confirmed: year.confirmed,
    source: year.source,
    holidayCount: year.holidays.length,
    workdayCount: year.workdays.length,
    ...(year.updatedAt ? { updatedAt: year.updatedAt } : {}),
  };
}

const missingSummary = (year: number): CalendarYearSummary => ({
  year,
  confirmed: false,
  source: 'none',
  holidayCount: 0,
  workdayCount: 0,
});

/**
 * The calendar years for the admin page, newest first.
 * 1. Read every stored year.
 * 2. Add this year and next year as `none` when they are missing, so the page offers to enter them.
 * 3. Attach the warning due now (from 1 November until next year is confirmed).
 */
export async function listCalendarYears(ports: CalendarPorts, now: Date): Promise<CalendarYearListResponse> {
  const stored = await ports.calendar.listYears();
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  const byYear = new Map(stored.map((y) => [y.year, summaryOf(y)]));
  for (const year of [thisYear, thisYear + 1]) if (!byYear.has(year)) byYear.set(year, missingSummary(year));
  const warning = calendarWarning(buildWorkingDayCalendar(stored), now);
  return { items: [...byYear.values()].sort((a, b) => b.year - a.year), ...(warning ? { warning } : {}) };
}

/** One year's arrangement with its latest audited changes; a year never entered comes back empty. */
export async function getCalendarYear(ports: CalendarPorts, year: number): Promise<CalendarYear> {
  const [stored, history] = await Promise.all([
    ports.calendar.getYear(year),
    ports.calendar.listChanges(year, HISTORY_LIMIT),
  ]);
  if (!stored) return { year, holidays: [], workdays: [], confirmed: false, source: 'none', history };
  return {
    year,
    holidays: [...stored.holidays],
    workdays: [...stored.workdays],
    confirmed: stored.confirmed,
    source: stored.source,
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
    ...(stored.updatedByAccountId ? { updatedByAccountId: stored.updatedByAccountId } : {}),
    history,
  };
}

const normalise = (dates: readonly string[]) => [...new Set(dates)].sort();

/**
 * An admin enters or corrects a year's holidays and make-up working days (the body's dates are
 * real dates already).
 * 1. Sort and de-duplicate the dates.
 * 2. Refuse, by a named error listing the dates, anything outside the year, a day both off and
 *    worked, a make-up day that is not a weekend, a confirmed year without the date-fixed holidays.
 * 3. Read the stored year and save the new one with an audit entry (who, when, before, after) in
 *    one transaction conditioned on the version read: a concurrent save is refused, not lost.
 */
export async function saveCalendarYear(
  ports: CalendarPorts,
  accountId: string,
  year: number,
  body: PutCalendarYearBody,
  now: Date,
): Promise<CalendarYear> {
  const arrangement = {
    holidays: normalise(body.holidays),
    workdays: normalise(body.workdays),
    confirmed: body.confirmed,
  };
  const [problem] = calendarYearProblems(year, arrangement);
  if (problem) throw new DomainError(problem.code, { details: { dates: problem.dates } });
  const before = await ports.calendar.getYear(year);
  const at = toShanghaiIso(now);
  const next: StoredCalendarYear = {
    year,
    ...arrangement,
    source: 'hospital',
    version: (before?.version ?? 0) + 1,
    updatedAt: at,
    updatedByAccountId: accountId,
  };
  const change = {
    at,
    accountId,
    ...(before
      ? {
          before: {
            holidays: [...before.holidays],
            workdays: [...before.workdays],
            confirmed: before.confirmed,
          },
        }
      : {}),
    after: arrangement,
  };
  if ((await ports.calendar.saveYear(next, change, before?.version ?? 0)) === 'changed') {
    throw new DomainError('CONCURRENT_MODIFICATION');
  }
  return getCalendarYear(ports, year);
}

/** The banner for admins and records staff: a warning while the calendar needs the hospital. */
export async function getCalendarStatus(ports: CalendarPorts, now: Date): Promise<CalendarStatusResponse> {
  const warning = calendarWarning(await loadWorkingDayCalendar(ports.calendar), now);
  return warning ? { warning } : {};
}

import {
  calendarStatusResponseSchema,
  calendarYearListResponseSchema,
  calendarYearSchema,
} from '@jiuyi/shared';
import type {
  CalendarStatusResponse,
  CalendarYear,
  CalendarYearListResponse,
  PutCalendarYearBody,
} from '@jiuyi/shared';
import { authedRequest } from './session';

const yearPath = (year: number) => `/v1/admin/calendar-years/${year}`;

/** GET /v1/admin/calendar-years — every year, confirmed or not, and the warning due (admin). */
export async function listCalendarYears(): Promise<CalendarYearListResponse> {
  return authedRequest('/v1/admin/calendar-years', calendarYearListResponseSchema);
}

/** GET /v1/admin/calendar-years/{year} — a year's holidays, make-up days and change history (admin). */
export async function getCalendarYear(year: number): Promise<CalendarYear> {
  return authedRequest(yearPath(year), calendarYearSchema);
}

/** PUT /v1/admin/calendar-years/{year} — enter, correct or confirm the year (admin; audited). */
export async function putCalendarYear(year: number, body: PutCalendarYearBody): Promise<CalendarYear> {
  return authedRequest(yearPath(year), calendarYearSchema, { method: 'PUT', body });
}

/** GET /v1/calendar/status — the calendar warning for admins and records staff. */
export async function getCalendarStatus(): Promise<CalendarStatusResponse> {
  return authedRequest('/v1/calendar/status', calendarStatusResponseSchema);
}

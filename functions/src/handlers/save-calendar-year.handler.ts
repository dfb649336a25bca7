import { z } from 'zod';
import { calendarYearParamsSchema, putCalendarYearBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { saveCalendarYear } from '../use-cases/calendar/calendar-years';

/** PUT /v1/admin/calendar-years/{year} — enter, correct or confirm a year's arrangement (audited). */
export const handler = defineHandler(
  {
    access: ['admin'],
    params: calendarYearParamsSchema,
    body: putCalendarYearBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, body, principal, deps }) =>
    saveCalendarYear(deps, principal.accountId, params.year, body, deps.now()),
);

import { z } from 'zod';
import { calendarYearParamsSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { getCalendarYear } from '../use-cases/calendar/calendar-years';

/** GET /v1/admin/calendar-years/{year} — a year's holidays and make-up working days with their history. */
export const handler = defineHandler(
  { access: ['admin'], params: calendarYearParamsSchema, query: z.strictObject({}) },
  async ({ params, deps }) => getCalendarYear(deps, params.year),
);

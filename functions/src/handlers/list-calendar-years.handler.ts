import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listCalendarYears } from '../use-cases/calendar/calendar-years';

/** GET /v1/admin/calendar-years — the working-day calendar's years, confirmed or not, and the warning due. */
export const handler = defineHandler({ access: ['admin'], query: z.strictObject({}) }, async ({ deps }) =>
  listCalendarYears(deps, deps.now()),
);

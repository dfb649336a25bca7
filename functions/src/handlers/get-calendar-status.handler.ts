import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { logger } from '../http/logger';
import { getCalendarStatus } from '../use-cases/calendar/calendar-years';

/** GET /v1/calendar/status — the calendar warning admins and records staff see on their home page. */
export const handler = defineHandler(
  { access: ['admin', 'records_staff'], query: z.strictObject({}) },
  async ({ deps }) => {
    const status = await getCalendarStatus(deps, deps.now());
    // The runtime stand-in for the old "next year's holidays are missing" test: visible in the logs too.
    if (status.warning)
      logger.warn('calendar needs the hospital', {
        year: status.warning.year,
        reason: status.warning.reason,
      });
    return status;
  },
);

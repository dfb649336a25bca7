import { planSessions, type DateString, type PlanOptions, type PlannedSession } from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';
import type { ScheduleStore } from '../../ports/schedule-store';
import type { CalendarStore } from '../../ports/calendar-store';
import { loadWorkingDayCalendar } from '../calendar/calendar-years';

export interface MaterialisePorts {
  catalogue: CatalogueStore;
  schedule: ScheduleStore;
  calendar: CalendarStore;
}

/** Parallel writes per run: enough to finish a week of a hospital in seconds, gentle on DynamoDB. */
const CONCURRENCY = 8;

/**
 * Turns weekly templates into dated sessions and slots for `days` days from `from` (Asia/Shanghai).
 * 1. Read doctors, departments, templates and the hospital's working-day calendar.
 * 2. Plan the sessions (pure: holidays skipped, make-up working days honoured, quotas split; in a
 *    year not confirmed yet only the date-fixed holidays are known).
 * 3. Write each session with its slots unless it exists, so reruns never reset booked numbers.
 */
export async function materialiseSessions(
  ports: MaterialisePorts,
  from: DateString,
  days: number,
  options: Omit<PlanOptions, 'calendar'> = {},
): Promise<{ planned: number; written: number }> {
  const [departments, doctors, templates, calendar] = await Promise.all([
    ports.catalogue.listDepartments(),
    ports.catalogue.listDoctors(),
    ports.catalogue.listTemplates(),
    loadWorkingDayCalendar(ports.calendar),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const plans = planSessions(templates, doctors, from, days, { ...options, calendar });
  let written = 0;
  const queue: PlannedSession[] = [...plans];
  const worker = async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      if (await ports.schedule.putSessionIfAbsent(plan, names.get(plan.departmentId) ?? plan.departmentId))
        written += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { planned: plans.length, written };
}

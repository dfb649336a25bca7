import { shanghaiDate } from '@jiuyi/shared';
import type { Deps } from '../composition';
import { DEMO_DATA } from '../seed';
import { libraryCalendarYears } from '../seed/calendar-years';
import { materialiseSessions } from '../use-cases/appointments/materialise-sessions';

/** Days of sessions the seed materialises: today and the seven days of the booking window. */
export const SEED_SESSION_DAYS = 8;

/**
 * Loads the demo data (facts from the seed documents; people fictional). Idempotent: puts overwrite,
 * and sessions that exist are left alone so their booked numbers survive a restart.
 */
export async function seedDemoData(
  deps: Pick<Deps, 'guide' | 'catalogue' | 'schedule' | 'calendar' | 'now'>,
): Promise<void> {
  // Years the hospital has entered or corrected stay as they are (a --persist restart keeps them).
  await deps.calendar.seedYears(libraryCalendarYears().map((y) => ({ ...y, source: 'library', version: 1 })));
  await deps.guide.putAll({
    services: DEMO_DATA.guideServices,
    branches: DEMO_DATA.guideBranches,
    rules: DEMO_DATA.guideRules,
  });
  await deps.catalogue.putAll({
    departments: DEMO_DATA.departments,
    doctors: DEMO_DATA.doctors,
    templates: DEMO_DATA.templates,
  });
  await materialiseSessions(deps, shanghaiDate(deps.now()), SEED_SESSION_DAYS);
}

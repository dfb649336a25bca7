/**
 * The end-to-end stack runs on a set clock, so no browser test depends on today's date: Monday
 * 7 December 2026, 09:00 Shanghai, after the day's 08:00 release, with an ordinary working week
 * ahead (no holiday, sessions every day). The API, the scheduled jobs, the WeChat Pay sandbox and
 * the browser (playwright's clock) all start there and run on in real time.
 */
export const E2E_CLOCK_START = '2026-12-07T09:00:00+08:00';

/** Set by the e2e global setup: the stack's clock minus the host's, in milliseconds. */
const OFFSET_ENV = 'JIUYI_E2E_CLOCK_OFFSET_MS';

/** Records the running stack's clock for the test files (called by the e2e global setup). */
export function publishE2eClock(stackNow: Date): void {
  process.env[OFFSET_ENV] = String(stackNow.getTime() - Date.now());
}

/** What the e2e stack's clock reads now; throws outside the e2e project. */
export function e2eNow(): Date {
  const offset = process.env[OFFSET_ENV];
  if (offset === undefined) throw new Error(`${OFFSET_ENV} is not set: run through the e2e jest project`);
  return new Date(Date.now() + Number(offset));
}

/** True inside the e2e project, where browsers must run on the stack's clock. */
export function e2eClockSet(): boolean {
  return process.env[OFFSET_ENV] !== undefined;
}

import type { ScheduleDefinition } from '../schedules';
import { startOutboxPoller, type OutboxPoller } from './outbox-poller';

const UNITS_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * The period of a `rate(…)` expression in milliseconds; undefined for `cron(…)`, whose moments the
 * local runner does not compute (such jobs are run by hand in the demo, or by their tests).
 */
export function rateMs(expression: string): number | undefined {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNITS_MS[match[2] ?? ''] ?? 0);
}

export interface ScheduleRunner {
  /** Handlers running on a timer, for the start-up banner. */
  running: string[];
  stop(): Promise<void>;
}

/**
 * The `local` stage's EventBridge: runs each `rate(…)` entry of SCHEDULES on a timer, never two runs
 * of one handler at once, so the demo sees holds released and reminders fired as production would.
 */
export function startScheduleRunner(options: {
  schedules: readonly ScheduleDefinition[];
  load: (handler: string) => Promise<() => Promise<unknown>>;
  onError?: (handler: string, error: unknown) => void;
}): ScheduleRunner {
  const pollers: OutboxPoller[] = [];
  const running: string[] = [];
  for (const schedule of options.schedules) {
    const intervalMs = rateMs(schedule.expression);
    if (intervalMs === undefined) continue;
    let run: (() => Promise<unknown>) | undefined;
    pollers.push(
      startOutboxPoller({
        intervalMs,
        deliver: async () => {
          run ??= await options.load(schedule.handler);
          return run();
        },
        onError: (error) => options.onError?.(schedule.handler, error),
      }),
    );
    running.push(schedule.handler);
  }
  return { running, stop: async () => void (await Promise.all(pollers.map((p) => p.stop()))) };
}

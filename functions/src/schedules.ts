/**
 * Every scheduled (non-HTTP) function and when it runs, in Asia/Shanghai terms where it matters. The CDK
 * stack turns each entry into an EventBridge rule, and the local stack runs the same handlers on timers,
 * so production and the demo cannot disagree on what runs.
 */
export interface ScheduleDefinition {
  /** The handler file: `handlers/<handler>.handler.ts`, exporting `handler()`. */
  handler: string;
  /** EventBridge expression, e.g. `rate(1 minute)` or `cron(0 12 * * ? *)` (UTC, as EventBridge reads it). */
  expression: string;
  /** Why it runs at this cadence; shown in the CDK rule's description. */
  description: string;
  /** Also triggered by the table's stream (filtered to this handler's items). */
  streamTriggered?: boolean;
}

export const SCHEDULES: readonly ScheduleDefinition[] = [
  {
    handler: 'release-expired-holds',
    expression: 'rate(1 minute)',
    description: 'Release unpaid holds whose 15-minute window has passed',
  },
  {
    handler: 'deliver-messages',
    expression: 'rate(1 minute)',
    description: 'Retry outbox messages whose backoff has passed and reclaim expired leases',
    streamTriggered: true,
  },
];

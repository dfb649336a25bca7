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
    handler: 'mark-no-shows',
    expression: 'rate(5 minutes)',
    description: 'Mark numbers still booked when their session ended as no-shows and count them',
  },
  {
    handler: 'promote-waitlist',
    expression: 'rate(1 minute)',
    description: 'Hand released numbers (cancelled, expired holds, unanswered offers) to the waitlist',
  },
  {
    handler: 'reconcile-payments',
    expression: 'rate(2 minutes)',
    description: 'Ask WeChat Pay about payments stuck in paying and refunds stuck in refunding',
  },
  {
    handler: 'retry-bill-write-backs',
    expression: 'rate(5 minutes)',
    description: 'Tell the HIS again about paid outpatient bill items it has not confirmed',
  },
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
  {
    handler: 'fire-due-timers',
    expression: 'rate(1 minute)',
    description:
      'Queue due reminders: 20:00 Shanghai the evening before a visit, 30 min before the slot, chases and deadlines',
  },
  {
    handler: 'settle-suspension-offers',
    expression: 'rate(5 minutes)',
    description:
      'Apply the default (reserved substitute, else cancel with refund) to suspension offers past their deadline',
  },
  {
    handler: 'recheck-real-names',
    expression: 'rate(5 minutes)',
    description:
      'Ask the real-name service again about profiles saved while it could not answer (5 min doubling to 6 h each)',
  },
];

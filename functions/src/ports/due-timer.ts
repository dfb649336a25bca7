import type { MessageDraft } from '../use-cases/messages/compose-message';

/** What a timer belongs to: `appointment`/id, `consultation`/id, `records-copy`/id, … */
export interface TimerAggregate {
  type: string;
  id: string;
}

/**
 * A condition on the aggregate's own item, checked in the same transaction that fires the timer:
 * the timer fires only while `attribute` (a document path such as `data.status`) holds one of
 * `oneOf`. It is the safety net for changes that did not cancel their timers.
 */
export interface TimerGuard {
  key: { pk: string; sk: string };
  attribute: string;
  oneOf: readonly string[];
}

/**
 * A message due at a moment, written in the same transaction as the aggregate change that makes
 * it due and removed (cancelled) by the change that makes it pointless. The message is composed
 * when it fires; its id comes from (kind, aggregate id, step), so it can be queued once only.
 */
export interface DueTimer {
  aggregate: TimerAggregate;
  /** Unique per aggregate: 'evening-before', 'chase-120', … (also the message step). */
  step: string;
  /** Asia/Shanghai ISO (`toShanghaiIso`). */
  dueAt: string;
  /** Past this moment the timer is dropped without a message (it would announce the past). */
  notAfter?: string;
  guard?: TimerGuard;
  message: Omit<MessageDraft, 'step'>;
}

export type FireOutcome =
  /** The message was queued and the timer removed, in one transaction. */
  | 'fired'
  /** Someone else fired or cancelled it first. */
  | 'gone'
  /** The guard no longer holds, or it is past `notAfter`: removed without a message. */
  | 'obsolete'
  /** A concurrent transaction touched the same items; the next run tries again. */
  | 'contended';

/** The due-timer queue: written by aggregates' transactions, drained by the scheduled job. */
export interface DueTimerStore {
  /** Timers due at or before `nowIso`, oldest first, at most `limit`. */
  due(nowIso: string, limit: number): Promise<DueTimer[]>;
  /** Queues the message and removes the timer atomically (or removes an obsolete timer). */
  fire(timer: DueTimer, now: Date): Promise<FireOutcome>;
  get(aggregate: TimerAggregate, step: string): Promise<DueTimer | undefined>;
  /** Writes timers outside any aggregate transaction (tests, backfills); a repeat changes nothing. */
  schedule(timers: readonly DueTimer[]): Promise<void>;
  /** Cancels timers outside any aggregate transaction. */
  cancel(aggregate: TimerAggregate, steps: readonly string[]): Promise<void>;
}

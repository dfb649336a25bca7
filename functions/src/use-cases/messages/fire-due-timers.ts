import { toShanghaiIso } from '@jiuyi/shared';
import type { DueTimerStore, FireOutcome } from '../../ports/due-timer';

export type FireSummary = Record<FireOutcome, number> & { errors: number };

export interface FireOptions {
  batchSize?: number;
  /** Batches per run; what is left waits for the next minute rather than outrunning the timeout. */
  maxBatches?: number;
}

/**
 * Turns every timer whose moment has come into an outbox message.
 *
 * 1. Read the due queue (all shards) up to `now`, oldest first.
 * 2. Fire each: one transaction removes the timer (conditioned on it still being that version),
 *    checks its guard and writes the message with its in-app copy.
 * 3. Repeat while whole batches come back, up to `maxBatches`.
 *
 * Exactly once without locks: two overlapping runs race on the timer's conditional delete and only
 * one transaction commits; the message id is deterministic, so even a message reported by another
 * path cannot be queued twice. A failed run leaves its timers in place for the next one.
 */
export async function fireDueTimers(
  timers: DueTimerStore,
  now: Date,
  options: FireOptions = {},
): Promise<FireSummary> {
  const batchSize = options.batchSize ?? 50;
  const maxBatches = options.maxBatches ?? 10;
  const summary: FireSummary = { fired: 0, gone: 0, obsolete: 0, contended: 0, errors: 0 };
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const due = await timers.due(toShanghaiIso(now), batchSize);
    for (const timer of due) {
      try {
        summary[await timers.fire(timer, now)] += 1;
      } catch {
        summary.errors += 1;
      }
    }
    // Errors and contention leave timers in the queue: stop instead of reading them again at once.
    if (due.length < batchSize || summary.errors > 0 || summary.contended > 0) break;
  }
  return summary;
}

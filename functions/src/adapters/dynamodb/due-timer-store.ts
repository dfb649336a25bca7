import { createHash } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DueTimer, DueTimerStore, FireOutcome, TimerAggregate } from '../../ports/due-timer';
import { composeMessage } from '../../use-cases/messages/compose-message';
import { messageWriteItems, type TransactItem } from './outbox-store';
import { ttlFromIso, type Table } from './table';
import { cancellationCodes, conditionalWrite, failedCondition } from './transaction-errors';

/**
 * The due queue is spread over a few gsi2 partitions so the 08:00 booking burst (each booking
 * writes its reminders) does not pile onto one index partition; the job reads them all.
 */
export const TIMER_SHARDS = 4;

/** Timers stay readable this long after they were due, for inspection; TTL only tidies up. */
const KEEP_AFTER_DUE_SECONDS = 30 * 24 * 3600;

/** Key builders of due timers: all timers of one aggregate share a partition. */
export const timerKeys = {
  timer: (aggregate: TimerAggregate, step: string) => ({
    pk: `TIMER#${aggregate.type}#${aggregate.id}`,
    sk: `TIMER#${step}`,
  }),
  shard: (aggregate: TimerAggregate, step: string) => {
    const n = createHash('sha256').update(`${aggregate.type}#${aggregate.id}#${step}`).digest()[0] ?? 0;
    return `TIMERS#${n % TIMER_SHARDS}`;
  },
};

/** Queue sort keys start with the Shanghai due time, which sorts as an instant. */
const queueSort = (timer: DueTimer) =>
  `${timer.dueAt}#${timer.aggregate.type}#${timer.aggregate.id}#${timer.step}`;

/**
 * The transaction elements that schedule `timers`: add them to the transaction of the change that
 * makes them due. Writing the same timer again replaces it (a rescheduled visit moves its reminder).
 */
export function timerPutItems(table: Table, timers: readonly DueTimer[]): TransactItem[] {
  return timers.map((timer) => ({
    Put: {
      TableName: table.name,
      Item: {
        ...timerKeys.timer(timer.aggregate, timer.step),
        type: 'due_timer',
        gsi2pk: timerKeys.shard(timer.aggregate, timer.step),
        gsi2sk: queueSort(timer),
        expiresAt: ttlFromIso(timer.dueAt) + KEEP_AFTER_DUE_SECONDS,
        data: timer,
      },
    },
  }));
}

/**
 * The transaction elements that cancel timers: add them to the transaction of the change that makes
 * them pointless (a cancelled visit, an approved consultation). Cancelling a missing timer is a no-op.
 */
export function timerCancelItems(
  table: Table,
  aggregate: TimerAggregate,
  steps: readonly string[],
): TransactItem[] {
  return steps.map((step) => ({ Delete: { TableName: table.name, Key: timerKeys.timer(aggregate, step) } }));
}

function guardCheck(table: Table, timer: DueTimer): TransactItem[] {
  const { guard } = timer;
  if (!guard) return [];
  const path = guard.attribute.split('.');
  const names = Object.fromEntries(path.map((part, i) => [`#g${i}`, part]));
  const values = Object.fromEntries(guard.oneOf.map((v, i) => [`:g${i}`, v]));
  return [
    {
      ConditionCheck: {
        TableName: table.name,
        Key: guard.key,
        ConditionExpression: `${Object.keys(names).join('.')} IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
}

async function send(table: Table, items: NonNullable<TransactWriteCommandInput['TransactItems']>) {
  await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
}

/** The due-timer queue on the single table (`gsi2pk = TIMERS#<shard>`, `gsi2sk = <dueAt>#…`). */
export function createDueTimerStore(table: Table): DueTimerStore {
  /** Removes this version of the timer; a version rescheduled meanwhile stays. */
  const remove = async (timer: DueTimer) => {
    await conditionalWrite(
      table.doc.send(
        new DeleteCommand({
          TableName: table.name,
          Key: timerKeys.timer(timer.aggregate, timer.step),
          ConditionExpression: 'gsi2sk = :sk',
          ExpressionAttributeValues: { ':sk': queueSort(timer) },
        }),
      ),
    );
  };

  return {
    async due(nowIso, limit) {
      const shards = await Promise.all(
        Array.from({ length: TIMER_SHARDS }, async (_, n) => {
          const { Items = [] } = await table.doc.send(
            new QueryCommand({
              TableName: table.name,
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :shard AND gsi2sk <= :upper',
              ExpressionAttributeValues: { ':shard': `TIMERS#${n}`, ':upper': `${nowIso}#\uffff` },
              Limit: limit,
            }),
          );
          return Items;
        }),
      );
      return shards
        .flat()
        .sort((a, b) => (String(a.gsi2sk) < String(b.gsi2sk) ? -1 : 1))
        .slice(0, limit)
        .map((item) => item.data as DueTimer);
    },

    async fire(timer, now): Promise<FireOutcome> {
      if (timer.notAfter && now.getTime() > new Date(timer.notAfter).getTime()) {
        await remove(timer);
        return 'obsolete';
      }
      const message = composeMessage({ ...timer.message, step: timer.step }, now);
      const guard = guardCheck(table, timer);
      const items: TransactItem[] = [
        {
          Delete: {
            TableName: table.name,
            Key: timerKeys.timer(timer.aggregate, timer.step),
            // Only the run that removes this very version queues its message: a second run finds it
            // gone, and a timer rescheduled meanwhile (another due time) is left for its own moment.
            ConditionExpression: 'gsi2sk = :sk',
            ExpressionAttributeValues: { ':sk': queueSort(timer) },
          },
        },
        ...guard,
        ...messageWriteItems(table, [message]),
      ];
      try {
        await send(table, items);
        return 'fired';
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (failedCondition(codes, 0)) return 'gone';
        if (guard.length > 0 && failedCondition(codes, 1)) {
          await remove(timer);
          return 'obsolete';
        }
        // The message exists already (reported by another path): the timer's work is done.
        if (failedCondition(codes, 1 + guard.length)) {
          await remove(timer);
          return 'gone';
        }
        if (codes.includes('TransactionConflict')) return 'contended';
        throw error;
      }
    },

    async get(aggregate, step) {
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: timerKeys.timer(aggregate, step),
          ConsistentRead: true,
        }),
      );
      return Item ? (Item.data as DueTimer) : undefined;
    },

    async schedule(timers) {
      if (timers.length > 0) await send(table, timerPutItems(table, timers));
    },

    async cancel(aggregate, steps) {
      if (steps.length > 0) await send(table, timerCancelItems(table, aggregate, steps));
    },
  };
}

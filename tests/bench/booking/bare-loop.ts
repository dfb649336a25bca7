import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../../functions/src/adapters/dynamodb/batch-put';
import type { TransactItem } from '../../../functions/src/adapters/dynamodb/outbox-store';
import type { Table } from '../../../functions/src/adapters/dynamodb/table';
import { cancellationCodes } from '../../../functions/src/adapters/dynamodb/transaction-errors';
import { mapWithConcurrency } from './pool';

export interface BareLoopResult {
  transactions: number;
  committed: number;
  /** Cancellations by reason: the first code that is not 'None'. */
  cancelled: Record<string, number>;
  elapsedMs: number;
  /** Write capacity DynamoDB Local reported for each committed transaction (table and indexes). */
  reportedWcu: number[];
}

/** The same action aimed at another table: the replay must not touch the items the burst wrote. */
function retarget(item: TransactItem, tableName: string): TransactItem {
  const actions = Object.entries(item).map(([action, body]) => [
    action,
    { ...(body as object), TableName: tableName },
  ]);
  return Object.fromEntries(actions) as TransactItem;
}

/**
 * Copies into `to` the items the transactions only check (`ConditionCheck`) and that exist in `from`
 * (the booking's profiles, which must exist for it to commit), so the replay meets them as the burst did.
 */
export async function copyCheckedItems(
  from: Table,
  to: Table,
  transactions: readonly TransactItem[][],
): Promise<void> {
  const keys = new Map<string, Record<string, unknown>>();
  for (const item of transactions.flat()) {
    const key = item.ConditionCheck?.Key;
    if (key) keys.set(JSON.stringify(key), key);
  }
  const all = [...keys.values()];
  for (let start = 0; start < all.length; start += 100) {
    let pending = all.slice(start, start + 100);
    while (pending.length > 0) {
      const out = await from.doc.send(
        new BatchGetCommand({ RequestItems: { [from.name]: { Keys: pending } } }),
      );
      await batchPut(to, out.Responses?.[from.name] ?? []);
      pending = out.UnprocessedKeys?.[from.name]?.Keys ?? [];
    }
  }
}

/**
 * Sends each transaction once, `concurrency` at a time, straight to DynamoDB: no HTTP, no handler, no
 * reads, no retries. Fed the transactions the burst's stores built, against a table prepared with the
 * same session, it does the burst's writes with nothing around them.
 */
export async function runBareLoop(
  table: Table,
  transactions: readonly TransactItem[][],
  concurrency: number,
): Promise<BareLoopResult> {
  const retargeted = transactions.map((items) => items.map((item) => retarget(item, table.name)));
  const cancelled: Record<string, number> = {};
  const reportedWcu: number[] = [];
  let committed = 0;
  const started = process.hrtime.bigint();
  await mapWithConcurrency(retargeted, concurrency, async (items) => {
    try {
      const out = await table.doc.send(
        new TransactWriteCommand({ TransactItems: items, ReturnConsumedCapacity: 'INDEXES' }),
      );
      committed += 1;
      reportedWcu.push((out.ConsumedCapacity ?? []).reduce((n, c) => n + (c.CapacityUnits ?? 0), 0));
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      const reason = codes.find((c) => c !== 'None') ?? 'None';
      cancelled[reason] = (cancelled[reason] ?? 0) + 1;
    }
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { transactions: transactions.length, committed, cancelled, elapsedMs, reportedWcu };
}

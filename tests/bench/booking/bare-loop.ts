import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table';

const BATCH_LIMIT = 25;

/** Writes items in batches of 25, retrying unprocessed ones (DynamoDB may throttle a batch partially). */
export async function batchPut(table: Table, items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_LIMIT) {
    let pending = items.slice(start, start + BATCH_LIMIT).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 8) throw new Error('BatchWrite kept returning unprocessed items');
      const result = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
      pending = (result.UnprocessedItems?.[table.name] ?? []) as typeof pending;
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 2 ** attempt * 20));
    }
  }
}

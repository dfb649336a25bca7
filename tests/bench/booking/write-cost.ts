import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { itemSizeBytes, writeUnits } from '../../../functions/src/adapters/dynamodb/item-size';
import type { TransactItem } from '../../../functions/src/adapters/dynamodb/outbox-store';
import type { Table } from '../../../functions/src/adapters/dynamodb/table';
import { TABLE_INDEXES } from '../../../functions/src/adapters/dynamodb/table-definition';

/** What one action of a committed booking transaction costs in production. */
export interface ActionCost {
  action: string;
  key: string;
  type: string;
  /** Bytes of the item the action wrote or checked (for updates, the image after the burst, the largest). */
  bytes: number;
  wcu: number;
  /** gsi name and write units of each index entry the action rewrote. */
  indexes: { name: string; wcu: number }[];
}

type Item = Record<string, unknown>;
type Action = { TableName?: string; Key?: Item; Item?: Item };

/** `ACCOUNT#3f2c…/IDEMPOTENCY#9a1b…` → `ACCOUNT#…/IDEMPOTENCY#…`: the shape of the key without its ids. */
function keyShape(key: Item): string {
  const elide = (part: unknown) =>
    String(part)
      .split('#')
      .map((s, i) => (i > 0 && !/^[A-Z]+$/.test(s) ? '…' : s))
      .join('#');
  return `${elide(key.pk)} / ${elide(key.sk)}`;
}

/** The item as stored, or undefined when the action only checked that it is absent. */
async function readItem(table: Table, key: Item): Promise<Item | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
  );
  return Item;
}

/**
 * Prices each action of a committed booking transaction by the rules of on-demand DynamoDB: every item in
 * a transaction costs 2 WCU per started KB (condition checks included; an update is billed on the larger of
 * its before and after images), and every index entry the write changes costs 1 WCU per started KB (both
 * indexes project ALL attributes). Puts are priced from the items as sent; updated or checked items are
 * read back after the burst, when they are at their largest.
 */
export async function priceTransaction(table: Table, items: readonly TransactItem[]): Promise<ActionCost[]> {
  return Promise.all(
    items.map(async (transactItem) => {
      const [[action, body]] = Object.entries(transactItem) as [[string, Action]];
      const written = body.Item ?? (await readItem(table, body.Key ?? {}));
      // A check of an absent item is billed as the smallest item, 1 KB.
      const bytes = written ? itemSizeBytes(written) : 0;
      const changesIndexes = action === 'Put' || action === 'Update';
      const indexes = changesIndexes
        ? TABLE_INDEXES.filter((index) => written?.[index.partitionKey] !== undefined).map((index) => ({
            name: index.indexName,
            wcu: writeUnits(bytes, false),
          }))
        : [];
      return {
        action,
        key: keyShape(body.Key ?? written ?? {}),
        type: written ? String(written.type ?? '—') : '(absent)',
        bytes,
        wcu: writeUnits(bytes, true),
        indexes,
      };
    }),
  );
}

/** Table plus index write units of one priced transaction. */
export function totalWcu(costs: readonly ActionCost[]): number {
  return costs.reduce((n, c) => n + c.wcu + c.indexes.reduce((m, i) => m + i.wcu, 0), 0);
}

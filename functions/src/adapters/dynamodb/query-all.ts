import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table';

/** Runs a query on the table and follows `LastEvaluatedKey` until every page is read. */
export async function queryAll(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * The first `limit` items of a gsi2 worklist (pk `worklist`) whose sort key, `<when>#<id>`, is due by
 * `upTo`: the scheduled jobs' "what is due now" read. Eventually consistent, like any GSI read.
 */
export async function queryDue(
  table: Table,
  worklist: string,
  upTo: string,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: table.name,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :upTo',
      ExpressionAttributeValues: { ':pk': worklist, ':upTo': `${upTo}#~` },
      Limit: limit,
    }),
  );
  return Items;
}

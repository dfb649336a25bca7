import type { Account } from '@jiuyi/shared';
import type { TransactItem } from './outbox-store';
import { accountKeys, type Table } from './table';

/**
 * Writes an account's `data` and keeps its sparse staff-index entry in step with its role (staff
 * accounts carry `gsi1pk = STAFF`, patients none). `condition` guards the write, with its own names
 * and values.
 */
export function accountDataWrite(
  table: Table,
  next: Account,
  guard: { condition: string; names?: Record<string, string>; values?: Record<string, unknown> },
): TransactItem {
  const staff = next.role !== 'patient';
  const index = accountKeys.staffIndex(next.createdAt, next.id);
  return {
    Update: {
      TableName: table.name,
      Key: accountKeys.account(next.id),
      UpdateExpression: staff
        ? 'SET #data = :data, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk'
        : 'SET #data = :data REMOVE gsi1pk, gsi1sk',
      ConditionExpression: guard.condition,
      ExpressionAttributeNames: { '#data': 'data', ...guard.names },
      ExpressionAttributeValues: {
        ':data': next,
        ...(staff ? { ':gsi1pk': index.gsi1pk, ':gsi1sk': index.gsi1sk } : {}),
        ...guard.values,
      },
    },
  };
}

/**
 * The roster of active admins, moved with an account change. With `keepOne` an admin leaving it must
 * not be the last one (`size(ids) > 1`), so two admins disabling each other at once cannot both
 * succeed; only the local dev login moves it without that guard.
 */
export function adminRosterWrite(
  table: Table,
  accountId: string,
  change: 'add' | 'remove' | 'none',
  keepOne = true,
): TransactItem | undefined {
  if (change === 'none') return undefined;
  const Key = accountKeys.adminRoster();
  if (change === 'add') {
    return {
      Update: {
        TableName: table.name,
        Key,
        UpdateExpression: 'ADD ids :id SET #type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':id': new Set([accountId]), ':type': 'admin_roster' },
      },
    };
  }
  return {
    Update: {
      TableName: table.name,
      Key,
      UpdateExpression: 'DELETE ids :id',
      ...(keepOne
        ? {
            ConditionExpression: 'contains(ids, :member) AND size(ids) > :one',
            ExpressionAttributeValues: { ':id': new Set([accountId]), ':member': accountId, ':one': 1 },
          }
        : { ExpressionAttributeValues: { ':id': new Set([accountId]) } }),
    },
  };
}

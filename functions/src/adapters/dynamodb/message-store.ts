import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, messageViewSchema, type MessageView } from '@jiuyi/shared';
import type { MessageStore } from '../../ports/message-store';
import { messageKeys, messageWriteItems } from './outbox-store';
import type { Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';

const INBOX_PREFIX = 'MESSAGE#';

function encodeCursor(sk: string): string {
  return Buffer.from(JSON.stringify({ sk }), 'utf8').toString('base64url');
}

/** Cursors are opaque to clients but checked here: a forged one must not read another prefix. */
function decodeCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const sk = (value as { sk?: unknown }).sk;
    if (typeof sk === 'string' && sk.startsWith(INBOX_PREFIX)) return sk;
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError('VALIDATION_FAILED', {
    details: { in: 'query', fields: { cursor: '翻页参数无效' } },
  });
}

function toView(item: Record<string, unknown>): MessageView {
  const data = messageViewSchema.parse(item.data);
  return typeof item.readAt === 'string' ? { ...data, readAt: item.readAt } : data;
}

/** The message centre: items under the recipient's partition, newest first by sort key. */
export function createMessageStore(table: Table): MessageStore {
  const unreadCount = async (accountId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: messageKeys.inboxState(accountId), ConsistentRead: true }),
    );
    return Math.max(0, Number(Item?.unreadCount ?? 0));
  };
  const getBySk = async (accountId: string, sk: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({
        TableName: table.name,
        Key: { pk: `ACCOUNT#${accountId}`, sk },
        ConsistentRead: true,
      }),
    );
    return Item;
  };

  return {
    async enqueue(message) {
      try {
        await table.doc.send(
          new TransactWriteCommand({ TransactItems: messageWriteItems(table, [message]) }),
        );
        return 'enqueued';
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) return 'duplicate';
        throw error;
      }
    },
    async list(accountId, { limit, cursor }) {
      const { Items = [], LastEvaluatedKey } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}`, ':p': INBOX_PREFIX },
          ScanIndexForward: false,
          Limit: limit,
          ConsistentRead: true,
          ...(cursor ? { ExclusiveStartKey: { pk: `ACCOUNT#${accountId}`, sk: decodeCursor(cursor) } } : {}),
        }),
      );
      return {
        items: Items.map(toView),
        ...(LastEvaluatedKey ? { nextCursor: encodeCursor(String(LastEvaluatedKey.sk)) } : {}),
        unreadCount: await unreadCount(accountId),
      };
    },
    async markRead(accountId, messageId, nowIso) {
      const ref = await getBySk(accountId, messageKeys.inboxRef(accountId, messageId).sk);
      if (!ref) return undefined;
      const key = { pk: `ACCOUNT#${accountId}`, sk: String(ref.inboxSk) };
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table.name,
                  Key: key,
                  UpdateExpression: 'SET readAt = :now',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
                  ExpressionAttributeValues: { ':now': nowIso },
                },
              },
              {
                Update: {
                  TableName: table.name,
                  Key: messageKeys.inboxState(accountId),
                  UpdateExpression: 'ADD unreadCount :minus',
                  ConditionExpression: 'unreadCount > :zero',
                  ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
                },
              },
            ],
          }),
        );
      } catch (error) {
        // Already read (or read by a concurrent request): marking again is a no-op, not an error.
        if (!failedCondition(cancellationCodes(error), 0)) throw error;
      }
      const item = await getBySk(accountId, key.sk);
      if (!item) return undefined;
      return { message: toView(item), unreadCount: await unreadCount(accountId) };
    },
  };
}

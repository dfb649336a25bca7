import {
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { outboxMessageSchema, type OutboxMessage } from '@jiuyi/shared';
import type { ChannelDelivery, OutboxRecord, OutboxStatus, OutboxStore } from '../../ports/outbox';
import type { Table } from './table';
import { isConditionFailure } from './transaction-errors';

/** One element of `TransactWriteCommand`'s `TransactItems`. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The sparse index partition of messages waiting for (or leased to) a sender; dead ones leave it. */
export const OUTBOX_QUEUE = 'OUTBOX#pending';

/** Key builders of the outbox and the message centre (candidates for table.ts). */
export const messageKeys = {
  outbox: (messageId: string) => ({ pk: `OUTBOX#${messageId}`, sk: 'OUTBOX' }),
  inbox: (accountId: string, createdAt: string, messageId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `MESSAGE#${createdAt}#${messageId}`,
  }),
  /** Finds an inbox item by id alone, with a consistent read (a GSI would lag behind a fresh message). */
  inboxRef: (accountId: string, messageId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `MESSAGEREF#${messageId}`,
  }),
  /** The account's unread counter, kept in the same transactions as the messages it counts. */
  inboxState: (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, sk: 'MESSAGESTATE' }),
};

/** Queue sort keys are `<time>#<id>`: times are `toShanghaiIso` strings, which sort as instants. */
const queueSort = (time: string, messageId: string) => `${time}#${messageId}`;

/**
 * The outbox item of a message, as a transaction element any use case can add to its own
 * transaction. The id is deterministic per domain event, so `attribute_not_exists` makes a second
 * report of the same event cancel the transaction instead of queueing a second message.
 */
export function outboxPutItem(table: Table, message: OutboxMessage): TransactItem {
  const valid = outboxMessageSchema.parse(message);
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...messageKeys.outbox(valid.id),
        type: 'outbox',
        message: valid,
        status: 'pending' satisfies OutboxStatus,
        attempts: 0,
        nextAttemptAt: valid.createdAt,
        deliveries: {},
        gsi1pk: OUTBOX_QUEUE,
        gsi1sk: queueSort(valid.createdAt, valid.id),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Everything one or more messages write: per message the outbox item, the in-app copy and its
 * id reference; per recipient one unread-counter increment (a transaction may touch an item only
 * once, so two messages to one account share one update). Add these to the transaction of the
 * change they report; the outbox item comes first, so its index in the cancellation reasons is
 * the index of the first element returned here.
 */
export function messageWriteItems(table: Table, messages: readonly OutboxMessage[]): TransactItem[] {
  const perAccount = new Map<string, number>();
  const items: TransactItem[] = [];
  for (const message of messages) {
    items.push(outboxPutItem(table, message));
    const { id, recipientAccountId: account, kind, title, body, link, createdAt } = message;
    const inbox = messageKeys.inbox(account, createdAt, id);
    items.push({
      Put: {
        TableName: table.name,
        Item: { ...inbox, type: 'message', data: { id, kind, title, body, link, createdAt } },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    items.push({
      Put: {
        TableName: table.name,
        Item: { ...messageKeys.inboxRef(account, id), type: 'message_ref', inboxSk: inbox.sk },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
  }
  for (const [account, count] of perAccount) {
    items.push({
      Update: {
        TableName: table.name,
        Key: messageKeys.inboxState(account),
        UpdateExpression: 'ADD unreadCount :n',
        ExpressionAttributeValues: { ':n': count },
      },
    });
  }
  return items;
}

function toRecord(item: Record<string, unknown>): OutboxRecord {
  return {
    message: outboxMessageSchema.parse(item.message),
    status: item.status as OutboxStatus,
    attempts: Number(item.attempts ?? 0),
    nextAttemptAt: String(item.nextAttemptAt),
    ...(typeof item.leaseUntil === 'string' ? { leaseUntil: item.leaseUntil } : {}),
    ...(typeof item.leaseOwner === 'string' ? { leaseOwner: item.leaseOwner } : {}),
    deliveries: (item.deliveries ?? {}) as OutboxRecord['deliveries'],
    ...(typeof item.lastError === 'string' ? { lastError: item.lastError } : {}),
  };
}

/** Runs a conditional update; false when its condition did not hold. */
async function conditional(
  table: Table,
  input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>,
) {
  try {
    return await table.doc.send(new UpdateCommand({ TableName: table.name, ...input }));
  } catch (error) {
    // By name: the document client re-throws the service error, possibly from another SDK copy.
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

const HELD = 'leaseOwner = :owner AND #status = :sending';

/** The outbox as the sender sees it: a queue on gsi1, leases by conditional update. */
export function createOutboxStore(table: Table): OutboxStore {
  return {
    async due(nowIso, limit) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :q AND gsi1sk <= :upper',
          ExpressionAttributeValues: { ':q': OUTBOX_QUEUE, ':upper': `${nowIso}#\uffff` },
          Limit: limit,
        }),
      );
      return Items.map(toRecord);
    },
    async claim(messageId, owner, nowIso, leaseUntil) {
      const out = await conditional(table, {
        Key: messageKeys.outbox(messageId),
        UpdateExpression: 'SET #status = :sending, leaseOwner = :owner, leaseUntil = :lease, gsi1sk = :sk',
        ConditionExpression:
          '(#status = :pending AND nextAttemptAt <= :now) OR (#status = :sending AND leaseUntil <= :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':sending': 'sending',
          ':owner': owner,
          ':lease': leaseUntil,
          ':now': nowIso,
          // While leased, the queue entry waits for the lease to run out: that is the crash recovery.
          ':sk': queueSort(leaseUntil, messageId),
        },
        ReturnValues: 'ALL_NEW',
      });
      return out?.Attributes ? toRecord(out.Attributes) : undefined;
    },
    async setDelivery(messageId, owner, channel, delivery: ChannelDelivery) {
      const out = await conditional(table, {
        Key: messageKeys.outbox(messageId),
        UpdateExpression: 'SET deliveries.#ch = :d',
        ConditionExpression: HELD,
        ExpressionAttributeNames: { '#status': 'status', '#ch': channel },
        ExpressionAttributeValues: { ':d': delivery, ':owner': owner, ':sending': 'sending' },
      });
      return out !== undefined;
    },
    async finish(messageId, owner, outcome, nowIso) {
      const names = { '#status': 'status' };
      const held = { ':owner': owner, ':sending': 'sending', ':status': outcome.status };
      const input =
        outcome.status === 'pending'
          ? {
              UpdateExpression:
                'SET #status = :status, attempts = :a, nextAttemptAt = :next, gsi1sk = :sk, lastError = :e REMOVE leaseOwner, leaseUntil',
              ExpressionAttributeValues: {
                ...held,
                ':a': outcome.attempts,
                ':next': outcome.nextAttemptAt,
                ':sk': queueSort(outcome.nextAttemptAt, messageId),
                ':e': outcome.lastError,
              },
            }
          : outcome.status === 'dead'
            ? {
                UpdateExpression:
                  'SET #status = :status, attempts = :a, lastError = :e, deadAt = :now REMOVE leaseOwner, leaseUntil, gsi1pk, gsi1sk',
                ExpressionAttributeValues: {
                  ...held,
                  ':a': outcome.attempts,
                  ':e': outcome.lastError,
                  ':now': nowIso,
                },
              }
            : {
                UpdateExpression:
                  'SET #status = :status, finishedAt = :now REMOVE leaseOwner, leaseUntil, gsi1pk, gsi1sk',
                ExpressionAttributeValues: { ...held, ':now': nowIso },
              };
      const out = await conditional(table, {
        Key: messageKeys.outbox(messageId),
        ConditionExpression: HELD,
        ExpressionAttributeNames: names,
        ...input,
      });
      return out !== undefined;
    },
    async get(messageId) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: messageKeys.outbox(messageId), ConsistentRead: true }),
      );
      return Item ? toRecord(Item) : undefined;
    },
  };
}

import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { subscribableKindSchema, type SubscribableKind } from '@jiuyi/shared';
import type { SubscriptionStore } from '../../ports/subscription-store';
import type { Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';

/** A use marker outlives any retry of its message by far; TTL only tidies it away. */
const USE_TTL_SECONDS = 30 * 24 * 3600;

/** One item per account holds a counter per kind (`n_<kind>`); one marker per message that used one. */
export const subscriptionKeys = {
  counters: (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, sk: 'SUBSCRIPTIONS' }),
  use: (accountId: string, messageId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `SUBSCRIPTIONUSE#${messageId}`,
  }),
};

const counter = (kind: SubscribableKind) => `n_${kind}`;

function countsOf(item: Record<string, unknown> | undefined): Partial<Record<SubscribableKind, number>> {
  const counts: Partial<Record<SubscribableKind, number>> = {};
  for (const kind of subscribableKindSchema.options) {
    const value = Number(item?.[counter(kind)] ?? 0);
    if (value > 0) counts[kind] = value;
  }
  return counts;
}

/** Subscribe-message consent on the single table, next to the account's other items. */
export function createSubscriptionStore(table: Table): SubscriptionStore {
  return {
    async accept(accountId, kinds) {
      const names = Object.fromEntries(kinds.map((k, i) => [`#k${i}`, counter(k)]));
      const { Attributes } = await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: subscriptionKeys.counters(accountId),
          UpdateExpression: `ADD ${Object.keys(names)
            .map((n) => `${n} :one`)
            .join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return countsOf(Attributes);
    },
    async remaining(accountId) {
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: subscriptionKeys.counters(accountId),
          ConsistentRead: true,
        }),
      );
      return countsOf(Item);
    },
    async consume(accountId, kind, messageId) {
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table.name,
                  Key: subscriptionKeys.counters(accountId),
                  UpdateExpression: 'ADD #n :minus',
                  ConditionExpression: '#n > :zero',
                  ExpressionAttributeNames: { '#n': counter(kind) },
                  ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
                },
              },
              {
                Put: {
                  TableName: table.name,
                  Item: {
                    ...subscriptionKeys.use(accountId, messageId),
                    type: 'subscription_use',
                    kind,
                    expiresAt: Math.floor(Date.now() / 1000) + USE_TTL_SECONDS,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        // This message already used its allowance (a retried send): it may go out, once more is fine.
        if (failedCondition(codes, 1)) return true;
        if (failedCondition(codes, 0)) return false;
        throw error;
      }
    },
  };
}

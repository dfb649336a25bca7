import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  BillRecord,
  BillRefundEntry,
  BillStore,
  CreateBillOutcome,
  ItemLock,
} from '../../ports/bill-store';
import type { TransactItem } from './outbox-store';
import { queryDue } from './query-all';
import { ttlFromIso, type Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { cancellationCodes, conditionalWrite, isConditionFailure } from './transaction-errors';

/**
 * Bills and item locks. A bill is its own partition; each HIS item has one lock item, so "one open
 * payment per item" and "paid once" are conditions on that item, checked in the same transaction
 * that creates or settles the bill.
 */
export const billKeys = {
  bill: (billId: string) => ({ pk: `BILL#${billId}`, sk: 'BILL' }),
  itemLock: (itemId: string) => ({ pk: `BILLITEM#${itemId}`, sk: 'LOCK' }),
  refundKey: (accountId: string, key: string) => ({ pk: `ACCOUNT#${accountId}`, sk: `BILLREFUNDKEY#${key}` }),
  /** gsi2 (sparse): paid bills whose HIS write-back is not confirmed yet, by settlement time. */
  awaitingWriteBack: 'BILLS#writeback',
};

const BATCH_GET_LIMIT = 100;
/** Keys outlive any client retry by far; TTL only tidies them away. */
const REFUND_KEY_TTL_SECONDS = 7 * 24 * 3600;

function lockItem(lock: ItemLock): Record<string, unknown> {
  return { ...billKeys.itemLock(lock.itemId), type: 'bill_item_lock', ...lock };
}

function toLock(item: Record<string, unknown>): ItemLock {
  const { pk: _pk, sk: _sk, type: _type, ...lock } = item;
  return lock as unknown as ItemLock;
}

function billItemIdsOf(bill: BillRecord): string[] {
  return bill.lines.map((l) => l.itemId);
}

/**
 * The bill's part of the payment confirmation transaction: bill `pending → paid` and every item
 * lock `pending → paid`, each conditioned on still belonging to this bill. The payment store puts
 * these beside the payment's own write, so money and items are settled together or not at all.
 */
export function billSettleItems(table: Table, bill: BillRecord, at: string): TransactItem[] {
  return [
    {
      Update: {
        TableName: table.name,
        Key: billKeys.bill(bill.id),
        UpdateExpression:
          'SET #d.#s = :paid, #d.paidAt = :at, #d.updatedAt = :at, gsi2pk = :wb, gsi2sk = :wbsk',
        ConditionExpression: '#d.#s = :pending',
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: {
          ':paid': 'paid',
          ':pending': 'pending',
          ':at': at,
          ':wb': billKeys.awaitingWriteBack,
          ':wbsk': `${at}#${bill.id}`,
        },
      },
    },
    ...bill.lines.map((line): TransactItem => ({
      Update: {
        TableName: table.name,
        Key: billKeys.itemLock(line.itemId),
        UpdateExpression: 'SET #st = :paid REMOVE expiresAt',
        ConditionExpression: 'billId = :bid AND #st = :pending',
        ExpressionAttributeNames: { '#st': 'state' },
        ExpressionAttributeValues: { ':paid': 'paid', ':pending': 'pending', ':bid': bill.id },
      },
    })),
  ];
}

export function createBillStore(table: Table): BillStore {
  const get = async (billId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: billKeys.bill(billId), ConsistentRead: true }),
    );
    return Item?.type === 'bill' ? (Item.data as BillRecord) : undefined;
  };

  const batchGet = async (keys: Record<string, string>[]) => {
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
      let request: Record<string, string>[] | undefined = keys.slice(i, i + BATCH_GET_LIMIT);
      while (request?.length) {
        const res = await table.doc.send(
          new BatchGetCommand({ RequestItems: { [table.name]: { Keys: request, ConsistentRead: true } } }),
        );
        out.push(...(res.Responses?.[table.name] ?? []));
        request = res.UnprocessedKeys?.[table.name]?.Keys as Record<string, string>[] | undefined;
      }
    }
    return out;
  };

  const locks = async (itemIds: readonly string[]) =>
    (await batchGet(itemIds.map(billKeys.itemLock))).map(toLock);

  const lockUpdate = (
    itemId: string,
    update: string,
    condition: string,
    values: Record<string, unknown>,
    remove = '',
  ): TransactItem => ({
    Update: {
      TableName: table.name,
      Key: billKeys.itemLock(itemId),
      UpdateExpression: `${update}${remove}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#st': 'state' },
      ExpressionAttributeValues: values,
    },
  });

  const billUpdate = (
    billId: string,
    update: string,
    condition: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): TransactItem => ({
    Update: {
      TableName: table.name,
      Key: billKeys.bill(billId),
      UpdateExpression: update,
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#d': 'data', '#s': 'status', ...names },
      ExpressionAttributeValues: values,
    },
  });

  /** Deletes the bill's locks that are still pending for it (after it closed or was superseded). */
  const releasePendingLocks = async (bill: BillRecord) => {
    for (const line of bill.lines) {
      await conditionalWrite(
        table.doc.send(
          new DeleteCommand({
            TableName: table.name,
            Key: billKeys.itemLock(line.itemId),
            ConditionExpression: 'billId = :bid AND #st = :pending',
            ExpressionAttributeNames: { '#st': 'state' },
            ExpressionAttributeValues: { ':bid': bill.id, ':pending': 'pending' },
          }),
        ),
      );
    }
  };

  return {
    get,
    locks,
    async getMany(billIds) {
      const items = await batchGet([...new Set(billIds)].map(billKeys.bill));
      return items.filter((i) => i.type === 'bill').map((i) => i.data as BillRecord);
    },

    async create(bill, nowIso): Promise<CreateBillOutcome> {
      const writes: TransactItem[] = [
        {
          Put: {
            TableName: table.name,
            Item: { ...billKeys.bill(bill.id), type: 'bill', data: bill },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...bill.lines.map((line): TransactItem => ({
          Put: {
            TableName: table.name,
            Item: lockItem({
              itemId: line.itemId,
              billId: bill.id,
              accountId: bill.accountId,
              paymentId: bill.paymentId,
              state: 'pending',
              expiresAt: bill.expiresAt,
            }),
            // Free, or a pending lock whose hold is over (WeChat no longer takes that payment).
            ConditionExpression: 'attribute_not_exists(pk) OR (#st = :pending AND expiresAt <= :now)',
            ExpressionAttributeNames: { '#st': 'state' },
            ExpressionAttributeValues: { ':pending': 'pending', ':now': nowIso },
          },
        })),
      ];
      try {
        // A clash with a concurrent transaction is retried; one that outlasts the retries, like a
        // failed condition, is answered with the locks as they now stand.
        await transactWithRetry(table, writes, (lastError) => lastError);
        return { kind: 'created', bill };
      } catch (error) {
        if (!cancellationCodes(error)) throw error;
        return { kind: 'locked', locks: await locks(bill.lines.map((l) => l.itemId)) };
      }
    },

    async supersedeIfLost(bill, at) {
      const current = await get(bill.id);
      if (!current || current.status === 'paid') return false;
      if (current.status === 'superseded') return true;
      const held = await locks(billItemIdsOf(current));
      const lost =
        current.status === 'closed' ||
        held.length !== current.lines.length ||
        held.some((l) => l.billId !== current.id);
      if (!lost) return false;
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: billKeys.bill(bill.id),
            UpdateExpression: 'SET #d.#s = :superseded, #d.updatedAt = :at',
            ConditionExpression: '#d.#s IN (:pending, :closed)',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: {
              ':superseded': 'superseded',
              ':pending': 'pending',
              ':closed': 'closed',
              ':at': at,
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await get(bill.id))?.status === 'superseded';
      }
      await releasePendingLocks(current);
      return true;
    },

    async markWrittenBack(billId, at) {
      return conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: billKeys.bill(billId),
            UpdateExpression: 'SET #d.writtenBackAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: '#d.#s = :paid AND attribute_not_exists(#d.writtenBackAt)',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ':paid': 'paid', ':at': at },
          }),
        ),
      );
    },

    async claimWriteBack(billId, nowIso, until) {
      return conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: billKeys.bill(billId),
            UpdateExpression: 'SET #d.writeBackLeaseUntil = :until',
            ConditionExpression:
              '#d.#s = :paid AND attribute_not_exists(#d.writtenBackAt) AND attribute_not_exists(#d.writeBackRefusedAt)' +
              ' AND (attribute_not_exists(#d.writeBackLeaseUntil) OR #d.writeBackLeaseUntil <= :now)',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ':paid': 'paid', ':until': until, ':now': nowIso },
          }),
        ),
      );
    },

    async releaseWriteBack(billId) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: billKeys.bill(billId),
          UpdateExpression: 'REMOVE #d.writeBackLeaseUntil',
          ExpressionAttributeNames: { '#d': 'data' },
        }),
      );
    },

    async claimRefundKey(accountId, key, use, at) {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...billKeys.refundKey(accountId, key),
              type: 'bill_refund_key',
              ...use,
              expiresAt: ttlFromIso(at) + REFUND_KEY_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return use;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await table.doc.send(
          new GetCommand({
            TableName: table.name,
            Key: billKeys.refundKey(accountId, key),
            ConsistentRead: true,
          }),
        );
        if (!Item) throw error;
        return {
          bodyHash: String(Item.bodyHash),
          paymentId: String(Item.paymentId),
          refundId: String(Item.refundId),
        };
      }
    },

    async forgetRefundKey(accountId, key) {
      await table.doc.send(
        new DeleteCommand({ TableName: table.name, Key: billKeys.refundKey(accountId, key) }),
      );
    },

    async markWriteBackRefused(billId, at) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: billKeys.bill(billId),
          UpdateExpression: 'SET #d.writeBackRefusedAt = :at REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },

    async listAwaitingWriteBack(settledBy, limit) {
      const items = await queryDue(table, billKeys.awaitingWriteBack, settledBy, limit);
      return items.map((i) => i.data as BillRecord);
    },

    async reserveRefund(bill, refund: BillRefundEntry) {
      const writes: TransactItem[] = [
        billUpdate(
          bill.id,
          'SET #d.refunds.#rid = :entry, #d.updatedAt = :at',
          '#d.#s = :paid',
          { '#rid': refund.refundId },
          { ':entry': refund, ':paid': 'paid', ':at': refund.at },
        ),
        ...refund.itemIds.map((itemId) =>
          lockUpdate(itemId, 'SET #st = :refunded, refundId = :rid', 'billId = :bid AND #st = :paid', {
            ':refunded': 'refunded',
            ':paid': 'paid',
            ':rid': refund.refundId,
            ':bid': bill.id,
          }),
        ),
      ];
      try {
        await table.doc.send(new TransactWriteCommand({ TransactItems: writes }));
        return true;
      } catch (error) {
        if (cancellationCodes(error)?.includes('ConditionalCheckFailed')) return false;
        throw error;
      }
    },

    async cancelRefund(bill, refundId) {
      const entry = (await get(bill.id))?.refunds[refundId];
      if (!entry) return;
      await table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            billUpdate(
              bill.id,
              'REMOVE #d.refunds.#rid',
              '#d.#s = :paid AND attribute_exists(#d.refunds.#rid)',
              { '#rid': refundId },
              { ':paid': 'paid' },
            ),
            ...entry.itemIds.map((itemId) =>
              lockUpdate(
                itemId,
                'SET #st = :paid',
                'refundId = :rid AND #st = :refunded',
                {
                  ':paid': 'paid',
                  ':refunded': 'refunded',
                  ':rid': refundId,
                },
                ' REMOVE refundId',
              ),
            ),
          ],
        }),
      );
    },

    async confirmRefundWithHis(billId, refundId, at) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: billKeys.bill(billId),
          UpdateExpression: 'SET #d.refunds.#rid.hisConfirmedAt = :at',
          ConditionExpression: 'attribute_exists(#d.refunds.#rid)',
          ExpressionAttributeNames: { '#d': 'data', '#rid': refundId },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },

    async close(bill, at) {
      const closed = await conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: billKeys.bill(bill.id),
            UpdateExpression: 'SET #d.#s = :closed, #d.updatedAt = :at',
            ConditionExpression: '#d.#s = :pending',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ':closed': 'closed', ':pending': 'pending', ':at': at },
          }),
        ),
      );
      if (!closed) return false;
      await releasePendingLocks(bill);
      return true;
    },
  };
}

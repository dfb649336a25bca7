import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  HisOrder,
  HisOrderItem,
  HisPaidWriteBack,
  HisPort,
  HisRefundWriteBack,
  HisVisit,
} from '../../ports/his';
import { HisError } from '../../ports/his';
import type { TransactItem } from '../dynamodb/outbox-store';
import { queryAll } from '../dynamodb/query-all';
import type { Table } from '../dynamodb/table';
import { cancellationCodes, failedCondition, isConditionFailure } from '../dynamodb/transaction-errors';
import { demoOrdersForVisit } from './demo-orders';

/**
 * The demo hospital's HIS, for stage `local` and the fake HIS server. It keeps its records in
 * DynamoDB Local under `HIS#` keys — apart from ours, as the hospital's own database would be — so
 * that they live exactly as long as our payment records (`npm start -- --persist` keeps both, a test
 * table drops both) and so that "paid once" and "never refunded once executed" are conditional
 * writes, as they are in the real system, not a hope about one process's memory.
 */

export const hisKeys = {
  patient: (patientId: string) => `HIS#PATIENT#${patientId}`,
  visit: (patientId: string, appointmentId: string) => ({
    pk: `HIS#PATIENT#${patientId}`,
    sk: `VISIT#${appointmentId}`,
  }),
  item: (patientId: string, itemId: string) => ({ pk: `HIS#PATIENT#${patientId}`, sk: `ITEM#${itemId}` }),
  payment: (paymentId: string) => ({ pk: `HIS#PAYMENT#${paymentId}`, sk: 'PAID' }),
  refund: (refundId: string) => ({ pk: `HIS#REFUND#${refundId}`, sk: 'REFUNDED' }),
};

type OrderHeader = Omit<HisOrder, 'items'>;
interface ItemRow {
  order: OrderHeader;
  line: number;
  item: HisOrderItem;
}

/** The extra the demo hospital's staff can do: execute an exam, dispense a drug, give a treatment. */
export interface LocalHis extends HisPort {
  /** Marks paid items executed; refuses unpaid or refunded ones (`ITEM_NOT_PAID`). */
  markExecuted(patientId: string, itemIds: readonly string[]): Promise<void>;
}

function rowsToOrders(rows: ItemRow[]): HisOrder[] {
  const orders = new Map<string, HisOrder>();
  for (const row of [...rows].sort((a, b) => a.item.id.localeCompare(b.item.id, 'en'))) {
    const order = orders.get(row.order.id) ?? { ...row.order, items: [] };
    order.items.push(row.item);
    orders.set(order.id, order);
  }
  return [...orders.values()].sort(
    (a, b) => a.orderedAt.localeCompare(b.orderedAt) || a.id.localeCompare(b.id, 'en'),
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

export function createLocalHis(table: Table): LocalHis {
  const readPatient = async (patientId: string) => {
    const rows = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': hisKeys.patient(patientId) },
      ConsistentRead: true,
    });
    const visits = new Set(rows.filter((r) => r.type === 'his_visit').map((r) => String(r.appointmentId)));
    const items = rows.filter((r) => r.type === 'his_item').map((r) => r.data as ItemRow);
    return { visits, items };
  };

  /** Writes a visit's demo orders once; a concurrent first read that lost the race finds them written. */
  const generate = async (visit: HisVisit) => {
    const orders = demoOrdersForVisit(visit);
    const writes: TransactItem[] = [
      {
        Put: {
          TableName: table.name,
          Item: {
            ...hisKeys.visit(visit.patientId, visit.appointmentId),
            type: 'his_visit',
            appointmentId: visit.appointmentId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...orders.flatMap(({ items, ...order }) =>
        items.map((item, i) => ({
          Put: {
            TableName: table.name,
            Item: {
              ...hisKeys.item(visit.patientId, item.id),
              type: 'his_item',
              data: { order, line: i + 1, item } satisfies ItemRow,
            },
          },
        })),
      ),
    ];
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: writes }));
    } catch (error) {
      if (!failedCondition(cancellationCodes(error), 0)) throw error;
    }
  };

  const readItems = async (patientId: string, itemIds: readonly string[]) => {
    const { items } = await readPatient(patientId);
    const byId = new Map(items.map((r) => [r.item.id, r]));
    const missing = itemIds.filter((id) => !byId.has(id));
    if (missing.length) throw new HisError('ITEM_NOT_FOUND', '没有这些项目', { itemIds: missing });
    return itemIds.map((id) => byId.get(id) as ItemRow);
  };

  const itemUpdate = (
    patientId: string,
    itemId: string,
    update: string,
    condition: string,
    values: Record<string, unknown>,
  ): TransactItem => ({
    Update: {
      TableName: table.name,
      Key: hisKeys.item(patientId, itemId),
      UpdateExpression: update,
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#d': 'data', '#i': 'item' },
      ExpressionAttributeValues: values,
    },
  });

  /** One update per written-back item, once the total told is checked against the items' own prices. */
  const writeBackUpdates = async (
    w: { patientId: string; itemIds: readonly string[]; totalFen: number },
    update: string,
    condition: string,
    values: Record<string, unknown>,
  ) => {
    const rows = await readItems(w.patientId, w.itemIds);
    const sum = rows.reduce((s, r) => s + r.item.lineTotalFen, 0);
    if (sum !== w.totalFen) throw new HisError('TOTAL_MISMATCH', `项目合计 ${sum} 分，告知 ${w.totalFen} 分`);
    return w.itemIds.map((id) => itemUpdate(w.patientId, id, update, condition, values));
  };

  /** Puts the once-per-id marker with the item updates; a repeat with the same items is a no-op. */
  const applyOnce = async (
    marker: Record<string, string>,
    body: Record<string, unknown>,
    itemIds: readonly string[],
    updates: TransactItem[],
  ) => {
    try {
      await table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table.name,
                Item: { ...marker, ...body, itemIds },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...updates,
          ],
        }),
      );
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!failedCondition(codes, 0)) {
        if (codes) return false;
        throw error;
      }
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: marker, ConsistentRead: true }),
      );
      if (Item && sameIds(Item.itemIds as string[], itemIds)) return true;
      throw new HisError('IDEMPOTENCY_CONFLICT', '同一编号已用于不同的项目');
    }
  };

  return {
    async listOrders(patientId, visits) {
      const known = await readPatient(patientId);
      const fresh = visits.filter((v) => v.patientId === patientId && !known.visits.has(v.appointmentId));
      for (const visit of fresh) await generate(visit);
      const { items } = fresh.length ? await readPatient(patientId) : known;
      const wanted = new Set(visits.map((v) => v.appointmentId));
      return rowsToOrders(items.filter((r) => wanted.has(r.order.appointmentId)));
    },

    async markPaid(w: HisPaidWriteBack) {
      const updates = await writeBackUpdates(
        w,
        'SET #d.#i.paidByPaymentId = :pid',
        'attribute_not_exists(#d.#i.paidByPaymentId) OR #d.#i.paidByPaymentId = :pid',
        { ':pid': w.paymentId },
      );
      const body = {
        type: 'his_payment',
        transactionId: w.transactionId,
        totalFen: w.totalFen,
        paidAt: w.paidAt,
      };
      if (await applyOnce(hisKeys.payment(w.paymentId), body, w.itemIds, updates)) return;
      const now = await readItems(w.patientId, w.itemIds);
      const taken = now.filter((r) => r.item.paidByPaymentId && r.item.paidByPaymentId !== w.paymentId);
      if (!taken.length) throw new HisError('UNAVAILABLE', '并发写入冲突，请重试', { transient: true });
      throw new HisError('ITEM_ALREADY_PAID', '项目已由其他支付缴费', {
        itemIds: taken.map((r) => r.item.id),
      });
    },

    async markRefunded(w: HisRefundWriteBack) {
      const updates = await writeBackUpdates(
        w,
        'SET #d.#i.refundedByRefundId = :rid',
        '#d.#i.paidByPaymentId = :pid AND #d.#i.executed = :no AND (attribute_not_exists(#d.#i.refundedByRefundId) OR #d.#i.refundedByRefundId = :rid)',
        { ':pid': w.paymentId, ':rid': w.refundId, ':no': false },
      );
      const body = { type: 'his_refund', paymentId: w.paymentId, totalFen: w.totalFen, at: w.at };
      if (await applyOnce(hisKeys.refund(w.refundId), body, w.itemIds, updates)) return;
      const now = await readItems(w.patientId, w.itemIds);
      const executed = now.filter((r) => r.item.executed).map((r) => r.item.id);
      if (executed.length) throw new HisError('ITEM_EXECUTED', '项目已执行，不能退费', { itemIds: executed });
      const notPaid = now.filter(
        (r) =>
          r.item.paidByPaymentId !== w.paymentId ||
          (r.item.refundedByRefundId && r.item.refundedByRefundId !== w.refundId),
      );
      if (!notPaid.length) throw new HisError('UNAVAILABLE', '并发写入冲突，请重试', { transient: true });
      throw new HisError('ITEM_NOT_PAID', '项目未由该支付缴费或已退费', {
        itemIds: notPaid.map((r) => r.item.id),
      });
    },

    async executedItems(patientId, itemIds) {
      const { items } = await readPatient(patientId);
      const wanted = new Set(itemIds);
      return Object.fromEntries(
        items.filter((r) => wanted.has(r.item.id)).map((r) => [r.item.id, r.item.executed]),
      );
    },

    async markExecuted(patientId, itemIds) {
      await readItems(patientId, itemIds);
      for (const id of itemIds) {
        try {
          await table.doc.send(
            new UpdateCommand({
              TableName: table.name,
              Key: hisKeys.item(patientId, id),
              UpdateExpression: 'SET #d.#i.executed = :yes',
              ConditionExpression:
                'attribute_exists(#d.#i.paidByPaymentId) AND attribute_not_exists(#d.#i.refundedByRefundId)',
              ExpressionAttributeNames: { '#d': 'data', '#i': 'item' },
              ExpressionAttributeValues: { ':yes': true },
            }),
          );
        } catch (error) {
          if (isConditionFailure(error))
            throw new HisError('ITEM_NOT_PAID', '项目未缴费或已退费，不能执行', { itemIds: [id] });
          throw error;
        }
      }
    },
  };
}

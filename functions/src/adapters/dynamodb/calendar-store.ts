import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { calendarYearChangeSchema, DomainError } from '@jiuyi/shared';
import type { CalendarStore, StoredCalendarYear } from '../../ports/calendar-store';
import { calendarKeys } from './calendar-keys';
import { queryAll } from './query-all';
import type { Table } from './table';
import type { TransactItem } from './outbox-store';
import { cancellationCodes, conditionalWrite } from './transaction-errors';
import { transactWithRetry } from './transact-with-retry';

function toYear(item: Record<string, unknown> | undefined): StoredCalendarYear | undefined {
  return item ? (item.data as StoredCalendarYear) : undefined;
}

/** The names of the items whose condition refused the transaction (in the order they were given). */
function refusedItems<K extends string>(items: Record<K, TransactItem>, error: unknown): K[] {
  const codes = cancellationCodes(error);
  return (Object.keys(items) as K[]).filter((_, i) => codes?.[i] === 'ConditionalCheckFailed');
}

/** Calendar years (`CALENDAR` / `YEAR#<year>`) and their audit entries (`AUDIT#<year>#<version>`). */
export function createCalendarStore(table: Table): CalendarStore {
  const yearItem = (year: StoredCalendarYear) => ({
    ...calendarKeys.year(year.year),
    type: 'calendar_year',
    version: year.version,
    data: year,
  });
  return {
    async listYears() {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': calendarKeys.partition, ':p': calendarKeys.yearPrefix },
        ConsistentRead: true,
      });
      return items.map((i) => toYear(i)!);
    },
    async getYear(year) {
      const res = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: calendarKeys.year(year), ConsistentRead: true }),
      );
      return toYear(res.Item);
    },
    async listChanges(year, limit) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': calendarKeys.partition, ':p': calendarKeys.changePrefix(year) },
        ScanIndexForward: false,
        Limit: limit,
      });
      return items.slice(0, limit).map((i) => calendarYearChangeSchema.parse(i.data));
    },
    async seedYears(years) {
      const written = await Promise.all(
        years.map((year) =>
          conditionalWrite(
            table.doc.send(
              new PutCommand({
                TableName: table.name,
                Item: yearItem(year),
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            ),
          ),
        ),
      );
      return written.filter(Boolean).length;
    },
    async saveYear(next, change, expectedVersion) {
      // Named items: a refusal is reported by the name of the item whose condition failed.
      const items = {
        year: {
          Put: {
            TableName: table.name,
            Item: yearItem(next),
            ...(expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'version = :expected',
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          },
        },
        audit: {
          Put: {
            TableName: table.name,
            Item: {
              ...calendarKeys.change(next.year, next.version),
              type: 'calendar_change',
              data: change,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      } satisfies Record<string, TransactItem>;
      try {
        await transactWithRetry(
          table,
          Object.values(items),
          () => new DomainError('CONCURRENT_MODIFICATION'),
        );
        return 'saved';
      } catch (error) {
        if (refusedItems(items, error).includes('year')) return 'changed';
        throw error;
      }
    },
  };
}

import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PlannedSession } from '@jiuyi/shared';
import type { ScheduleStore, SessionRecord, SlotRecord } from '../../ports/schedule-store';
import { scheduleKeys } from './appointment-keys';
import type { Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';
import { queryAll } from './query-all';

function toRecords(
  plan: PlannedSession,
  departmentName: string,
): { session: SessionRecord; slots: SlotRecord[] } {
  const common = {
    departmentId: plan.departmentId,
    departmentName,
    doctorId: plan.doctor.id,
    doctorName: plan.doctor.name,
    doctorTitle: plan.doctor.title,
    date: plan.date,
    period: plan.period,
    feeFen: plan.doctor.feeFen,
  };
  return {
    session: { ...common, id: plan.id, status: 'open', capacity: plan.capacity },
    slots: plan.slots.map((s) => ({
      ...common,
      id: s.id,
      sessionId: plan.id,
      start: s.start,
      end: s.end,
      capacity: s.capacity,
      capacityOnline: s.capacityOnline,
      bookedOnline: 0,
      capacityOnSite: s.capacityOnSite ?? 0,
      bookedOnSite: 0,
      capacityReferral: s.capacityReferral ?? 0,
      bookedReferral: 0,
      holds: {},
    })),
  };
}

/**
 * A department's sessions from `from` to `to` (dates), each with its slots, off the department index:
 * eventually consistent, so writers re-check a session's status in their own transaction.
 */
export async function queryDepartmentSessions(
  table: Table,
  departmentId: string,
  from: string,
  to: string,
): Promise<{ session: SessionRecord; slots: SlotRecord[] }[]> {
  const items = await queryAll(table, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': scheduleKeys.departmentSessions(departmentId),
      ':from': from,
      ':to': `${to}#~`,
    },
  });
  const sessions = items.filter((i) => i.type === 'session').map((i) => i as unknown as SessionRecord);
  const slots = items.filter((i) => i.type === 'slot').map((i) => i as unknown as SlotRecord);
  return sessions.map((session) => ({ session, slots: slots.filter((s) => s.sessionId === session.id) }));
}

/** Sessions and slots; counters and holds are top-level attributes so conditions can address them. */
export function createScheduleStore(table: Table): ScheduleStore {
  const gsiOf = (r: { departmentId: string }, sort: string) => ({
    gsi1pk: scheduleKeys.departmentSessions(r.departmentId),
    gsi1sk: sort,
  });
  return {
    async putSessionIfAbsent(plan, departmentName) {
      const { session, slots } = toRecords(plan, departmentName);
      // A session has at most 21 slots (5-minute slots over 3.5 hours), well under the 100-item limit.
      const sessionItem = {
        ...scheduleKeys.session(session.id),
        ...gsiOf(session, scheduleKeys.sessionSort(session.date, session.period, session.doctorId)),
        type: 'session',
        ...session,
      };
      const slotItems = slots.map((s) => ({
        ...scheduleKeys.slot(s.id),
        ...gsiOf(s, scheduleKeys.slotSort(s.date, s.period, s.doctorId, s.start)),
        type: 'slot',
        ...s,
      }));
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [sessionItem, ...slotItems].map((Item) => ({
              Put: { TableName: table.name, Item, ConditionExpression: 'attribute_not_exists(pk)' },
            })),
          }),
        );
        return true;
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) return false;
        throw error;
      }
    },
    listSessions: (departmentId, from, to) => queryDepartmentSessions(table, departmentId, from, to),
    async getSlot(slotId) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: scheduleKeys.slot(slotId), ConsistentRead: true }),
      );
      return Item?.type === 'slot' ? (Item as unknown as SlotRecord) : undefined;
    },
  };
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ScheduleStore, SessionRecord } from '../../ports/schedule-store';
import type { SessionReader } from '../../ports/session-reader';
import { scheduleKeys } from './appointment-keys';
import { queryAll } from './query-all';
import type { Table } from './table';

/**
 * Finds a session's slot ids on the department index (eventually consistent, but slot ids never
 * change), then reads each slot with a consistent read so the counters are current.
 */
export function createSessionReader(table: Table, schedule: Pick<ScheduleStore, 'getSlot'>): SessionReader {
  return {
    async getSession(sessionId) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: scheduleKeys.session(sessionId), ConsistentRead: true }),
      );
      if (Item?.type !== 'session') return undefined;
      const session = Item as unknown as SessionRecord;
      const refs = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': scheduleKeys.departmentSessions(session.departmentId),
          ':prefix': scheduleKeys.slotSort(session.date, session.period, session.doctorId, ''),
        },
      });
      const ids = refs.filter((r) => r.sessionId === sessionId).map((r) => String(r.id));
      const slots = await Promise.all(ids.map((id) => schedule.getSlot(id)));
      return {
        session,
        slots: slots.flatMap((s) => (s ? [s] : [])).sort((a, b) => a.start.localeCompare(b.start)),
      };
    },
  };
}

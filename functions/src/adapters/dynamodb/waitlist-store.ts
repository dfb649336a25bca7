import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type { WaitlistEntryRecord, WaitlistStore } from '../../ports/waitlist-store';
import { appointmentKeys, scheduleKeys } from './appointment-keys';
import { transactWithRetry } from './transact-with-retry';
import { messageWriteItems } from './outbox-store';
import { visitReminderItems } from './visit-reminder-items';
import { queryAll } from './query-all';
import type { Table } from './table';
import { cancellationCodes, conditionalWrite, failedCondition } from './transaction-errors';
import { visitKeys } from './visit-keys';
import { joinItems, leaveItems, promoteItems } from './waitlist-items';
import { patientHoldRelease } from './capacity-items';
const MAX_JOIN_ATTEMPTS = 40;

const JOIN = { idempotency: 0, guard: 1, booked: 2, head: 3, patient: 6 } as const;
const PROMOTE = {
  entry: 0,
  queue: 1,
  guard: 2,
  head: 3,
  session: 4,
  slot: 5,
  sessionGuard: 7,
  limits: [8, 9],
};

/** Other promoters kept winning the same items: the caller reads the queue again. */
const isContended = (error: unknown) => error instanceof DomainError && error.code === 'BOOKING_CONTENDED';

const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * 5 * Math.min(2 ** attempt, 64)));

/** The waitlist: per-session head counters, an ordered queue, entries in their accounts' partitions. */
export function createWaitlistStore(table: Table): WaitlistStore {
  const readHead = async (sessionId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: visitKeys.waitlistHead(sessionId), ConsistentRead: true }),
    );
    return { waiting: Number(Item?.waiting ?? 0), nextSeq: Number(Item?.nextSeq ?? 0) };
  };
  const get = async (accountId: string, entryId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({
        TableName: table.name,
        Key: visitKeys.waitlistEntry(accountId, entryId),
        ConsistentRead: true,
      }),
    );
    return Item?.type === 'waitlist_entry' ? (Item.data as WaitlistEntryRecord) : undefined;
  };

  return {
    head: readHead,
    get,
    async join(draft, stamp, cutoff) {
      for (let attempt = 1; attempt <= MAX_JOIN_ATTEMPTS; attempt += 1) {
        const entry: WaitlistEntryRecord = { ...draft, seq: (await readHead(draft.sessionId)).nextSeq + 1 };
        try {
          await table.doc.send(
            new TransactWriteCommand({ TransactItems: joinItems(table, entry, stamp, cutoff) }),
          );
          return { kind: 'joined', entry };
        } catch (error) {
          const codes = cancellationCodes(error);
          if (!codes) throw error;
          if (failedCondition(codes, JOIN.idempotency)) {
            const { Item } = await table.doc.send(
              new GetCommand({
                TableName: table.name,
                Key: appointmentKeys.idempotency(draft.accountId, stamp.key),
                ConsistentRead: true,
              }),
            );
            if (Item) {
              const entryId = typeof Item.entryId === 'string' ? Item.entryId : undefined;
              return { kind: 'replayed', ...(entryId ? { entryId } : {}), bodyHash: String(Item.bodyHash) };
            }
          }
          // The profile was deleted meanwhile: as if it never existed.
          if (failedCondition(codes, JOIN.patient)) throw new DomainError('NOT_FOUND');
          if (failedCondition(codes, JOIN.guard)) throw new DomainError('ALREADY_ON_WAITLIST');
          if (failedCondition(codes, JOIN.booked)) throw new DomainError('DUPLICATE_BOOKING');
          // Another join took this position first (or a plain write conflict): read the next one.
          await pause(attempt);
        }
      }
      throw new DomainError('BOOKING_CONTENDED');
    },
    async list(accountId) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}`, ':p': 'WAITLIST#' },
        ConsistentRead: true,
      });
      return items.map((i) => i.data as WaitlistEntryRecord);
    },
    async firstInLine(sessionId, limit) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': visitKeys.waitlistQueue(sessionId) },
          ConsistentRead: true,
          Limit: limit,
        }),
      );
      const entries = await Promise.all(Items.map((i) => get(String(i.accountId), String(i.entryId))));
      return entries.filter((e): e is WaitlistEntryRecord => e?.status === 'waiting');
    },
    async countAhead(sessionId, seq) {
      let count = 0;
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await table.doc.send(
          new QueryCommand({
            TableName: table.name,
            KeyConditionExpression: 'pk = :pk AND sk < :mine',
            ExpressionAttributeValues: {
              ':pk': visitKeys.waitlistQueue(sessionId),
              ':mine': visitKeys.waitlistQueueItem(sessionId, seq).sk,
            },
            Select: 'COUNT',
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        count += page.Count ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return count;
    },
    async activeSessions(limit) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': visitKeys.activeWaitlists },
          Limit: limit,
        }),
      );
      return Items.map((i) => ({
        sessionId: String(i.sessionId),
        cutoff: String(i.gsi2sk).split('#')[0] ?? '',
        waiting: Number(i.waiting ?? 0),
      }));
    },
    async leave(entry, change, messages) {
      const set =
        'SET #d.#s = :status, #d.updatedAt = :at' + (change.reason ? ', #d.skipReason = :reason' : '');
      const values = {
        ':status': change.status,
        ':at': change.at,
        ...(change.reason ? { ':reason': change.reason } : {}),
      };
      try {
        await transactWithRetry(table, [
          ...leaveItems(table, entry, set, values),
          patientHoldRelease(table, entry),
          ...messageWriteItems(table, messages),
        ]);
        return true;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (failedCondition(codes, 0) || failedCondition(codes, 1) || isContended(error)) return false;
        throw error;
      }
    },
    async promote(entry, a, limits, messages) {
      // The offered visit gets its reminders now; they fire only once it is booked (paid or confirmed).
      const items = [
        ...promoteItems(table, entry, a, limits),
        ...messageWriteItems(table, messages),
        ...visitReminderItems(table, a),
      ];
      try {
        await transactWithRetry(table, items);
        return { kind: 'offered' };
      } catch (error) {
        if (isContended(error)) return { kind: 'stale' };
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const failed = (i: number) => failedCondition(codes, i);
        if ([PROMOTE.entry, PROMOTE.queue, PROMOTE.guard, PROMOTE.head].some(failed))
          return { kind: 'stale' };
        if (failed(PROMOTE.session)) return { kind: 'session_closed' };
        if (failed(PROMOTE.sessionGuard)) return { kind: 'ineligible', reason: 'duplicate' };
        if (PROMOTE.limits.some(failed)) return { kind: 'ineligible', reason: 'limit' };
        if (failed(PROMOTE.slot)) return { kind: 'slot_full' };
        throw error;
      }
    },
    async retire(sessionId) {
      // Refused when someone joined meanwhile: the session stays watched.
      await conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: visitKeys.waitlistHead(sessionId),
            UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
            ConditionExpression: 'attribute_not_exists(waiting) OR waiting <= :zero',
            ExpressionAttributeValues: { ':zero': 0 },
          }),
        ),
      );
    },
    async confirmFreeOffer(a, nowIso, messages) {
      try {
        await transactWithRetry(table, [
          {
            Update: {
              TableName: table.name,
              Key: appointmentKeys.appointment(a.accountId, a.id),
              UpdateExpression: 'SET #d.#s = :booked, #d.updatedAt = :now REMOVE gsi2pk, gsi2sk',
              ConditionExpression: '#d.#s = :pending AND #d.holdExpiresAt > :now',
              ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
              ExpressionAttributeValues: {
                ':booked': 'booked',
                ':pending': 'pending_payment',
                ':now': nowIso,
              },
            },
          },
          {
            Update: {
              TableName: table.name,
              Key: scheduleKeys.slot(a.slotId),
              UpdateExpression: 'REMOVE holds.#aid',
              ConditionExpression: 'attribute_exists(holds.#aid)',
              ExpressionAttributeNames: { '#aid': a.id },
            },
          },
          ...messageWriteItems(table, messages),
        ]);
        return true;
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) return false;
        throw error;
      }
    },
  };
}

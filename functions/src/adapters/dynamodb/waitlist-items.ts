import type { AppointmentRecord, BookingLimits } from '../../ports/appointment-store';
import type { WaitlistEntryRecord } from '../../ports/waitlist-store';
import { appointmentKeys } from './appointment-keys';
import { appointmentPut, idempotencyPut } from './appointment-store';
import {
  dayCounterItems,
  patientHoldTakeItems,
  sessionGuardPut,
  sessionOpenCheck,
  slotTakeItem,
} from './capacity-items';
import type { TransactItem } from './outbox-store';
import type { Table } from './table';
import { visitKeys } from './visit-keys';

/**
 * Transaction items of the waitlist (候补). The order of each list is the order of its cancellation
 * reasons, which `waitlist-store.ts` reads by index.
 */

/** Leaving the queue: the entry's status, its queue item, its guard and the waiting count. */
export function leaveItems(
  table: Table,
  e: WaitlistEntryRecord,
  set: string,
  values: Record<string, unknown>,
) {
  return [
    {
      Update: {
        TableName: table.name,
        Key: visitKeys.waitlistEntry(e.accountId, e.id),
        UpdateExpression: set,
        ConditionExpression: '#d.#s = :waiting',
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: { ...values, ':waiting': 'waiting' },
      },
    },
    {
      Delete: {
        TableName: table.name,
        Key: visitKeys.waitlistQueueItem(e.sessionId, e.seq),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    {
      Delete: {
        TableName: table.name,
        Key: visitKeys.waitlistGuard(e),
        ConditionExpression: 'entryId = :eid',
        ExpressionAttributeValues: { ':eid': e.id },
      },
    },
    {
      Update: {
        TableName: table.name,
        Key: visitKeys.waitlistHead(e.sessionId),
        UpdateExpression: 'ADD waiting :minus',
        ConditionExpression: 'waiting > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      },
    },
  ] satisfies TransactItem[];
}

/**
 * Joining: idempotency, one place per person, not already booked, the next position, entry, queue
 * item and the profile's count (which also requires the profile to still exist).
 */
export function joinItems(
  table: Table,
  e: WaitlistEntryRecord,
  stamp: { key: string; bodyHash: string },
  cutoff: string,
): TransactItem[] {
  return [
    idempotencyPut(table, e.accountId, stamp, e.createdAt, { entryId: e.id }),
    {
      Put: {
        TableName: table.name,
        Item: { ...visitKeys.waitlistGuard(e), type: 'waitlist_guard', entryId: e.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      ConditionCheck: {
        TableName: table.name,
        Key: appointmentKeys.sessionGuard(e),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table.name,
        Key: visitKeys.waitlistHead(e.sessionId),
        UpdateExpression:
          'SET nextSeq = :seq, sessionId = :sid, gsi2pk = :active, gsi2sk = :sort ADD waiting :one',
        ConditionExpression: 'attribute_not_exists(nextSeq) OR nextSeq = :prior',
        ExpressionAttributeValues: {
          ':seq': e.seq,
          ':prior': e.seq - 1,
          ':sid': e.sessionId,
          ':active': visitKeys.activeWaitlists,
          ':sort': `${cutoff}#${e.sessionId}`,
          ':one': 1,
        },
      },
    },
    {
      Put: {
        TableName: table.name,
        Item: { ...visitKeys.waitlistEntry(e.accountId, e.id), type: 'waitlist_entry', data: e },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table.name,
        Item: {
          ...visitKeys.waitlistQueueItem(e.sessionId, e.seq),
          type: 'waitlist_queue',
          accountId: e.accountId,
          entryId: e.id,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...patientHoldTakeItems(table, e),
  ];
}

/**
 * The promotion: the entry leaves the queue as `offered` and the appointment takes the number as a
 * hold. The profile's count stays as it was (a waiting place becomes an unpaid number), so the
 * profile item is not touched.
 */
export function promoteItems(
  table: Table,
  entry: WaitlistEntryRecord,
  a: AppointmentRecord,
  limits: BookingLimits,
): TransactItem[] {
  return [
    ...leaveItems(
      table,
      entry,
      'SET #d.#s = :offered, #d.appointmentId = :aid, #d.offerExpiresAt = :until, #d.updatedAt = :at',
      { ':offered': 'offered', ':aid': a.id, ':until': a.holdExpiresAt, ':at': a.createdAt },
    ),
    sessionOpenCheck(table, a.sessionId),
    // An offer is an unpaid online number: the slot records it as a hold until the patient answers.
    slotTakeItem(table, a, 'online'),
    appointmentPut(table, a),
    // The same guard as an online booking writes: the no-show job and suspensions find it.
    sessionGuardPut(table, a),
    ...dayCounterItems(table, a, limits),
  ];
}

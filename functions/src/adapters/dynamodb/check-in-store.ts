import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckInStore } from '../../ports/check-in-store';
import { appointmentKeys } from './appointment-keys';
import { transactWithRetry } from './transact-with-retry';
import { messageWriteItems } from './outbox-store';
import type { Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';
import { visitKeys } from './visit-keys';

/** Check-in writes: an atomic per-session counter, and status moves conditioned on `booked`. */
export function createCheckInStore(table: Table): CheckInStore {
  const fromBooked = async (
    a: { accountId: string; id: string },
    set: string,
    values: Record<string, unknown>,
    messages: Parameters<typeof messageWriteItems>[1],
  ) => {
    try {
      await transactWithRetry(table, [
        {
          Update: {
            TableName: table.name,
            Key: appointmentKeys.appointment(a.accountId, a.id),
            UpdateExpression: set,
            // A second scan, a self check-in racing the desk, a cancel: only one leaves `booked`.
            ConditionExpression: '#d.#s = :booked',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ...values, ':booked': 'booked' },
          },
        },
        ...messageWriteItems(table, messages),
      ]);
      return true;
    } catch (error) {
      if (failedCondition(cancellationCodes(error), 0)) return false;
      throw error;
    }
  };
  return {
    async nextQueueNumber(sessionId) {
      const out = await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: visitKeys.checkInQueue(sessionId),
          UpdateExpression: 'SET #t = :type ADD lastNumber :one',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: { ':type': 'check_in_queue', ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.lastNumber);
    },
    checkIn(a, change, messages) {
      return fromBooked(
        a,
        'SET #d.#s = :checkedIn, #d.queueNumber = :n, #d.checkedInAt = :at, #d.checkedInBy = :by, #d.updatedAt = :at',
        { ':checkedIn': 'checked_in', ':n': change.queueNumber, ':at': change.at, ':by': change.by },
        messages,
      );
    },
    voidBooking(a, at, messages) {
      return fromBooked(
        a,
        'SET #d.#s = :voided, #d.voidedAt = :at, #d.updatedAt = :at',
        { ':voided': 'voided', ':at': at },
        messages,
      );
    },
  };
}

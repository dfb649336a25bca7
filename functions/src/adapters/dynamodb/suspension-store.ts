import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type {
  MoveBooking,
  SuspendableSession,
  SuspensionOfferRecord,
  SuspensionStore,
} from '../../ports/suspension-store';
import { appointmentKeys, scheduleKeys } from './appointment-keys';
import {
  dayCounterMoveItems,
  sessionGuardDelete,
  sessionGuardPut,
  sessionOpenCheck,
  slotReleaseItem,
} from './capacity-items';
import { messageWriteItems, type TransactItem } from './outbox-store';
import { visitReminderRetimeItems } from './visit-reminder-items';
import { queryAll, queryDue } from './query-all';
import { queryDepartmentSessions } from './schedule-store';
import { suspensionKeys } from './suspension-keys';
import type { Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { cancellationCodes, conditionalWrite, failedCondition } from './transaction-errors';

function offerItem(o: SuspensionOfferRecord): Record<string, unknown> {
  return {
    ...suspensionKeys.offer(o.sessionId, o.appointmentId),
    type: 'suspension_offer',
    ...(o.state === 'offered'
      ? {
          gsi2pk: suspensionKeys.openOffers,
          gsi2sk: suspensionKeys.openOfferSort(o.deadline, o.sessionId, o.appointmentId),
        }
      : {}),
    data: o,
  };
}

/** What the appointment itself says about its offer, so "my appointments" can show it without another read. */
function offerMark(o: SuspensionOfferRecord): NonNullable<AppointmentRecord['suspensionOffer']> {
  return { sessionId: o.sessionId, state: o.state, deadline: o.deadline };
}

/** Closes an open offer: the condition is what makes a patient's answer and the default exclusive. */
function closeOfferItem(
  table: Table,
  offer: SuspensionOfferRecord,
  closed: SuspensionOfferRecord,
): TransactItem {
  return {
    Put: {
      TableName: table.name,
      Item: offerItem(closed),
      ConditionExpression: '#d.#state = :offered',
      ExpressionAttributeNames: { '#d': 'data', '#state': 'state' },
      ExpressionAttributeValues: { ':offered': 'offered' },
    },
  };
}

/** Gives back the substitute number taken when the offer was made. */
function freeReservationItem(table: Table, slotId: string): TransactItem {
  return {
    Update: {
      TableName: table.name,
      Key: scheduleKeys.slot(slotId),
      UpdateExpression: 'SET bookedOnline = bookedOnline - :one',
      ConditionExpression: 'bookedOnline > :zero',
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
}

function counterMove(table: Table, from: AppointmentRecord, to: AppointmentRecord): TransactItem[] {
  if (from.date === to.date) return [];
  // A displaced patient is not refused for the day limits: the hospital moved them, they did not book.
  return [...dayCounterMoveItems(table, from, -1), ...dayCounterMoveItems(table, to, 1)];
}

/** Index of each move-transaction item, for reading the cancellation reasons. */
const MOVE = { offer: 0, appointment: 1, targetSession: 2, newGuard: 3 } as const;

function moveItems(table: Table, change: MoveBooking): TransactItem[] {
  const { offer, appointment: a, moved } = change;
  const hold = moved.status === 'pending_payment' && moved.holdExpiresAt;
  const items: TransactItem[] = [
    closeOfferItem(table, offer, { ...offer, ...change.resolution, state: 'resolved' }),
    {
      Update: {
        TableName: table.name,
        Key: appointmentKeys.appointment(a.accountId, a.id),
        // Same id and account: payments and messages that point at the appointment keep working.
        UpdateExpression: 'SET #d = :moved',
        // The status read is the status replaced: a payment, cancel or expiry in between wins.
        ConditionExpression: '#d.#s = :prior',
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: { ':prior': a.status, ':moved': moved },
      },
    },
    sessionOpenCheck(table, moved.sessionId),
    sessionGuardPut(table, moved),
    sessionGuardDelete(table, a),
    slotReleaseItem(table, a),
    ...counterMove(table, a, moved),
    ...messageWriteItems(table, [change.message]),
    ...visitReminderRetimeItems(table, moved),
  ];
  if (change.reserved && hold) {
    items.push({
      Update: {
        TableName: table.name,
        Key: scheduleKeys.slot(moved.slotId),
        UpdateExpression: 'SET holds.#aid = :hold',
        ExpressionAttributeNames: { '#aid': moved.id },
        ExpressionAttributeValues: {
          ':hold': { expiresAt: moved.holdExpiresAt, accountId: moved.accountId },
        },
      },
    });
  }
  return items;
}

/** Offers live in the suspended session's partition; moves are single transactions conditioned on prior state. */
export function createSuspensionStore(table: Table): SuspensionStore {
  const getOffer = async (sessionId: string, appointmentId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({
        TableName: table.name,
        Key: suspensionKeys.offer(sessionId, appointmentId),
        ConsistentRead: true,
      }),
    );
    return Item ? (Item.data as SuspensionOfferRecord) : undefined;
  };
  return {
    async getSession(sessionId) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: scheduleKeys.session(sessionId), ConsistentRead: true }),
      );
      return Item?.type === 'session' ? (Item as unknown as SuspendableSession) : undefined;
    },
    async markSuspended(sessionId, change) {
      return conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: scheduleKeys.session(sessionId),
            UpdateExpression:
              'SET #status = :suspended, suspendedReason = :reason, suspendedAt = :at, suspendedByAccountId = :by' +
              (change.makeUpSessionId ? ', makeUpSessionId = :makeUp' : ''),
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':suspended': 'suspended',
              ':open': 'open',
              ':reason': change.reason,
              ':at': change.at,
              ':by': change.byAccountId,
              ...(change.makeUpSessionId ? { ':makeUp': change.makeUpSessionId } : {}),
            },
          }),
        ),
      );
    },
    async listSessionBookings(sessionId) {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': appointmentKeys.sessionBookings(sessionId) },
      });
      return items.map((i) => ({ accountId: String(i.accountId), appointmentId: String(i.appointmentId) }));
    },
    // The index may lag a moment behind a suspension; callers re-check the session in their transaction.
    listDepartmentSessions: (departmentId, from, to) =>
      queryDepartmentSessions(table, departmentId, from, to),
    async hasGuard(sessionId, identityIndex) {
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: appointmentKeys.sessionGuard({ sessionId, identityIndex }),
          ConsistentRead: true,
        }),
      );
      return Item !== undefined;
    },
    getOffer,
    async listOffers(sessionId) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: {
          ':pk': suspensionKeys.offer(sessionId, '').pk,
          ':p': suspensionKeys.offerPrefix,
        },
        ConsistentRead: true,
      });
      return items.map((i) => i.data as SuspensionOfferRecord);
    },
    async createOffer(offer, appointment, message) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table.name,
            Item: offerItem(offer),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: table.name,
            Key: appointmentKeys.appointment(appointment.accountId, appointment.id),
            UpdateExpression: 'SET #d.suspensionOffer = :mark',
            ConditionExpression: '#d.#s = :prior',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ':mark': offerMark(offer), ':prior': appointment.status },
          },
        },
        ...(offer.substitute
          ? [
              {
                Update: {
                  TableName: table.name,
                  Key: scheduleKeys.slot(offer.substitute.slotId),
                  UpdateExpression: 'SET bookedOnline = bookedOnline + :one',
                  ConditionExpression: 'bookedOnline < capacityOnline',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
            ]
          : []),
        ...messageWriteItems(table, [message]),
      ];
      try {
        await transactWithRetry(table, items);
        return 'created';
      } catch (error) {
        const codes = cancellationCodes(error);
        if (failedCondition(codes, 0)) return 'exists';
        if (failedCondition(codes, 1)) return 'appointment_changed';
        if (offer.substitute && failedCondition(codes, 2)) return 'slot_taken';
        throw error;
      }
    },
    async move(change) {
      try {
        await transactWithRetry(table, moveItems(table, change));
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (failedCondition(codes, MOVE.offer)) throw new DomainError('SUSPENSION_OFFER_CLOSED');
        if (failedCondition(codes, MOVE.appointment)) throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
        if (failedCondition(codes, MOVE.targetSession))
          throw new DomainError('SUSPENSION_CHOICE_UNAVAILABLE');
        if (failedCondition(codes, MOVE.newGuard)) throw new DomainError('DUPLICATE_BOOKING');
        throw new DomainError('BOOKING_CONTENDED');
      }
    },
    async close(offer, resolution, message) {
      const closed = { ...offer, ...resolution };
      const items: TransactItem[] = [
        closeOfferItem(table, offer, closed),
        {
          Update: {
            TableName: table.name,
            Key: appointmentKeys.appointment(offer.accountId, offer.appointmentId),
            UpdateExpression: 'SET #d.suspensionOffer = :mark',
            ExpressionAttributeNames: { '#d': 'data' },
            ExpressionAttributeValues: { ':mark': offerMark(closed) },
          },
        },
        ...(offer.substitute ? [freeReservationItem(table, offer.substitute.slotId)] : []),
        ...(message ? messageWriteItems(table, [message]) : []),
      ];
      try {
        await transactWithRetry(table, items);
        return true;
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) return false;
        throw error;
      }
    },
    async listDueOffers(nowIso, limit) {
      const items = await queryDue(table, suspensionKeys.openOffers, nowIso, limit);
      return items.map((i) => i.data as SuspensionOfferRecord);
    },
  };
}

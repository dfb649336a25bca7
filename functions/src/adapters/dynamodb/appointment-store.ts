import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type {
  AppointmentRecord,
  AppointmentStore,
  BookingLimits,
  IdempotencyStamp,
  ReleaseChange,
} from '../../ports/appointment-store';
import { appointmentKeys } from './appointment-keys';
import {
  dayCounterItems,
  dayCounterMoveItems,
  patientHoldRelease,
  patientHoldTakeItems,
  sessionGuardDelete,
  sessionGuardPut,
  sessionOpenCheck,
  slotReleaseItem,
  slotTakeItem,
} from './capacity-items';
import { messageWriteItems, type TransactItem } from './outbox-store';
import { visitKeys } from './visit-keys';
import { ttlFromIso, type Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';
import { queryAll, queryDue } from './query-all';
import { transactWithRetry } from './transact-with-retry';
import { visitReminderCancelItems, visitReminderItems } from './visit-reminder-items';

/** Idempotency records outlive any client retry by far; TTL only tidies them away. */
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

/** Index of each booking transaction item, for reading the cancellation reasons. */
const BOOK = {
  idempotency: 0,
  session: 1,
  slot: 2,
  appointment: 3,
  guard: 4,
  patientDay: 5,
  accountDay: 6,
  waitlist: 7,
  patient: 8,
} as const;

/**
 * An appointment's item, read by its account and id; found by id alone (gsi1) by the desk undoing a
 * void, which knows only the appointment; while an unpaid hold, also listed by its expiry (gsi2) for
 * the release job.
 */
function appointmentItem(a: AppointmentRecord): Record<string, unknown> {
  return {
    ...appointmentKeys.appointment(a.accountId, a.id),
    type: 'appointment',
    gsi1pk: appointmentKeys.byId(a.id),
    gsi1sk: 'APPOINTMENT',
    ...(a.status === 'pending_payment' && a.holdExpiresAt
      ? { gsi2pk: appointmentKeys.holds, gsi2sk: `${a.holdExpiresAt}#${a.id}` }
      : {}),
    data: a,
  };
}

/**
 * Records the account's idempotency key with the hash of the body it came with and what it created
 * (`ref`); a key already recorded fails the transaction, and the caller reads the first answer.
 */
export function idempotencyPut(
  table: Table,
  accountId: string,
  stamp: IdempotencyStamp,
  createdAt: string,
  ref: Record<string, string>,
): TransactItem {
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...appointmentKeys.idempotency(accountId, stamp.key),
        type: 'idempotency',
        bodyHash: stamp.bodyHash,
        ...ref,
        expiresAt: ttlFromIso(createdAt) + IDEMPOTENCY_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Writes a new appointment; an existing one with the same id fails the transaction. */
export function appointmentPut(table: Table, a: AppointmentRecord): TransactItem {
  return {
    Put: { TableName: table.name, Item: appointmentItem(a), ConditionExpression: 'attribute_not_exists(pk)' },
  };
}

function bookingItems(
  table: Table,
  a: AppointmentRecord,
  stamp: IdempotencyStamp,
  limits: BookingLimits,
): TransactItem[] {
  return [
    idempotencyPut(table, a.accountId, stamp, a.createdAt, { appointmentId: a.id }),
    sessionOpenCheck(table, a.sessionId),
    slotTakeItem(table, a, 'online'),
    appointmentPut(table, a),
    // Found by the no-show job once the session ends, and by a suspension through its index.
    sessionGuardPut(table, a),
    ...dayCounterItems(table, a, limits),
    // A number freed while people wait belongs to the first in line, not to whoever books first.
    {
      ConditionCheck: {
        TableName: table.name,
        Key: visitKeys.waitlistHead(a.sessionId),
        ConditionExpression: 'attribute_not_exists(waiting) OR waiting <= :zero',
        ExpressionAttributeValues: { ':zero': 0 },
      },
    },
    // The profile must still exist; the count stops its deletion while the number is held.
    ...patientHoldTakeItems(table, a),
  ];
}

/** Maps the first failed condition (in order of what the patient can act on) to its error. */
function bookingError(codes: string[], limits: BookingLimits): DomainError {
  // The profile was deleted while the booking was on its way: as if it never existed.
  if (failedCondition(codes, BOOK.patient)) return new DomainError('NOT_FOUND');
  if (failedCondition(codes, BOOK.session)) return new DomainError('SESSION_SUSPENDED');
  if (failedCondition(codes, BOOK.guard)) return new DomainError('DUPLICATE_BOOKING');
  if (failedCondition(codes, BOOK.patientDay)) {
    return new DomainError('BOOKING_LIMIT_REACHED', {
      message: `同一就诊人每天最多预约 ${limits.perPatientPerDay} 个号`,
      details: { scope: 'patient_day', max: limits.perPatientPerDay },
    });
  }
  if (failedCondition(codes, BOOK.accountDay)) {
    return new DomainError('BOOKING_LIMIT_REACHED', {
      message: `同一账号每天最多预约 ${limits.perAccountPerDay} 个号`,
      details: { scope: 'account_day', max: limits.perAccountPerDay },
    });
  }
  if (failedCondition(codes, BOOK.waitlist)) {
    return new DomainError('SLOT_FULL', {
      message: '该出诊单元号源已满，已有患者在候补，请加入候补',
      details: { waitlist: true },
    });
  }
  if (failedCondition(codes, BOOK.slot)) return new DomainError('SLOT_FULL');
  return new DomainError('APPOINTMENT_STATUS_CONFLICT');
}

/** What the release writes on the appointment: `cancelled`, or `voided` by the desk's identity check. */
function releasedState(change: ReleaseChange): { set: string; values: Record<string, unknown> } {
  if (change.voidedBy)
    return {
      set: '#d.#s = :voided, #d.voidedAt = :at, #d.voidedBy = :voidedBy',
      values: { ':voided': 'voided', ':voidedBy': change.voidedBy },
    };
  return { set: '#d.#s = :cancelled, #d.cancelledAt = :at', values: { ':cancelled': 'cancelled' } };
}

/** The release transaction's items (appointment first), for stores that release inside a larger transaction. */
export function releaseItems(table: Table, a: AppointmentRecord, change: ReleaseChange): TransactItem[] {
  const expiry = change.holdExpiredBy ? ' AND #d.holdExpiresAt <= :by' : '';
  const state = releasedState(change);
  const set = `SET ${state.set}, #d.cancelReason = :reason, #d.refundRequired = :refund, #d.updatedAt = :at`;
  return [
    {
      Update: {
        TableName: table.name,
        Key: appointmentKeys.appointment(a.accountId, a.id),
        // A paid booking leaves the holds index for the refunds-due one: the payment module's
        // reconciliation finds it there even if the refund was never started.
        UpdateExpression: change.refundRequired
          ? `${set}, gsi2pk = :due, gsi2sk = :duesk`
          : `${set} REMOVE gsi2pk, gsi2sk`,
        // The status read is the status replaced: a payment or another cancel in between wins.
        ConditionExpression: `#d.#s = :prior${expiry}`,
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: {
          ...state.values,
          ':at': change.at,
          ':reason': change.reason,
          ':refund': change.refundRequired,
          ':prior': a.status,
          ...(change.holdExpiredBy ? { ':by': change.holdExpiredBy } : {}),
          ...(change.refundRequired
            ? { ':due': appointmentKeys.refundsDue, ':duesk': `${change.at}#${a.id}` }
            : {}),
        },
      },
    },
    slotReleaseItem(table, a),
    sessionGuardDelete(table, a),
    ...dayCounterMoveItems(table, a, -1),
    // The profile may be deleted once nothing holds it.
    patientHoldRelease(table, a),
    // Last, so callers' indexes stay valid: a released visit takes its reminders with it.
    ...visitReminderCancelItems(table, a.id),
  ];
}

/** Appointments in their account's partition, with the slot, guard and counters they hold. */
export function createAppointmentStore(table: Table): AppointmentStore {
  const get = async (accountId: string, appointmentId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({
        TableName: table.name,
        Key: appointmentKeys.appointment(accountId, appointmentId),
        ConsistentRead: true,
      }),
    );
    return Item?.type === 'appointment' ? (Item.data as AppointmentRecord) : undefined;
  };

  return {
    get,
    async book(appointment, stamp, limits, messages = []) {
      try {
        const items = [
          ...bookingItems(table, appointment, stamp, limits),
          ...messageWriteItems(table, messages),
          // The visit's reminders commit with the booking itself (after the indexed items).
          ...visitReminderItems(table, appointment),
        ];
        await transactWithRetry(table, items);
        return { kind: 'booked', appointment };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (failedCondition(codes, BOOK.idempotency)) {
          const { Item } = await table.doc.send(
            new GetCommand({
              TableName: table.name,
              Key: appointmentKeys.idempotency(appointment.accountId, stamp.key),
              ConsistentRead: true,
            }),
          );
          if (Item)
            return {
              kind: 'replayed',
              appointmentId: String(Item.appointmentId),
              bodyHash: String(Item.bodyHash),
            };
        }
        throw bookingError(codes, limits);
      }
    },
    async list(accountId) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}`, ':p': 'APPOINTMENT#' },
        ConsistentRead: true,
      });
      return items.map((i) => i.data as AppointmentRecord);
    },
    async findById(appointmentId) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': appointmentKeys.byId(appointmentId) },
        }),
      );
      const found = Items.find((i) => i.type === 'appointment')?.data as AppointmentRecord | undefined;
      // The index is eventually consistent: the item itself is read again, consistently.
      return found ? get(found.accountId, found.id) : undefined;
    },
    async release(appointment, change, messages = []) {
      try {
        await transactWithRetry(table, [
          ...releaseItems(table, appointment, change),
          ...messageWriteItems(table, messages),
        ]);
        return true;
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) return false;
        throw error;
      }
    },
    async listExpiredHolds(nowIso, limit) {
      const items = await queryDue(table, appointmentKeys.holds, nowIso, limit);
      return items.map((i) => i.data as AppointmentRecord);
    },
  };
}

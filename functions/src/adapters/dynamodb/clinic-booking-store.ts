import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, type OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord, BookingLimits } from '../../ports/appointment-store';
import type { ClinicBookingStore, ExtraNumberRecord } from '../../ports/clinic-booking-store';
import { appointmentPut } from './appointment-store';
import { scheduleKeys } from './appointment-keys';
import {
  dayCounterItems,
  patientHoldTakeItems,
  sessionGuardPut,
  sessionOpenCheck,
  slotTakeItem,
} from './capacity-items';
import { messageWriteItems, type TransactItem } from './outbox-store';
import { queryAll } from './query-all';
import type { Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { visitReminderItems } from './visit-reminder-items';
import { cancellationCodes, failedCondition } from './transaction-errors';

/** Extra-number audit entries sit in the session's partition, in issue order. */
const extraKey = (e: ExtraNumberRecord) => ({
  pk: `SESSION#${e.sessionId}`,
  sk: `EXTRA#${e.issuedAt}#${e.id}`,
});

/** Items 0–6 are the same for every kind of doctor booking (referrals too); index 0 is the session item. */
const AT = {
  session: 0,
  slot: 1,
  appointment: 2,
  guard: 3,
  patientDay: 4,
  accountDay: 5,
  patient: 6,
} as const;

export function commonItems(
  table: Table,
  a: AppointmentRecord,
  limits: BookingLimits,
  message: OutboxMessage,
) {
  return {
    appointment: appointmentPut(table, a),
    guard: sessionGuardPut(table, a),
    // The day counters, then the profile's count (it must still exist: a deleted one refuses).
    counters: [...dayCounterItems(table, a, limits), ...patientHoldTakeItems(table, a)],
    // Reminders last: the error mapping reads cancellation reasons by index from the front.
    messages: [...messageWriteItems(table, [message]), ...visitReminderItems(table, a)],
  };
}

/** Maps a cancelled doctor booking to what the doctor can act on; `session` says what index 0 meant. */
export function doctorBookingError(
  codes: string[],
  limits: BookingLimits,
  session: DomainError,
): DomainError {
  // The profile was deleted between the look-up and the booking: as if it was never registered.
  if (failedCondition(codes, AT.patient)) return new DomainError('PATIENT_NOT_REGISTERED');
  if (failedCondition(codes, AT.session)) return session;
  if (failedCondition(codes, AT.guard)) return new DomainError('DUPLICATE_BOOKING');
  if (failedCondition(codes, AT.patientDay) || failedCondition(codes, AT.accountDay)) {
    return new DomainError('BOOKING_LIMIT_REACHED', {
      message: `该就诊人当天预约已达上限（每人每天 ${limits.perPatientPerDay} 个、每账号每天 ${limits.perAccountPerDay} 个）`,
      details: { perPatientPerDay: limits.perPatientPerDay, perAccountPerDay: limits.perAccountPerDay },
    });
  }
  if (failedCondition(codes, AT.slot)) return new DomainError('SLOT_FULL');
  return new DomainError('BOOKING_CONTENDED');
}

/** Doctor-side bookings: in-clinic from a counted pool, extra numbers beyond capacity under a limit. */
export function createClinicBookingStore(table: Table): ClinicBookingStore {
  const send = async (items: TransactItem[], onCancel: (codes: string[]) => Promise<DomainError>) => {
    try {
      await transactWithRetry(table, items);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      throw await onCancel(codes);
    }
  };
  const sessionStatus = async (sessionId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: scheduleKeys.session(sessionId), ConsistentRead: true }),
    );
    return Item?.status;
  };
  return {
    async bookInClinic(a, pool, limits, message) {
      const c = commonItems(table, a, limits, message);
      const items = [
        sessionOpenCheck(table, a.sessionId),
        slotTakeItem(table, a, pool),
        c.appointment,
        c.guard,
        ...c.counters,
        ...c.messages,
      ];
      await send(items, async (codes) =>
        doctorBookingError(codes, limits, new DomainError('SESSION_SUSPENDED')),
      );
    },
    async addExtraNumber(a, entry, limit, limits, message) {
      const c = commonItems(table, a, limits, message);
      const count: TransactItem = {
        Update: {
          TableName: table.name,
          Key: scheduleKeys.session(a.sessionId),
          UpdateExpression: 'SET extraIssued = if_not_exists(extraIssued, :zero) + :one',
          ConditionExpression:
            '#status = :open AND (attribute_not_exists(extraIssued) OR extraIssued < :limit)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':open': 'open', ':limit': limit },
        },
      };
      const audit: TransactItem = {
        Put: {
          TableName: table.name,
          Item: { ...extraKey(entry), type: 'extra_number_audit', data: entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      const items = [
        count,
        slotTakeItem(table, a, 'beyond_capacity'),
        c.appointment,
        c.guard,
        ...c.counters,
        audit,
        ...c.messages,
      ];
      await send(items, async (codes) => {
        const suspended = failedCondition(codes, AT.session) && (await sessionStatus(a.sessionId)) !== 'open';
        const sessionError = suspended
          ? new DomainError('SESSION_SUSPENDED')
          : new DomainError('EXTRA_NUMBER_LIMIT_REACHED', {
              message: `本出诊单元最多加号 ${limit} 个，已用完`,
              details: { limit },
            });
        return doctorBookingError(codes, limits, sessionError);
      });
    },
    async listExtraNumbers(sessionId) {
      const [items, { Item }] = await Promise.all([
        queryAll(table, {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':p': 'EXTRA#' },
          ConsistentRead: true,
        }),
        table.doc.send(
          new GetCommand({
            TableName: table.name,
            Key: scheduleKeys.session(sessionId),
            ConsistentRead: true,
          }),
        ),
      ]);
      return { items: items.map((i) => i.data as ExtraNumberRecord), issued: Number(Item?.extraIssued ?? 0) };
    },
  };
}

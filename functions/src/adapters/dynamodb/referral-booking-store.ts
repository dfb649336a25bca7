import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { ReferralBookingStore } from '../../ports/referral-booking-store';
import { appointmentKeys } from './appointment-keys';
import { sessionOpenCheck, slotTakeItem } from './capacity-items';
import { commonItems, doctorBookingError } from './clinic-booking-store';
import type { TransactItem } from './outbox-store';
import type { Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { cancellationCodes } from './transaction-errors';

/**
 * A referring doctor's log sits in their own partition, newest last by creation time, and points at
 * the appointment (which lives in the patient's account), so the list always shows its live status.
 */
const referralLogKey = (a: AppointmentRecord) => ({
  pk: `REFERRER#${a.bookedByAccountId ?? ''}`,
  sk: `REFERRAL#${a.createdAt}#${a.id}`,
});

export function createReferralBookingStore(table: Table): ReferralBookingStore {
  return {
    async bookReferral(a, limits, message) {
      const c = commonItems(table, a, limits, message);
      const log: TransactItem = {
        Put: {
          TableName: table.name,
          Item: {
            ...referralLogKey(a),
            type: 'referral_log',
            appointmentAccountId: a.accountId,
            appointmentId: a.id,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      // Same order as the in-clinic booking, so the shared error mapping reads the same indexes.
      const items = [
        sessionOpenCheck(table, a.sessionId),
        slotTakeItem(table, a, 'referral'),
        c.appointment,
        c.guard,
        ...c.counters,
        log,
        ...c.messages,
      ];
      try {
        await transactWithRetry(table, items);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        throw doctorBookingError(codes, limits, new DomainError('SESSION_SUSPENDED'));
      }
    },
    async listReferrals(doctorAccountId, limit) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': `REFERRER#${doctorAccountId}`, ':p': 'REFERRAL#' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      const records = await Promise.all(
        Items.map(async (entry) => {
          const { Item } = await table.doc.send(
            new GetCommand({
              TableName: table.name,
              Key: appointmentKeys.appointment(
                String(entry.appointmentAccountId),
                String(entry.appointmentId),
              ),
            }),
          );
          return Item?.data as AppointmentRecord | undefined;
        }),
      );
      // A log entry whose appointment is no longer stored is skipped rather than failing the list.
      return records.filter((r): r is AppointmentRecord => r !== undefined);
    },
  };
}

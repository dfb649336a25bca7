import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { NoShowStore } from '../../ports/no-show-store';
import { appointmentKeys } from './appointment-keys';
import { patientHoldRelease } from './capacity-items';
import { transactWithRetry } from './transact-with-retry';
import { messageWriteItems } from './outbox-store';
import { queryAll, queryDue } from './query-all';
import { ttlFromIso, type Table } from './table';
import { cancellationCodes, conditionalWrite, failedCondition } from './transaction-errors';
import { visitKeys } from './visit-keys';

/** A no-show record outlives every policy window it could fall into; TTL only tidies it away. */
const NO_SHOW_TTL_SECONDS = 400 * 24 * 3600;

/** No-show records per person (identity), and the session guards' index of visits due for settling. */
export function createNoShowStore(table: Table): NoShowStore {
  const unindex = (a: Pick<AppointmentRecord, 'id' | 'sessionId' | 'identityIndex'>) => ({
    TableName: table.name,
    Key: appointmentKeys.sessionGuard(a),
    UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
    ConditionExpression: 'appointmentId = :aid',
    ExpressionAttributeValues: { ':aid': a.id },
  });
  return {
    async listSince(identityIndex, sinceIso) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': visitKeys.noShows(identityIndex), ':since': sinceIso },
        ConsistentRead: true,
      });
      return items.map((i) => new Date(String(i.at)));
    },
    async listDueVisits(nowIso, limit) {
      const items = await queryDue(table, visitKeys.visitsDue, nowIso, limit);
      return items.map((i) => ({ accountId: String(i.accountId), appointmentId: String(i.appointmentId) }));
    },
    async markNoShow(a, { at: atIso, now }, messages) {
      try {
        await transactWithRetry(table, [
          {
            Update: {
              TableName: table.name,
              Key: appointmentKeys.appointment(a.accountId, a.id),
              UpdateExpression: 'SET #d.#s = :noShow, #d.noShowAt = :at, #d.updatedAt = :now',
              ConditionExpression: '#d.#s = :booked',
              ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
              ExpressionAttributeValues: {
                ':noShow': 'no_show',
                ':booked': 'booked',
                ':at': atIso,
                ':now': now,
              },
            },
          },
          {
            Put: {
              TableName: table.name,
              Item: {
                ...visitKeys.noShow(a.identityIndex, atIso, a.id),
                type: 'no_show',
                at: atIso,
                accountId: a.accountId,
                appointmentId: a.id,
                sessionId: a.sessionId,
                expiresAt: ttlFromIso(atIso) + NO_SHOW_TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Update: unindex(a) },
          // A missed visit no longer holds the profile: it may be deleted (the record stays with the person).
          patientHoldRelease(table, a),
          ...messageWriteItems(table, messages),
        ]);
        return true;
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) return false;
        throw error;
      }
    },
    async settleVisit(a) {
      // Refused when the guard is gone (the number was released) or belongs to a later booking:
      // nothing to settle.
      await conditionalWrite(table.doc.send(new UpdateCommand(unindex(a))));
    },
  };
}

import type { AppointmentRecord, CapacityPool } from '../../ports/appointment-store';
import { appointmentKeys, scheduleKeys } from './appointment-keys';
import type { TransactItem } from './outbox-store';
import type { Table } from './table';
import { visitKeys } from './visit-keys';

/**
 * Transaction items for the number an appointment holds. A slot has two counted pools: online
 * (`bookedOnline < capacityOnline`) and the on-site reserve (`bookedOnSite < capacityOnSite`, used by
 * in-clinic booking); extra numbers and make-up numbers are beyond capacity and hold no slot number.
 */

/** gsi1 of a guard: the session's active bookings (what a suspension must rehome) are one query. */
export function sessionBookingIndex(a: Pick<AppointmentRecord, 'id' | 'sessionId'>) {
  return { gsi1pk: appointmentKeys.sessionBookings(a.sessionId), gsi1sk: a.id };
}

/** The one-number-per-patient-per-session guard, as the online booking writes it; cancelling deletes it. */
export function sessionGuardItem(a: AppointmentRecord) {
  return {
    ...appointmentKeys.sessionGuard(a.sessionId, a.patientId),
    type: 'session_guard',
    appointmentId: a.id,
    accountId: a.accountId,
    ...visitKeys.visitIndex(a),
    ...sessionBookingIndex(a),
  };
}

/** Takes one number of `pool` in the appointment's slot; an unpaid online number is also recorded as a hold. */
export function slotTakeItem(table: Table, a: AppointmentRecord, pool: CapacityPool): TransactItem {
  if (pool === 'beyond_capacity') {
    return {
      ConditionCheck: {
        TableName: table.name,
        Key: scheduleKeys.slot(a.slotId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    };
  }
  const [counter, capacity] =
    pool === 'on_site' ? ['bookedOnSite', 'capacityOnSite'] : ['bookedOnline', 'capacityOnline'];
  const hold = pool === 'online' && a.status === 'pending_payment' && a.holdExpiresAt;
  return {
    Update: {
      TableName: table.name,
      Key: scheduleKeys.slot(a.slotId),
      UpdateExpression: `SET ${counter} = if_not_exists(${counter}, :zero) + :one${hold ? ', holds.#aid = :hold' : ''}`,
      ConditionExpression: `attribute_exists(${capacity}) AND (attribute_not_exists(${counter}) OR ${counter} < ${capacity}) AND ${capacity} > :zero`,
      ...(hold ? { ExpressionAttributeNames: { '#aid': a.id } } : {}),
      ExpressionAttributeValues: {
        ':one': 1,
        ':zero': 0,
        ...(hold ? { ':hold': { expiresAt: a.holdExpiresAt, accountId: a.accountId } } : {}),
      },
    },
  };
}

/**
 * Gives the appointment's number back to the pool it came from. A beyond-capacity number has no
 * slot counter, so the session merely counts it as released (this keeps the release transaction's
 * shape, and so its item indexes, the same for every pool).
 */
export function slotReleaseItem(table: Table, a: AppointmentRecord): TransactItem {
  const pool = a.capacityPool ?? 'online';
  if (pool === 'beyond_capacity') {
    return {
      Update: {
        TableName: table.name,
        Key: scheduleKeys.session(a.sessionId),
        UpdateExpression: 'ADD releasedBeyondCapacity :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    };
  }
  const counter = pool === 'on_site' ? 'bookedOnSite' : 'bookedOnline';
  return {
    Update: {
      TableName: table.name,
      Key: scheduleKeys.slot(a.slotId),
      UpdateExpression: `SET ${counter} = ${counter} - :one REMOVE holds.#aid`,
      ConditionExpression: `${counter} > :zero`,
      ExpressionAttributeNames: { '#aid': a.id },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
}

import type { AppointmentRecord, BookingLimits, CapacityPool } from '../../ports/appointment-store';
import { appointmentKeys, scheduleKeys } from './appointment-keys';
import type { TransactItem } from './outbox-store';
import type { Table } from './table';
import { visitKeys } from './visit-keys';

/**
 * Transaction items for the number an appointment holds, one definition for every way of taking or
 * giving one back (online booking, waitlist offer, doctor booking, suspension move, release): the
 * session check, the slot's pools, the per-session guard and the day counters. A slot has three
 * counted pools: online (`bookedOnline < capacityOnline`), the on-site reserve (`bookedOnSite <
 * capacityOnSite`, used by in-clinic booking) and the referral reserve (`bookedReferral <
 * capacityReferral`, used by alliance doctors' referral booking); extra numbers and make-up numbers are beyond capacity
 * and hold no slot number.
 */

/** gsi1 of a guard: the session's active bookings (what a suspension must rehome) are one query. */
function sessionBookingIndex(a: Pick<AppointmentRecord, 'id' | 'sessionId'>) {
  return { gsi1pk: appointmentKeys.sessionBookings(a.sessionId), gsi1sk: a.id };
}

/** The one-number-per-patient-per-session guard, as every booking writes it; cancelling deletes it. */
function sessionGuardItem(a: AppointmentRecord) {
  return {
    ...appointmentKeys.sessionGuard(a.sessionId, a.patientId),
    type: 'session_guard',
    appointmentId: a.id,
    accountId: a.accountId,
    ...visitKeys.visitIndex(a),
    ...sessionBookingIndex(a),
  };
}

/** The guard put where a number is taken: a second number for the patient in the session fails it. */
export function sessionGuardPut(table: Table, a: AppointmentRecord): TransactItem {
  return {
    Put: {
      TableName: table.name,
      Item: sessionGuardItem(a),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Removes the guard of the appointment's session, only if it is still this appointment's. */
export function sessionGuardDelete(table: Table, a: AppointmentRecord): TransactItem {
  return {
    Delete: {
      TableName: table.name,
      Key: appointmentKeys.sessionGuard(a.sessionId, a.patientId),
      ConditionExpression: 'appointmentId = :aid',
      ExpressionAttributeValues: { ':aid': a.id },
    },
  };
}

/** A number is only taken in a session that is still open (not suspended). */
export function sessionOpenCheck(table: Table, sessionId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: table.name,
      Key: scheduleKeys.session(sessionId),
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
    },
  };
}

/** Counts one more active booking under `key`, refused at `max`. */
function counterUpdate(table: Table, key: Record<string, string>, max: number): TransactItem {
  return {
    Update: {
      TableName: table.name,
      Key: key,
      UpdateExpression: 'ADD active :one',
      ConditionExpression: 'attribute_not_exists(active) OR active < :max',
      ExpressionAttributeValues: { ':one': 1, ':max': max },
    },
  };
}

/** The day limits a new number counts against: per patient first, then per account. */
export function dayCounterItems(table: Table, a: AppointmentRecord, limits: BookingLimits): TransactItem[] {
  return [
    counterUpdate(table, appointmentKeys.patientDay(a.patientId, a.date), limits.perPatientPerDay),
    counterUpdate(table, appointmentKeys.accountDay(a.accountId, a.date), limits.perAccountPerDay),
  ];
}

/** The slot's booked counter and capacity attribute of each counted pool. */
const POOL_ATTRIBUTES = {
  online: ['bookedOnline', 'capacityOnline'],
  on_site: ['bookedOnSite', 'capacityOnSite'],
  referral: ['bookedReferral', 'capacityReferral'],
} as const;

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
  const [counter, capacity] = POOL_ATTRIBUTES[pool];
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
  const [counter] = POOL_ATTRIBUTES[pool];
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

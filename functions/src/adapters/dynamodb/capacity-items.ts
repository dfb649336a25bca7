import type { AppointmentRecord, BookingLimits, CapacityPool } from '../../ports/appointment-store';
import { appointmentKeys, scheduleKeys } from './appointment-keys';
import type { TransactItem } from './outbox-store';
import { accountKeys, type Table } from './table';
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

/** The one-number-per-person-per-session guard, as every booking writes it; cancelling deletes it. */
function sessionGuardItem(a: AppointmentRecord) {
  return {
    ...appointmentKeys.sessionGuard(a),
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
      Key: appointmentKeys.sessionGuard(a),
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

/** The day limits a new number counts against: per person (identity) first, then per account. */
export function dayCounterItems(table: Table, a: AppointmentRecord, limits: BookingLimits): TransactItem[] {
  return [
    counterUpdate(table, appointmentKeys.identityDay(a), limits.perPatientPerDay),
    counterUpdate(table, appointmentKeys.accountDay(a.accountId, a.date), limits.perAccountPerDay),
  ];
}

/**
 * Moves the day counters of a booking by `n` without a limit: −1 when a number is given back, and
 * both ways when a suspension moves it to another day (the hospital moved the patient, so the limit
 * does not refuse them). Never creates a counter that a release would drive below zero.
 */
export function dayCounterMoveItems(
  table: Table,
  a: Pick<AppointmentRecord, 'identityIndex' | 'accountId' | 'date'>,
  n: 1 | -1,
): TransactItem[] {
  const guard =
    n < 0
      ? { ConditionExpression: 'active > :zero', ExpressionAttributeValues: { ':n': n, ':zero': 0 } }
      : { ExpressionAttributeValues: { ':n': n } };
  const move = (key: Record<string, string>): TransactItem => ({
    Update: { TableName: table.name, Key: key, UpdateExpression: 'ADD active :n', ...guard },
  });
  return [move(appointmentKeys.identityDay(a)), move(appointmentKeys.accountDay(a.accountId, a.date))];
}

/**
 * What a booking or waitlist place takes on its profile, in its own transaction: a check that the
 * profile still exists, and one more on the profile's count of what it holds (appointments holding
 * a number — unpaid, booked or checked in — and waiting places). The profile's deletion is
 * conditioned on that count being zero, so of a booking and a deletion racing, whichever commits
 * second is refused: never an appointment on a deleted profile. The count is its own item, so no
 * write of the profile itself can lose it.
 */
export function patientHoldTakeItems(
  table: Table,
  p: { accountId: string; patientId: string },
): TransactItem[] {
  return [
    {
      ConditionCheck: {
        TableName: table.name,
        Key: accountKeys.patient(p.accountId, p.patientId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table.name,
        Key: appointmentKeys.patientBookings(p.accountId, p.patientId),
        UpdateExpression: 'SET #t = :type ADD active :one',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':type': 'patient_bookings', ':one': 1 },
      },
    },
  ];
}

/** Gives back what `patientHoldTakeItems` counted, when the booking or place ends (release, no-show, void, leaving). */
export function patientHoldRelease(table: Table, p: { accountId: string; patientId: string }): TransactItem {
  return {
    Update: {
      TableName: table.name,
      Key: appointmentKeys.patientBookings(p.accountId, p.patientId),
      UpdateExpression: 'ADD active :minus',
      ConditionExpression: 'active > :zero',
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
    },
  };
}

/** The deletion's side of the guard: the count item goes with the profile, only while it is zero. */
export function patientHoldsClear(table: Table, p: { accountId: string; patientId: string }): TransactItem {
  return {
    Delete: {
      TableName: table.name,
      Key: appointmentKeys.patientBookings(p.accountId, p.patientId),
      ConditionExpression: 'attribute_not_exists(active) OR active <= :zero',
      ExpressionAttributeValues: { ':zero': 0 },
    },
  };
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

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckInStore, UndoVoidChange, UndoVoidRefusal } from '../../ports/check-in-store';
import { appointmentKeys } from './appointment-keys';
import { appointmentPut } from './appointment-store';
import {
  dayCounterItems,
  patientHoldTakeItems,
  sessionGuardPut,
  sessionOpenCheck,
  slotTakeItem,
} from './capacity-items';
import { transactWithRetry } from './transact-with-retry';
import { messageWriteItems, type TransactItem } from './outbox-store';
import type { Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';
import { visitKeys } from './visit-keys';

/** Index of each undo-void transaction item, for reading the cancellation reasons. */
const UNDO = {
  voided: 0,
  session: 1,
  slot: 2,
  appointment: 3,
  guard: 4,
  patientDay: 5,
  accountDay: 6,
  patient: 7,
} as const;

/** The undo-void items, in the order of `UNDO`, then the audit entry and the messages. */
function undoVoidItems(table: Table, c: UndoVoidChange): TransactItem[] {
  const { voided, undo, restored } = c;
  return [
    {
      Update: {
        TableName: table.name,
        Key: appointmentKeys.appointment(voided.accountId, voided.id),
        UpdateExpression: 'SET #d.voidUndo = :undo, #d.updatedAt = :at',
        // Two staff undoing at once, or a repeated request: only one restores the booking.
        ConditionExpression: '#d.#s = :voided AND attribute_not_exists(#d.voidUndo)',
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: { ':undo': undo, ':at': undo.at, ':voided': 'voided' },
      },
    },
    sessionOpenCheck(table, restored.sessionId),
    slotTakeItem(table, restored, restored.capacityPool ?? 'online'),
    appointmentPut(table, restored),
    sessionGuardPut(table, restored),
    ...dayCounterItems(table, restored, c.limits),
    // The restored number holds the profile again (a profile deleted after the void refuses the undo).
    ...patientHoldTakeItems(table, restored),
    {
      Put: {
        TableName: table.name,
        Item: {
          ...appointmentKeys.voidUndoAudit(voided.sessionId, undo.at, voided.id),
          type: 'void_undo_audit',
          data: {
            action: 'void_undone',
            voidedAppointmentId: voided.id,
            restoredAppointmentId: restored.id,
            accountId: voided.accountId,
            patientId: voided.patientId,
            voidedAt: voided.voidedAt,
            voidedBy: voided.voidedBy,
            actor: { accountId: undo.byAccountId, role: undo.byRole },
            reason: undo.reason,
            at: undo.at,
          },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...messageWriteItems(table, c.messages),
    // No visit reminders: the patient is at the desk, and those times have passed.
  ];
}

/** The first failed condition of an undo, by name. */
function undoRefusal(codes: string[]): UndoVoidRefusal | undefined {
  if (failedCondition(codes, UNDO.voided)) return 'not_voided';
  if (failedCondition(codes, UNDO.patient)) return 'patient_deleted';
  if (failedCondition(codes, UNDO.session)) return 'session_closed';
  if (failedCondition(codes, UNDO.guard)) return 'duplicate';
  if (failedCondition(codes, UNDO.patientDay)) return 'patient_day';
  if (failedCondition(codes, UNDO.accountDay)) return 'account_day';
  if (failedCondition(codes, UNDO.slot)) return 'number_taken';
  return undefined;
}

/** Check-in writes: an atomic per-session counter, status moves conditioned on `booked`, undoing a void. */
export function createCheckInStore(table: Table): CheckInStore {
  const fromBooked = async (
    a: { accountId: string; id: string },
    set: string,
    values: Record<string, unknown>,
    messages: Parameters<typeof messageWriteItems>[1],
    also: TransactItem[] = [],
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
        ...also,
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
    async undoVoid(change) {
      try {
        await transactWithRetry(table, undoVoidItems(table, change));
        return { ok: true };
      } catch (error) {
        const refusal = undoRefusal(cancellationCodes(error) ?? []);
        if (refusal) return { ok: false, refusal };
        throw error;
      }
    },
  };
}

import type { AppointmentRecord } from '../../ports/appointment-store';
import { VISIT_REMINDER_STEPS, visitReminderTimers } from '../../use-cases/messages/visit-reminders';
import { appointmentKeys } from './appointment-keys';
import { timerCancelItems, timerPutItems } from './due-timer-store';
import type { TransactItem } from './outbox-store';
import type { Table } from './table';

/**
 * The reminders of a visit, as elements for whatever transaction creates the appointment (online
 * booking, a waitlist offer accepted, a consulting-room booking). Put them after the elements whose
 * cancellation reasons the caller reads, so its indexes stay valid.
 */
export function visitReminderItems(table: Table, a: AppointmentRecord): TransactItem[] {
  return timerPutItems(table, visitReminderTimers(a, appointmentKeys.appointment(a.accountId, a.id)));
}

/** Cancels a visit's reminders, for the transaction that cancels, voids or moves the appointment. */
export function visitReminderCancelItems(table: Table, appointmentId: string): TransactItem[] {
  return timerCancelItems(table, { type: 'appointment', id: appointmentId }, VISIT_REMINDER_STEPS);
}

/**
 * Re-times a visit's reminders when the appointment moves (a substitute after a suspension): the new
 * times overwrite the old timers, and a step the new time no longer has is deleted. One element per
 * step, since a transaction may touch each timer item only once.
 */
export function visitReminderRetimeItems(table: Table, moved: AppointmentRecord): TransactItem[] {
  const timers = visitReminderTimers(moved, appointmentKeys.appointment(moved.accountId, moved.id));
  const kept = new Set(timers.map((t) => t.step));
  const dropped = VISIT_REMINDER_STEPS.filter((step) => !kept.has(step));
  return [
    ...timerPutItems(table, timers),
    ...timerCancelItems(table, { type: 'appointment', id: moved.id }, dropped),
  ];
}

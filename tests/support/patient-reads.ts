import type { AppointmentView, MessageListResponse } from '@jiuyi/shared';
import { createDueTimerStore } from '../../functions/src/adapters/dynamodb/due-timer-store';
import type { Deps } from '../../functions/src/composition';
import { call } from './http';

/** What a patient reads back after a booking flow, as the mini-program would read it. */

/** The account's in-app messages, newest first. */
export async function inboxOf(url: string, token: string): Promise<MessageListResponse['items']> {
  return (await call<MessageListResponse>(url, 'GET', '/v1/messages', { token })).body.items;
}

/** The account's appointments as listed. */
export async function appointmentsOf(url: string, token: string): Promise<AppointmentView[]> {
  return (await call<{ items: AppointmentView[] }>(url, 'GET', '/v1/appointments', { token })).body.items;
}

/** One appointment as its owner sees it. */
export function appointmentOf(url: string, token: string, id: string) {
  return call<AppointmentView>(url, 'GET', `/v1/appointments/${id}`, { token });
}

/** The owner cancels an appointment. */
export function cancelAppointment(url: string, token: string, id: string) {
  return call<AppointmentView>(url, 'POST', `/v1/appointments/${id}/cancel`, { token, body: {} });
}

/** When the appointment's visit reminder of `kind` is due, as stored (undefined when there is none). */
export async function reminderDueAt(
  deps: Deps,
  appointmentId: string,
  kind: 'evening-before' | 'slot-soon',
): Promise<string | undefined> {
  const timer = await createDueTimerStore(deps.table).get({ type: 'appointment', id: appointmentId }, kind);
  return timer?.dueAt;
}

/** The identity (blind index) a profile is keyed by in the rules that protect the person. */
export async function identityIndexOf(deps: Deps, accountId: string, patientId: string): Promise<string> {
  const patient = await deps.patients.get(accountId, patientId);
  if (!patient) throw new Error(`no patient ${patientId}`);
  return patient.identityIndex;
}

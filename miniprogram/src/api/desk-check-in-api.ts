import { appointmentViewSchema } from '@jiuyi/shared';
import type { AppointmentView, StaffCheckInBody, UndoVoidBody } from '@jiuyi/shared';
import { authedRequest } from './session';

/**
 * POST /v1/check-ins — the desk checks the patient in from their QR token and presented ID
 * document. The answer carries the queue number; a mismatched ID voids the booking (an ApiError).
 */
export async function deskCheckIn(body: StaffCheckInBody): Promise<AppointmentView> {
  return authedRequest('/v1/check-ins', appointmentViewSchema, { method: 'POST', body });
}

/**
 * POST /v1/appointments/{id}/undo-void — outpatient staff undo a void within its session, with a
 * reason (audited). The answer is the appointment that restores the number: `booked`, or
 * `pending_payment` when the voided one had been paid (that fee went back with the void).
 */
export async function undoVoid(appointmentId: string, body: UndoVoidBody): Promise<AppointmentView> {
  return authedRequest(`/v1/appointments/${appointmentId}/undo-void`, appointmentViewSchema, {
    method: 'POST',
    body,
  });
}

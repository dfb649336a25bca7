import { appointmentViewSchema } from '@jiuyi/shared';
import type { AppointmentView, StaffCheckInBody } from '@jiuyi/shared';
import { authedRequest } from './session';

/**
 * POST /v1/check-ins — the desk checks the patient in from their QR token and presented ID
 * document. The answer carries the queue number; a mismatched ID voids the booking (an ApiError).
 */
export async function deskCheckIn(body: StaffCheckInBody): Promise<AppointmentView> {
  return authedRequest('/v1/check-ins', appointmentViewSchema, { method: 'POST', body });
}

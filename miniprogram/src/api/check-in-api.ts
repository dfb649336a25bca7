import { appointmentViewSchema, checkInCodeResponseSchema } from '@jiuyi/shared';
import type { AppointmentView, CheckInCodeResponse } from '@jiuyi/shared';
import { authedRequest } from './session';

const appointmentPath = (id: string) => `/v1/appointments/${encodeURIComponent(id)}`;

/** GET /v1/appointments/{id}/check-in-code — the token the QR code shows staff, and its expiry. */
export async function getCheckInCode(appointmentId: string): Promise<CheckInCodeResponse> {
  return authedRequest(`${appointmentPath(appointmentId)}/check-in-code`, checkInCodeResponseSchema);
}

/** POST /v1/appointments/{id}/check-in — the patient checks in on arrival and gets a queue number. */
export async function selfCheckIn(appointmentId: string): Promise<AppointmentView> {
  return authedRequest(`${appointmentPath(appointmentId)}/check-in`, appointmentViewSchema, {
    method: 'POST',
    body: {},
  });
}

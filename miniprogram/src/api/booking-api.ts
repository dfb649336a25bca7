import {
  appointmentListResponseSchema,
  appointmentViewSchema,
  departmentListResponseSchema,
  doctorListResponseSchema,
  sessionListResponseSchema,
} from '@jiuyi/shared';
import type { AppointmentView, Department, Doctor, SessionView } from '@jiuyi/shared';
import { request } from './client';
import { authedRequest } from './session';

const appointmentPath = (id: string) => `/v1/appointments/${encodeURIComponent(id)}`;

/** GET /v1/departments — every department, for anyone. */
export async function listDepartments(): Promise<Department[]> {
  const { items } = await request('/v1/departments', departmentListResponseSchema);
  return items;
}

/** GET /v1/departments/{id}/doctors — the department's doctors with title and fee in fen. */
export async function listDoctors(departmentId: string): Promise<Doctor[]> {
  const path = `/v1/departments/${encodeURIComponent(departmentId)}/doctors`;
  const { items } = await request(path, doctorListResponseSchema);
  return items;
}

/** GET /v1/sessions — a department's sessions from `from` to `to` with remaining online numbers per slot. */
export async function listSessions(departmentId: string, from: string, to: string): Promise<SessionView[]> {
  const { items } = await request('/v1/sessions', sessionListResponseSchema, {
    query: { departmentId, from, to },
  });
  return items;
}

/**
 * POST /v1/appointments — books `slotId` for `patientId`. The caller keeps `idempotencyKey` for the
 * whole confirm attempt, so a retry after a lost answer returns the first booking instead of a second.
 */
export async function bookAppointment(
  slotId: string,
  patientId: string,
  idempotencyKey: string,
): Promise<AppointmentView> {
  return authedRequest('/v1/appointments', appointmentViewSchema, {
    method: 'POST',
    body: { slotId, patientId },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** GET /v1/appointments — the account's appointments. */
export async function listAppointments(): Promise<AppointmentView[]> {
  const { items } = await authedRequest('/v1/appointments', appointmentListResponseSchema);
  return items;
}

/** GET /v1/appointments/{id} — one appointment with its confirmation. */
export async function getAppointment(id: string): Promise<AppointmentView> {
  return authedRequest(appointmentPath(id), appointmentViewSchema);
}

/** POST /v1/appointments/{id}/cancel — cancels before the session ends; the answer is the cancelled booking. */
export async function cancelAppointment(id: string): Promise<AppointmentView> {
  return authedRequest(`${appointmentPath(id)}/cancel`, appointmentViewSchema, { method: 'POST', body: {} });
}

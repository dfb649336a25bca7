import type { z } from 'zod';
import { appointmentViewSchema, extraNumberEntrySchema, extraNumberListResponseSchema } from '@jiuyi/shared';
import type {
  AppointmentView,
  ClinicBookingBody,
  Department,
  ExtraNumberBody,
  SessionView,
} from '@jiuyi/shared';
import { listDepartments, listDoctors, listSessions } from './booking-api';
import { authedRequest } from './session';

/** The 加号 answer: the audit entry and the booking it made. */
const extraNumberResultSchema = extraNumberEntrySchema.extend({ appointment: appointmentViewSchema });
export type ExtraNumberResult = z.infer<typeof extraNumberResultSchema>;
export type ExtraNumberLog = z.infer<typeof extraNumberListResponseSchema>;

const sessionPath = (id: string) => `/v1/sessions/${encodeURIComponent(id)}`;

// The catalogue rarely changes during a shift: look the doctor's department up once per launch.
const departmentOfDoctor = new Map<string, Department>();

/**
 * The department a catalogue doctor works in. There is no doctor-by-id route, so this reads each
 * department's doctor list (in parallel) until it finds them.
 */
export async function findDoctorDepartment(doctorId: string): Promise<Department | undefined> {
  const known = departmentOfDoctor.get(doctorId);
  if (known) return known;
  const departments = await listDepartments();
  const rosters = await Promise.all(departments.map((d) => listDoctors(d.id)));
  const index = rosters.findIndex((doctors) => doctors.some((doc) => doc.id === doctorId));
  const department = departments[index];
  if (department) departmentOfDoctor.set(doctorId, department);
  return department;
}

/** The doctor's own sessions from `from` to `to`, unreleased ones included (GET /v1/sessions lists them all). */
export async function listOwnSessions(
  doctorId: string,
  departmentId: string,
  from: string,
  to: string,
): Promise<SessionView[]> {
  const sessions = await listSessions(departmentId, from, to);
  return sessions.filter((s) => s.doctor.id === doctorId);
}

/** POST /v1/sessions/{id}/extra-numbers — 加号 beyond capacity for the patient in front of the doctor. */
export async function addExtraNumber(sessionId: string, body: ExtraNumberBody): Promise<ExtraNumberResult> {
  return authedRequest(`${sessionPath(sessionId)}/extra-numbers`, extraNumberResultSchema, {
    method: 'POST',
    body,
  });
}

/** GET /v1/sessions/{id}/extra-numbers — the session's 加号 audit log with the limit and count issued. */
export async function listExtraNumbers(sessionId: string): Promise<ExtraNumberLog> {
  return authedRequest(`${sessionPath(sessionId)}/extra-numbers`, extraNumberListResponseSchema);
}

/** POST /v1/clinic-bookings — 诊间预约 into any session still running, released online or not. */
export async function bookInClinic(body: ClinicBookingBody): Promise<AppointmentView> {
  return authedRequest('/v1/clinic-bookings', appointmentViewSchema, { method: 'POST', body });
}

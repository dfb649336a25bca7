import { doctorTemplatesResponseSchema } from '@jiuyi/shared';
import type { DoctorTemplatesResponse, PutDoctorTemplatesBody } from '@jiuyi/shared';
import { authedRequest } from './session';

const templatesPath = (doctorId: string) => `/v1/admin/doctors/${encodeURIComponent(doctorId)}/templates`;

/** GET /v1/admin/doctors/{id}/templates — the doctor's weekly clinic half-days (admin). */
export async function getDoctorTemplates(doctorId: string): Promise<DoctorTemplatesResponse> {
  return authedRequest(templatesPath(doctorId), doctorTemplatesResponseSchema);
}

/** PUT /v1/admin/doctors/{id}/templates — replaces the whole week; sessions not yet created follow it. */
export async function putDoctorTemplates(
  doctorId: string,
  body: PutDoctorTemplatesBody,
): Promise<DoctorTemplatesResponse> {
  return authedRequest(templatesPath(doctorId), doctorTemplatesResponseSchema, { method: 'PUT', body });
}

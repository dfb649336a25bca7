import { z } from 'zod';
import { patientSchema } from '@jiuyi/shared';
import type { Patient } from '@jiuyi/shared';
import { authedRequest } from './session';

/** How many 就诊人 one account may keep; the server enforces it (PATIENT_LIMIT_REACHED). */
export { MAX_PATIENTS_PER_ACCOUNT as MAX_PATIENTS } from '@jiuyi/shared';

const patientListSchema = z.object({ items: z.array(patientSchema) });

/** What the add form sends: the fields of `patientCreateBodySchema`, before normalisation. */
export interface NewPatient {
  name: string;
  idType: Patient['idType'];
  idNumber: string;
  phone: string;
  relation: Patient['relation'];
}

/** What the edit form may change: the ID document never changes. */
export interface PatientChanges {
  name?: string;
  phone?: string;
  relation?: Patient['relation'];
}

const patientPath = (id: string) => `/v1/patients/${encodeURIComponent(id)}`;

/** GET /v1/patients — the account's own 就诊人, ID numbers and phones masked. */
export async function listPatients(): Promise<Patient[]> {
  const { items } = await authedRequest('/v1/patients', patientListSchema);
  return items;
}

/** GET /v1/patients/{id} — one of the account's 就诊人. */
export async function getPatient(id: string): Promise<Patient> {
  return authedRequest(patientPath(id), patientSchema);
}

/** POST /v1/patients — adds a 就诊人; 409 IDENTITY_ALREADY_REGISTERED or PATIENT_LIMIT_REACHED as ApiError. */
export async function addPatient(body: NewPatient): Promise<Patient> {
  return authedRequest('/v1/patients', patientSchema, { method: 'POST', body });
}

/** PATCH /v1/patients/{id} — changes name, phone or relation. */
export async function updatePatient(id: string, changes: PatientChanges): Promise<Patient> {
  return authedRequest(patientPath(id), patientSchema, { method: 'PATCH', body: changes });
}

/** DELETE /v1/patients/{id} — removes a 就诊人 (the answer is 204, no body). */
export async function deletePatient(id: string): Promise<void> {
  await authedRequest(patientPath(id), z.unknown(), { method: 'DELETE' });
}

import { updatePatientBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { updatePatient } from '../use-cases/patients/manage-patients';
import { patientIdParams } from './params';

/** PATCH /v1/patients/{id} — change name, phone or relation. */
export const handler = defineHandler(
  { access: ['patient'], params: patientIdParams, body: updatePatientBodySchema },
  async ({ params, body, principal, deps }) =>
    updatePatient(deps, principal.accountId, params.id, body, deps.now()),
);

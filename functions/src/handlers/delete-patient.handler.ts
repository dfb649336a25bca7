import { defineHandler } from '../http/define-handler';
import { deletePatient } from '../use-cases/patients/manage-patients';
import { patientIdParams } from './params';

/** DELETE /v1/patients/{id} — remove a profile and free its identity. */
export const handler = defineHandler(
  { access: ['patient'], params: patientIdParams, status: 204 },
  async ({ params, principal, deps }) => {
    await deletePatient(deps, principal.accountId, params.id, deps.now());
    return null;
  },
);

import { createPatientBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { addPatient } from '../use-cases/patients/add-patient';

/** POST /v1/patients — add a 就诊人 with a validated identity document. */
export const handler = defineHandler(
  { access: ['patient'], body: createPatientBodySchema(() => new Date()), status: 201 },
  async ({ body, principal, deps }) =>
    (await addPatient(deps, principal.accountId, body, deps.now(), deps.config.identityAddsPerDay)).patient,
);

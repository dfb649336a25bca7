import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { getOwnPatient, toPatientView } from '../use-cases/patients/manage-patients';
import { patientIdParams } from './params';

/** GET /v1/patients/{id} — one of the account's own profiles. */
export const handler = defineHandler(
  { access: ['patient'], params: patientIdParams, query: z.strictObject({}) },
  async ({ params, principal, deps }) =>
    toPatientView(await getOwnPatient(deps, principal.accountId, params.id)),
);

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listExtraNumbers } from '../use-cases/clinic-bookings/extra-numbers';
import { CONSULTING_DOCTORS, OUTPATIENT_STAFF, sessionIdParams } from './clinic-params';

/** GET /v1/sessions/{id}/extra-numbers — the session's extra-number log (its doctor, outpatient staff). */
export const handler = defineHandler(
  {
    access: [...CONSULTING_DOCTORS, ...OUTPATIENT_STAFF],
    params: sessionIdParams,
    query: z.strictObject({}),
  },
  async ({ params, principal, deps }) =>
    listExtraNumbers(deps, principal, params.id, deps.config.extraNumbersPerSession),
);

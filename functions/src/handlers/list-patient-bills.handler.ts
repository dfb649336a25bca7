import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listBills } from '../use-cases/bills/list-bills';
import { uuidParam } from './params';

/** GET /v1/patients/{id}/bills — the unpaid and paid outpatient orders of one of the account's patients. */
export const handler = defineHandler(
  { access: ['patient'], params: z.object({ id: uuidParam }), query: z.strictObject({}) },
  async ({ params, principal, deps }) => listBills(deps, principal.accountId, params.id, deps.now()),
);

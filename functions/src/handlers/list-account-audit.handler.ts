import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { accountIdParams } from './params';

/** GET /v1/admin/accounts/{id}/audit — who changed the account, when, why, before and after (admin). */
export const handler = defineHandler(
  { access: ['admin'], params: accountIdParams, query: z.strictObject({}) },
  async ({ params, deps }) => ({ items: await deps.staff.audit(params.id) }),
);

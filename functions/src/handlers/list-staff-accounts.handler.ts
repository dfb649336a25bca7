import { z } from 'zod';
import { defineHandler } from '../http/define-handler';

/** GET /v1/admin/accounts — every staff account with its role and status (admin). */
export const handler = defineHandler({ access: ['admin'], query: z.strictObject({}) }, async ({ deps }) => ({
  items: await deps.staff.list(),
}));

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listDepartments } from '../use-cases/catalogue/list-catalogue';

/** GET /v1/departments — the catalogue's departments, for anyone. */
export const handler = defineHandler({ access: 'public', query: z.strictObject({}) }, async ({ deps }) => ({
  items: await listDepartments(deps.catalogue),
}));

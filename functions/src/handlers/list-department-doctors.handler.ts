import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listDepartmentDoctors } from '../use-cases/catalogue/list-catalogue';

const params = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, { message: '科室编号格式不正确' }) });

/** GET /v1/departments/{id}/doctors — a department's doctors with title and fee, for anyone. */
export const handler = defineHandler(
  { access: 'public', params, query: z.strictObject({}) },
  async ({ params, deps }) => ({
    items: await listDepartmentDoctors(deps.catalogue, params.id),
  }),
);

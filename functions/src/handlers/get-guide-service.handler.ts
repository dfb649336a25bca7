import { z } from 'zod';
import { DomainError } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';

/** GET /v1/guide/services/{id} — one service of the guide. */
export const handler = defineHandler(
  {
    access: 'public',
    params: z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, { message: '服务编号格式不正确' }) }),
    query: z.strictObject({}),
  },
  async ({ params, deps }) => {
    const service = await deps.guide.getService(params.id);
    if (!service) throw new DomainError('NOT_FOUND');
    return service;
  },
);

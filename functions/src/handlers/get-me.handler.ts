import { z } from 'zod';
import { DomainError, roleSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';

/** GET /v1/me — the signed-in account, its role and institution. */
export const handler = defineHandler(
  { access: roleSchema.options, query: z.strictObject({}) },
  async ({ principal, deps }) => {
    const account = await deps.accounts.get(principal.accountId);
    if (!account) throw new DomainError('UNAUTHENTICATED');
    return { account, stage: deps.config.stage };
  },
);

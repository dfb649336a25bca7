import { z } from 'zod';
import { defineHandler } from '../http/define-handler';

/** GET /v1/guide/branches — campuses, branches and alliance members with their phones. */
export const handler = defineHandler({ access: 'public', query: z.strictObject({}) }, async ({ deps }) => ({
  items: await deps.guide.listBranches(),
}));

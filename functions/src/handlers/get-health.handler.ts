import { z } from 'zod';
import { defineHandler } from '../http/define-handler';

/** Answers once the guide is seeded, which is the last step of the local stack's start. */
export const handler = defineHandler({ access: 'public', query: z.strictObject({}) }, async ({ deps }) => {
  await deps.guide.getRules();
  return { status: 'ok' as const };
});

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listWaitlist } from '../use-cases/waitlist/manage-waitlist';

/** GET /v1/waitlist — the account's own waitlist entries, newest first. */
export const handler = defineHandler(
  { access: ['patient'], query: z.strictObject({}) },
  async ({ principal, deps }) => ({ items: await listWaitlist(deps.waitlist, principal.accountId) }),
);

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listReferrals } from '../use-cases/referral-bookings/list-referrals';

/** GET /v1/referral-bookings — the referrals the calling alliance doctor made, newest first. */
export const handler = defineHandler(
  { access: ['alliance_doctor'], query: z.strictObject({}) },
  async ({ principal, deps }) => ({ items: await listReferrals(deps, principal, deps.now()) }),
);

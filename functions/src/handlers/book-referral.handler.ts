import { z } from 'zod';
import { referralBookingBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { bookReferral } from '../use-cases/referral-bookings/book-referral';

/** POST /v1/referral-bookings — an alliance doctor books a referred patient from the referral reserve (转诊预约). */
export const handler = defineHandler(
  { access: ['alliance_doctor'], body: referralBookingBodySchema, query: z.strictObject({}), status: 201 },
  async ({ body, principal, deps }) => bookReferral(deps, { principal, ...body }, deps.now()),
);

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listPaymentIssues } from '../use-cases/payments/staff-payments';
import { PAYMENT_STAFF } from './payment-ports';

/** GET /v1/payment-issues — staff: amount mismatches, refused refunds, unknown orders; newest first. */
export const handler = defineHandler(
  { access: PAYMENT_STAFF, query: z.strictObject({}) },
  async ({ deps }) => ({ items: await listPaymentIssues(deps) }),
);

import { z } from 'zod';
import { dateSchema, isDateString } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { getStatement } from '../use-cases/payments/statements';
import { PAYMENT_STAFF } from './payment-ports';

export const statementDateParams = z.object({
  date: dateSchema.refine(isDateString, { message: '日期不存在' }),
});

/** GET /v1/payment-statements/{date} — staff: one day's statement, lines and totals. */
export const handler = defineHandler(
  { access: PAYMENT_STAFF, params: statementDateParams, query: z.strictObject({}) },
  async ({ params, deps }) => getStatement(deps, params.date),
);

import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { RawResponse } from '../http/respond';
import { getStatement, statementCsv } from '../use-cases/payments/statements';
import { statementDateParams } from './get-payment-statement.handler';
import { PAYMENT_STAFF } from './payment-ports';

/** GET /v1/payment-statements/{date}/csv — staff: the day's statement as a CSV download. */
export const handler = defineHandler(
  { access: PAYMENT_STAFF, params: statementDateParams, query: z.strictObject({}) },
  async ({ params, deps }) =>
    new RawResponse(200, statementCsv(await getStatement(deps, params.date)), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="statement-${params.date}.csv"`,
    }),
);

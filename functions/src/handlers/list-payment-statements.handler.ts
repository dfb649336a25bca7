import { listStatementsQuerySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { listStatements } from '../use-cases/payments/statements';
import { PAYMENT_STAFF } from './payment-ports';

/** GET /v1/payment-statements?from=&to= — staff: daily totals of settled payments and refunds. */
export const handler = defineHandler(
  { access: PAYMENT_STAFF, query: listStatementsQuerySchema },
  async ({ query, deps }) => ({ items: await listStatements(deps, query.from, query.to) }),
);

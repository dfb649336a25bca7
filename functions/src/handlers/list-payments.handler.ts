import { listPaymentsQuerySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { listPayments } from '../use-cases/payments/staff-payments';
import { PAYMENT_STAFF } from './payment-ports';

/** GET /v1/payments?date=&status= — staff: the day's payments with their refunds and issues. */
export const handler = defineHandler(
  { access: PAYMENT_STAFF, query: listPaymentsQuerySchema },
  async ({ query, deps }) => ({ items: await listPayments(deps, query.date, query.status) }),
);

import { z } from 'zod';
import { billRefundBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { refundBillItems } from '../use-cases/bills/refund-bill-items';
import { readIdempotencyKey } from './idempotency-key';
import { paymentPortsOf } from './payment-ports';

/**
 * POST /v1/bills/refunds — refund paid outpatient items that were not executed, for their exact
 * amount. `Idempotency-Key` is optional: with it a retried request returns the first refund.
 */
export const handler = defineHandler(
  { access: ['patient'], body: billRefundBodySchema, query: z.strictObject({}), status: 201 },
  async ({ body, headers, principal, deps }) => {
    const keyGiven = Object.keys(headers).some((k) => k.toLowerCase() === 'idempotency-key');
    return refundBillItems(
      { ...(await paymentPortsOf(deps)), patients: deps.patients },
      principal.accountId,
      body,
      deps.now(),
      keyGiven ? readIdempotencyKey(headers) : undefined,
    );
  },
);

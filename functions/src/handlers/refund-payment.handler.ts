import { z } from 'zod';
import { staffRefundBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { refundByStaff } from '../use-cases/payments/staff-payments';
import { uuidParam } from './params';
import { PAYMENT_STAFF, paymentPortsOf } from './payment-ports';

/** POST /v1/payments/{id}/refunds — staff refund with a reason; who, when and why are audited. */
export const handler = defineHandler(
  {
    access: PAYMENT_STAFF,
    params: z.object({ id: uuidParam }),
    body: staffRefundBodySchema,
    query: z.strictObject({}),
    status: 201,
  },
  async ({ params, body, principal, deps }) =>
    refundByStaff(
      await paymentPortsOf(deps),
      { accountId: principal.accountId, role: principal.role },
      params.id,
      body,
      deps.now(),
    ),
);

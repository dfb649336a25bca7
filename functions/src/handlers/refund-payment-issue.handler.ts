import { z } from 'zod';
import { paymentIssueRefundBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { refundMismatchByStaff } from '../use-cases/payments/staff-payments';
import { PAYMENT_STAFF, paymentPortsOf } from './payment-ports';

/** An issue's id: its kind, then the payment or order number and WeChat's transaction id. */
const issueIdParam = z
  .string()
  .max(120, { message: '编号格式不正确' })
  .regex(/^[a-z_]+-[A-Za-z0-9-]+$/, { message: '编号格式不正确' });

/** POST /v1/payment-issues/{id}/refund — staff refund an amount mismatch in full, with a reason (audited). */
export const handler = defineHandler(
  {
    access: PAYMENT_STAFF,
    params: z.object({ id: issueIdParam }),
    body: paymentIssueRefundBodySchema,
    query: z.strictObject({}),
    status: 201,
  },
  async ({ params, body, principal, deps }) =>
    refundMismatchByStaff(
      await paymentPortsOf(deps),
      { accountId: principal.accountId, role: principal.role },
      params.id,
      body,
      deps.now(),
    ),
);

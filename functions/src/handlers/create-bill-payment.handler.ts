import { z } from 'zod';
import { createBillPaymentBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { requestBillPayment } from '../use-cases/bills/request-bill-payment';
import { paymentPortsOf } from './payment-ports';

/** POST /v1/bills/payment — `requestPayment` parameters for chosen unpaid outpatient items, priced by the HIS. */
export const handler = defineHandler(
  { access: ['patient'], body: createBillPaymentBodySchema, query: z.strictObject({}) },
  async ({ body, principal, deps }) =>
    requestBillPayment(
      { ...(await paymentPortsOf(deps)), patients: deps.patients },
      principal.accountId,
      body,
      deps.now(),
    ),
);

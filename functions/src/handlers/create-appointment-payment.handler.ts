import { z } from 'zod';
import { createAppointmentPaymentBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { requestAppointmentPayment } from '../use-cases/payments/request-appointment-payment';
import { uuidParam } from './params';
import { paymentPortsOf } from './payment-ports';

/** POST /v1/appointments/{id}/payment — `requestPayment` parameters for the fee; the same order during the hold. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: createAppointmentPaymentBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, body, principal, deps }) =>
    requestAppointmentPayment(await paymentPortsOf(deps), principal.accountId, params.id, body, deps.now()),
);

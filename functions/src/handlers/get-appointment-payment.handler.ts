import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { getAppointmentPayment } from '../use-cases/payments/patient-payments';
import { uuidParam } from './params';

/** GET /v1/appointments/{id}/payment — the payment of an own appointment, with its refunds. */
export const handler = defineHandler(
  { access: ['patient'], params: z.object({ id: uuidParam }), query: z.strictObject({}) },
  async ({ params, principal, deps }) => getAppointmentPayment(deps, principal.accountId, params.id),
);

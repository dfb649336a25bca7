import { z } from 'zod';
import { bookAppointmentBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { bookAppointment } from '../use-cases/appointments/book-appointment';
import { readIdempotencyKey } from './idempotency-key';
import { holdOrderCloser } from './hold-order-closer';

/** POST /v1/appointments — book a number for one of the account's patients. */
export const handler = defineHandler(
  { access: ['patient'], body: bookAppointmentBodySchema, query: z.strictObject({}), status: 201 },
  async ({ body, headers, principal, deps }) => {
    const request = { accountId: principal.accountId, ...body, idempotencyKey: readIdempotencyKey(headers) };
    const now = deps.now();
    const ports = { ...deps, closeHoldOrder: holdOrderCloser(deps, now) };
    return (await bookAppointment(ports, request, now)).appointment;
  },
);

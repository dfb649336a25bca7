import { z } from 'zod';
import { bookAppointmentBodySchema, DomainError } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { bookAppointment } from '../use-cases/appointments/book-appointment';

const idempotencyKey = z.uuid();

/** The `Idempotency-Key` header, whatever its case; a missing or malformed key is a 400. */
function readIdempotencyKey(headers: Record<string, string | undefined>): string {
  const value = Object.entries(headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1];
  const parsed = idempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { in: 'header', fields: { 'Idempotency-Key': '请提供 UUID 格式的 Idempotency-Key 请求头' } },
    });
  }
  return parsed.data;
}

/** POST /v1/appointments — book a number for one of the account's patients. */
export const handler = defineHandler(
  { access: ['patient'], body: bookAppointmentBodySchema, query: z.strictObject({}), status: 201 },
  async ({ body, headers, principal, deps }) => {
    const request = { accountId: principal.accountId, ...body, idempotencyKey: readIdempotencyKey(headers) };
    return (await bookAppointment(deps, request, deps.now())).appointment;
  },
);

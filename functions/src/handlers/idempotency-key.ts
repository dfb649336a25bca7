import { z } from 'zod';
import { DomainError } from '@jiuyi/shared';

const idempotencyKey = z.uuid();

/** The `Idempotency-Key` header, whatever its case; a missing or malformed key is a 400. */
export function readIdempotencyKey(headers: Record<string, string | undefined>): string {
  const value = Object.entries(headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1];
  const parsed = idempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { in: 'header', fields: { 'Idempotency-Key': '请提供 UUID 格式的 Idempotency-Key 请求头' } },
    });
  }
  return parsed.data;
}

import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { DomainError } from '@jiuyi/shared';

/** Bodies above this are refused before parsing: nothing in the contract comes near it. */
export const MAX_BODY_BYTES = 64 * 1024;

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const hit = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === wanted);
  return hit?.[1];
}

/** Turns zod issues into `details.fields` of path → Chinese message. */
export function validationError(error: z.ZodError, where: 'body' | 'query' | 'path'): DomainError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不支持的字段';
    } else {
      fields[issue.path.join('.') || where] = issue.message;
    }
  }
  const unknownQuery = where === 'query' && error.issues.some((i) => i.code === 'unrecognized_keys');
  return new DomainError(unknownQuery ? 'UNKNOWN_QUERY_PARAMETER' : 'VALIDATION_FAILED', {
    details: { in: where, fields },
  });
}

/** Reads and validates a JSON body: size, content type, syntax, then the schema. */
export function parseBody<T>(event: APIGatewayProxyEventV2, schema: z.ZodType<T>): T {
  const raw = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', { details: { maxBytes: MAX_BODY_BYTES } });
  }
  let value: unknown = {};
  if (raw.trim() !== '') {
    const type = header(event, 'content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    try {
      value = JSON.parse(raw);
    } catch {
      throw new DomainError('MALFORMED_JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}

/** Validates the query string; query schemas are strict, so unknown parameters are refused. */
export function parseQuery<T>(event: APIGatewayProxyEventV2, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'query');
  return parsed.data;
}

/** Validates path parameters. */
export function parsePath<T>(event: APIGatewayProxyEventV2, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(event.pathParameters ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'path');
  return parsed.data;
}

export { header as readHeader };

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, ERROR_CATALOGUE, type ErrorBody, type ErrorCode } from '@jiuyi/shared';

/** A JSON response carrying the request id, as every response must. */
export function json(status: number, body: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
    body: status === 204 ? '' : JSON.stringify(body),
  };
}

/** The contract's error shape for a domain error. */
export function errorResponse(error: DomainError, requestId: string): APIGatewayProxyStructuredResultV2 {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
  return json(error.status, body, requestId);
}

/** Shorthand for an error by code with the catalogue's message. */
export function errorByCode(
  code: ErrorCode,
  requestId: string,
  details?: Record<string, unknown>,
): APIGatewayProxyStructuredResultV2 {
  return errorResponse(new DomainError(code, { message: ERROR_CATALOGUE[code].message, details }), requestId);
}

/**
 * A handler result that is not JSON (a CSV download, WeChat Pay's notification answers): returned
 * as is, with the request id added.
 */
export class RawResponse {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Record<string, string> = {},
  ) {}

  toResult(requestId: string): APIGatewayProxyStructuredResultV2 {
    return {
      statusCode: this.status,
      headers: { ...this.headers, 'x-request-id': requestId },
      body: this.body,
    };
  }
}

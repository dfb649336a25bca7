import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DomainError, type Principal, type Role } from '@jiuyi/shared';
import { getDeps, type Deps } from '../composition';
import { errorResponse, json, RawResponse } from './respond';
import { logger } from './logger';
import { parseBody, parsePath, parseQuery, readHeader } from './parse-request';
import { authenticateRequest } from '../use-cases/accounts/authenticate-request';

/** Who may call a route: anyone, or a signed-in principal with one of these roles. */
export type Access = 'public' | readonly Role[];

export interface RouteInput<B, Q, P, A extends Access> {
  body: B;
  query: Q;
  params: P;
  principal: A extends 'public' ? Principal | undefined : Principal;
  requestId: string;
  headers: Record<string, string | undefined>;
  /** The body exactly as received (signature checks need the bytes, not a parse of them). */
  rawBody: string;
  deps: Deps;
}

export interface HandlerSpec<B, Q, P, A extends Access> {
  access: A;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** 200 unless the route creates something. */
  status?: number;
  /**
   * For a caller that reads errors in its own shape (WeChat Pay's notifications): the body of an
   * error answer, sent with the error's status instead of the contract's `{ error: … }`.
   */
  errorBody?: (error: DomainError) => unknown;
}

export type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** What a route declares about its input, readable from the handler (tests enumerate it). */
export interface RouteContract {
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

/** A handler built by `defineHandler`: callable by Lambda, and carrying the schemas it parses with. */
export type DefinedHandler = LambdaHandler & { readonly contract: RouteContract };

/** The contract of a handler built by `defineHandler`, or undefined for one built otherwise. */
export function contractOf(handler: LambdaHandler): RouteContract | undefined {
  return (handler as Partial<DefinedHandler>).contract;
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

function requestIdOf(event: APIGatewayProxyEventV2): string {
  const given = readHeader(event, 'x-request-id');
  if (given && REQUEST_ID.test(given)) return given;
  return event.requestContext?.requestId || randomUUID();
}

async function authenticate(event: APIGatewayProxyEventV2, deps: Deps): Promise<Principal | undefined> {
  const value = readHeader(event, 'authorization');
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (!match?.[1]) throw new DomainError('UNAUTHENTICATED');
  return authenticateRequest(deps, match[1]);
}

function rawBodyOf(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function authorise(access: Access, principal: Principal | undefined): void {
  if (access === 'public') return;
  if (!principal) throw new DomainError('UNAUTHENTICATED');
  if (!access.includes(principal.role)) throw new DomainError('FORBIDDEN');
}

/**
 * The one wrapper every handler uses: request id, authentication, role check, zod parsing,
 * the use case, and a single place where errors become HTTP.
 */
export function defineHandler<B = undefined, Q = undefined, P = undefined, A extends Access = Access>(
  spec: HandlerSpec<B, Q, P, A>,
  run: (input: RouteInput<B, Q, P, A>) => Promise<unknown>,
): DefinedHandler {
  const handler: LambdaHandler = async (event) => {
    const requestId = requestIdOf(event);
    logger.appendKeys({ requestId, route: event.routeKey });
    try {
      const deps = getDeps();
      const principal = await authenticate(event, deps);
      authorise(spec.access, principal);
      const params = (spec.params ? parsePath(event, spec.params) : undefined) as P;
      const query = (spec.query ? parseQuery(event, spec.query) : undefined) as Q;
      const body = (spec.body ? parseBody(event, spec.body) : undefined) as B;
      const result = await run({
        body,
        query,
        params,
        principal: principal as RouteInput<B, Q, P, A>['principal'],
        requestId,
        headers: event.headers ?? {},
        rawBody: rawBodyOf(event),
        deps,
      });
      if (result instanceof RawResponse) {
        logger.info('request handled', { status: result.status });
        return result.toResult(requestId);
      }
      const status = spec.status ?? 200;
      logger.info('request handled', { status });
      return json(status, result, requestId);
    } catch (error) {
      let refusal: DomainError;
      if (error instanceof DomainError) {
        logger.info('request refused', { status: error.status, code: error.code });
        refusal = error;
      } else {
        logger.error('unexpected failure', { error: error instanceof Error ? error.name : 'unknown' });
        refusal = new DomainError('INTERNAL_ERROR');
      }
      return spec.errorBody
        ? json(refusal.status, spec.errorBody(refusal), requestId)
        : errorResponse(refusal, requestId);
    } finally {
      logger.removeKeys(['requestId', 'route']);
    }
  };
  const contract: RouteContract = {
    access: spec.access,
    body: spec.body,
    query: spec.query,
    params: spec.params,
  };
  return Object.assign(handler, { contract });
}

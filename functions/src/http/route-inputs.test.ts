import fc from 'fast-check';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { DomainError, ERROR_CATALOGUE } from '@jiuyi/shared';
import { hostileLike, hostileQuery, hostileString } from '../../../tests/support/hostile-input';
import { HANDLERS } from '../handlers';
import { ROUTES, routeKey } from '../routes';
import { contractOf, type RouteContract } from './define-handler';
import { parseBody, parsePath, parseQuery } from './parse-request';

function eventOf(parts: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 {
  return { headers: { 'content-type': 'application/json' }, ...parts } as APIGatewayProxyEventV2;
}

/** Runs one parse; a refusal must be a catalogued 4xx, anything else thrown is the bug this file hunts. */
function refusalOf(parse: () => unknown): DomainError | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error;
  }
}

function expectCatalogued4xx(error: DomainError | undefined): void {
  if (!error) return;
  expect(error.status).toBeGreaterThanOrEqual(400);
  expect(error.status).toBeLessThan(500);
  expect(ERROR_CATALOGUE[error.code]).toBeDefined();
}

const contracts: [string, RouteContract][] = ROUTES.map((route) => {
  const handler = HANDLERS[route.handler];
  const contract = handler ? contractOf(handler) : undefined;
  if (!contract) throw new Error(`${routeKey(route)} is not built with defineHandler`);
  return [routeKey(route), contract];
});

describe('every route is safe on any input at the parse stage (no 500 from a string)', () => {
  it('every route in the registry declares its schemas through defineHandler', () => {
    // Prepare / Act
    const withoutContract = ROUTES.filter((r) => !contractOf(HANDLERS[r.handler] ?? (async () => ({}))));
    // Assess
    expect(withoutContract).toEqual([]);
  });

  it.each(contracts.filter(([, c]) => c.query))(
    '%s: any query string is parsed or refused with a 4xx',
    (_, c) => {
      const schema = c.query as z.ZodType;
      fc.assert(
        fc.property(hostileQuery(schema), (query) => {
          expectCatalogued4xx(refusalOf(() => parseQuery(eventOf({ queryStringParameters: query }), schema)));
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(contracts.filter(([, c]) => c.body))(
    '%s: any JSON body is parsed or refused with a 4xx',
    (_, c) => {
      const schema = c.body as z.ZodType;
      fc.assert(
        fc.property(hostileLike(schema), (value) => {
          const body = JSON.stringify(value) ?? '';
          expectCatalogued4xx(refusalOf(() => parseBody(eventOf({ body }), schema)));
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(contracts.filter(([, c]) => c.params))(
    '%s: any path parameter is parsed or refused with a 4xx',
    (_, c) => {
      const schema = c.params as z.ZodType;
      fc.assert(
        fc.property(hostileLike(schema), (value) => {
          const pathParameters = value as Record<string, string>;
          expectCatalogued4xx(refusalOf(() => parsePath(eventOf({ pathParameters }), schema)));
        }),
        { numRuns: 100 },
      );
    },
  );

  it('the reported cases: impossible dates and repeated parameters are a 400, not a throw', () => {
    // Prepare
    const sessions = contracts.find(([k]) => k === 'GET /v1/sessions')?.[1].query as z.ZodType;
    const statements = contracts.find(([k]) => k === 'GET /v1/payment-statements')?.[1].query as z.ZodType;
    const queries = [
      { departmentId: 'd', from: '2026-02-30', to: '2026-03-01' },
      { departmentId: 'd', from: 'x', to: '2026-03-01' },
      { departmentId: 'd', from: '2026-03-01,2026-03-02', to: '2026-03-03' },
    ];
    for (const schema of [sessions, statements]) {
      for (const query of queries) {
        // Act
        const error = refusalOf(() => parseQuery(eventOf({ queryStringParameters: query }), schema));
        // Assess
        expect(error?.status).toBe(400);
      }
    }
  });

  it('a hostile string generator really produces lone surrogates and %-escapes', () => {
    const samples = fc.sample(hostileString(), { numRuns: 2000, seed: 7 });
    expect(samples.some((s) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(s))).toBe(true);
    expect(samples.some((s) => s.includes('%'))).toBe(true);
  });
});

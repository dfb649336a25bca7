import fc from 'fast-check';
import { ERROR_CATALOGUE, type Role } from '@jiuyi/shared';
import { HANDLERS } from '../../functions/src/handlers';
import { contractOf } from '../../functions/src/http/define-handler';
import { routeKey, routesForStage, type RouteDefinition } from '../../functions/src/routes';
import { hostileJson, hostileLike, hostileQuery, hostileString } from '../support/hostile-input';
import { devToken } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Every route of the registry, through the local HTTP adapter and the real handler on DynamoDB Local,
 * fed hostile path parameters, query strings and bodies: the answer is never a 5xx, and every refusal
 * carries a catalogued code. Routes added later are covered because the list is the registry's.
 */
jest.setTimeout(120_000);

let api: TestApi;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api.stop());

async function tokenFor(route: RouteDefinition): Promise<string | undefined> {
  const access = contractOf(HANDLERS[route.handler]!)?.access ?? 'public';
  if (access === 'public') return undefined;
  const role = access[0]!;
  if (!tokens.has(role)) {
    const extra = { institutionId: 'inst-1', specialty: 'orthopaedics', doctorId: 'doc-spine-01' };
    tokens.set(role, await devToken(api.url, `hostile-${role}`, role, extra));
  }
  return tokens.get(role);
}

/** Percent-encodes UTF-8 bytes (a lone surrogate becomes U+FFFD, as any HTTP client would send it). */
function encode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** A path segment: encoded, or raw with a broken escape in it. */
const segment = fc.oneof(
  hostileString().map(encode),
  fc.constantFrom('%E4%B8', '%zz', '%', 'abc%2', '%C0%AF', '%ED%A0%80'),
  fc.constant('00000000-0000-4000-8000-000000000000'),
);

function rawQuery(query: Record<string, string>, broken: string | undefined): string {
  const pairs = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(v)}`);
  if (broken) pairs.push(broken);
  return pairs.join('&');
}

interface Answer {
  status: number;
  code?: string;
}

async function send(
  route: RouteDefinition,
  path: string,
  query: string,
  body: unknown,
  token?: string,
): Promise<Answer> {
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const res = await fetch(`${api.url}${path}${query ? `?${query}` : ''}`, {
    method: route.method,
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: hasBody ? (JSON.stringify(body) ?? '') : undefined,
  });
  const text = await res.text();
  let code: string | undefined;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) {
    const parsed = JSON.parse(text) as { error?: { code?: string } };
    code = parsed.error?.code;
  }
  return { status: res.status, code };
}

const routes = routesForStage('local');

describe('no route answers 5xx to any input (real handlers, DynamoDB Local)', () => {
  it.each(routes.map((r) => [routeKey(r), r] as const))('%s', async (_, route) => {
    // Prepare
    const contract = contractOf(HANDLERS[route.handler]!);
    const token = await tokenFor(route);
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const input = fc.record({
      params: fc.tuple(...names.map(() => segment), fc.constant('')),
      query: hostileQuery(contract?.query),
      broken: fc.option(fc.constantFrom('a=%E4%B8', 'from=%zz', '%=%', 'to=2026-02-30&to=x'), {
        nil: undefined,
      }),
      body: contract?.body ? hostileLike(contract.body) : hostileJson(),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ params, query, broken, body }) => {
        let i = 0;
        const path = route.path.replace(/\{\w+\}/g, () => params[i++] || 'x');
        // Act
        const answer = await send(route, path, rawQuery(query, broken), body, token);
        // Assess
        expect([routeKey(route), answer.status]).toEqual([routeKey(route), expect.any(Number)]);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400 && answer.code !== undefined && route.handler !== 'wechat-pay-notify')
          expect(Object.keys(ERROR_CATALOGUE)).toContain(answer.code);
      }),
      { numRuns: 12 },
    );
  });
});

describe('the local API adapter refuses a malformed %-escape in the path', () => {
  const withParams = routes.filter((r) => r.path.includes('{'));

  it('covers the routes with path parameters', () => {
    expect(withParams.length).toBeGreaterThanOrEqual(27);
  });

  it.each(withParams.map((r) => [routeKey(r), r] as const))('%s → 400 MALFORMED_PATH', async (_, route) => {
    // Prepare
    const token = await tokenFor(route);
    const path = route.path.replace(/\{\w+\}/g, '%E4%B8');
    // Act
    const answer = await send(route, path, '', {}, token);
    // Assess
    expect(answer).toEqual({ status: 400, code: 'MALFORMED_PATH' });
  });
});

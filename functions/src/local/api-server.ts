import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ROUTES, routeKey, type RouteDefinition } from '../routes';
import type { LambdaHandler } from '../http/define-handler';
import { errorByCode } from '../http/respond';
import { MAX_BODY_BYTES } from '../http/parse-request';

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/** A path segment decoded, or undefined when its %-escapes are not valid UTF-8 (`%E4%B8`, `%zz`). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Matches a request to a route the way API Gateway does: by method and path template. A parameter
 * whose %-escapes cannot be decoded is the client's error (`malformed`, a 400), not a crash.
 */
export function createRouter(routes: readonly RouteDefinition[]) {
  const compiled = routes.map(compile);
  return (method: string, path: string) => {
    const candidates = compiled.filter((c) => c.pattern.test(path));
    const hit = candidates.find((c) => c.route.method === method);
    if (!hit) return { kind: candidates.length > 0 ? ('method' as const) : ('none' as const) };
    const values = (hit.pattern.exec(path)?.slice(1) ?? []).map(decodeSegment);
    if (values.some((v) => v === undefined)) return { kind: 'malformed' as const };
    const pathParameters = Object.fromEntries(hit.names.map((n, i) => [n, values[i] ?? '']));
    return { kind: 'match' as const, route: hit.route, pathParameters };
  };
}

const REFUSALS = {
  method: 'METHOD_NOT_ALLOWED',
  none: 'ROUTE_NOT_FOUND',
  malformed: 'MALFORMED_PATH',
} as const;

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Builds the event API Gateway's HTTP API (payload v2.0) would send. */
export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  route: RouteDefinition,
  pathParameters: Record<string, string>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(route),
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  res.end(result.body ?? '');
}

/** The local API adapter: HTTP request → APIGatewayProxyEventV2 → the real handler. */
export function startApiServer(options: {
  port: number;
  handlers: Record<string, LambdaHandler>;
  routes?: readonly RouteDefinition[];
}): Promise<Server> {
  const route = createRouter(options.routes ?? ROUTES);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const requestId = randomUUID();
      const match = route(req.method ?? 'GET', url.pathname);
      if (match.kind !== 'match') {
        req.resume();
        return send(res, errorByCode(REFUSALS[match.kind], requestId));
      }
      const body = await readBody(req);
      if (body === 'too_large') return send(res, errorByCode('PAYLOAD_TOO_LARGE', requestId));
      const handler = options.handlers[match.route.handler];
      if (!handler) return send(res, errorByCode('ROUTE_NOT_FOUND', requestId));
      send(res, await handler(toApiGatewayEvent(req, url, body, match.route, match.pathParameters)));
    })().catch(() => {
      if (!res.headersSent) send(res, errorByCode('INTERNAL_ERROR', randomUUID()));
    });
  });
  return new Promise((resolve) => server.listen(options.port, '127.0.0.1', () => resolve(server)));
}

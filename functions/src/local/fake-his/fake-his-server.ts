import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readTextBody, sendJson } from '../fake-server-io';
import type { z } from 'zod';
import { HisError, type HisPort } from '../../ports/his';
import { verifyHisSignature } from '../../adapters/his/signing';
import {
  HIS_PATHS,
  HIS_SIGNATURE_HEADERS,
  executedRequestSchema,
  paidRequestSchema,
  queryOrdersRequestSchema,
  refundRequestSchema,
} from '../../adapters/his/wire';

/**
 * A small stand-in for the hospital's HIS integration engine: it speaks the wire protocol of
 * `adapters/his/wire.ts` (signature checked, five-minute window) in front of any `HisPort`, usually
 * the demo HIS. It exists so the HTTP adapter is tested against a real server, and it can inject
 * failures (`failNext`) to prove the adapter's retry and error mapping.
 */
export interface FakeHisServer {
  url: string;
  /** Requests received per path, signed or not. */
  requests: Array<{ path: string; body: unknown }>;
  /** The next `count` requests answer this HTTP status (a 503 outage, a 500 crash). */
  failNext(status: number, count?: number): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;
/** Where the API lives on the server, as it would behind the hospital's gateway. */
const BASE_PATH = '/his/v1';

const readBody = (req: IncomingMessage) => readTextBody(req, MAX_BODY_BYTES);
const send = sendJson;

const ERROR_STATUS: Record<string, number> = {
  ITEM_NOT_FOUND: 404,
  ITEM_ALREADY_PAID: 409,
  ITEM_NOT_PAID: 409,
  ITEM_EXECUTED: 409,
  TOTAL_MISMATCH: 422,
  IDEMPOTENCY_CONFLICT: 422,
};

export async function startFakeHisServer(options: {
  his: HisPort;
  signingKey: string;
  port?: number;
  now?: () => Date;
}): Promise<FakeHisServer> {
  const now = options.now ?? (() => new Date());
  const requests: FakeHisServer['requests'] = [];
  let failures: { status: number; left: number } | undefined;

  const routes: Record<string, { schema: z.ZodType; run: (input: never) => Promise<unknown> }> = {
    [`${BASE_PATH}${HIS_PATHS.queryOrders}`]: {
      schema: queryOrdersRequestSchema,
      run: async (i: z.infer<typeof queryOrdersRequestSchema>) => ({
        orders: await options.his.listOrders(i.patientId, i.visits),
      }),
    },
    [`${BASE_PATH}${HIS_PATHS.payments}`]: {
      schema: paidRequestSchema,
      run: async (i: z.infer<typeof paidRequestSchema>) => {
        await options.his.markPaid(i);
        return { result: 'applied' };
      },
    },
    [`${BASE_PATH}${HIS_PATHS.refunds}`]: {
      schema: refundRequestSchema,
      run: async (i: z.infer<typeof refundRequestSchema>) => {
        await options.his.markRefunded(i);
        return { result: 'applied' };
      },
    },
    [`${BASE_PATH}${HIS_PATHS.executed}`]: {
      schema: executedRequestSchema,
      run: async (i: z.infer<typeof executedRequestSchema>) => ({
        executed: await options.his.executedItems(i.patientId, i.itemIds),
      }),
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://fake-his').pathname;
    const body = await readBody(req);
    requests.push({ path, body: body ? (JSON.parse(body) as unknown) : undefined });
    if (failures && failures.left > 0) {
      failures.left -= 1;
      return send(res, failures.status, { code: 'SYSTEM_ERROR', message: '模拟故障' });
    }
    const route = routes[path];
    if (req.method !== 'POST' || !route) return send(res, 404, { code: 'NO_SUCH_API', message: path });
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const check = verifyHisSignature(
      options.signingKey,
      {
        method: req.method,
        path,
        body,
        timestamp: header(HIS_SIGNATURE_HEADERS.timestamp),
        nonce: header(HIS_SIGNATURE_HEADERS.nonce),
        signature: header(HIS_SIGNATURE_HEADERS.signature),
      },
      now(),
    );
    if (check !== 'ok') return send(res, 401, { code: 'SIGNATURE_INVALID', message: check });
    const input = route.schema.safeParse(JSON.parse(body));
    if (!input.success) return send(res, 400, { code: 'BAD_REQUEST', message: input.error.message });
    try {
      return send(res, 200, await route.run(input.data as never));
    } catch (error) {
      if (error instanceof HisError && ERROR_STATUS[error.code])
        return send(res, ERROR_STATUS[error.code] ?? 409, {
          code: error.code,
          message: error.message,
          itemIds: error.itemIds,
        });
      return send(res, 503, { code: 'SYSTEM_ERROR', message: 'HIS 内部错误' });
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 400, { code: 'BAD_REQUEST', message: '请求无效' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    failNext(status, count = 1) {
      failures = { status, left: count };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

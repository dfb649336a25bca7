import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readTextBody, sendJson } from '../fake-server-io';
import { REAL_NAME_PATH, REAL_NAME_RESULT, realNameRequestSchema } from '../../adapters/real-name/wire';

/**
 * A small stand-in for a two-factor real-name service, speaking `adapters/real-name/wire.ts`: it knows
 * the names registered for some numbers, checks the AppCode, and can be taken down (`setDown`) or made
 * slow (`setDelay`) so the adapter and the pending/re-check flow are tested against a real server.
 */
export interface FakeRealNameServer {
  url: string;
  /** Registers the name the "authority" holds for a number. */
  register(idNumber: string, name: string): void;
  /** While down every request answers 503. */
  setDown(down: boolean): void;
  setDelay(ms: number): void;
  /** Requests received (numbers only; names are not kept). */
  requests: string[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;

const readBody = (req: IncomingMessage) => readTextBody(req, MAX_BODY_BYTES);
const send = sendJson;

/** Starts the fake on 127.0.0.1 (port 0: any free port) with the AppCode it accepts. */
export async function startFakeRealNameServer(options: {
  appCode: string;
  port?: number;
}): Promise<FakeRealNameServer> {
  const registry = new Map<string, string>();
  const requests: string[] = [];
  let down = false;
  let delay = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (down) return send(res, 503, { code: 503, message: 'service unavailable' });
      if (req.method !== 'POST' || req.url !== REAL_NAME_PATH) return send(res, 404, { code: 404 });
      if (req.headers.authorization !== `APPCODE ${options.appCode}`)
        return send(res, 401, { code: 401, message: 'invalid appcode' });
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const parsed = realNameRequestSchema.safeParse(form);
      if (!parsed.success) return send(res, 200, { code: 400, message: 'bad parameters' });
      requests.push(parsed.data.idcard);
      const known = registry.get(parsed.data.idcard);
      const result =
        known === undefined
          ? REAL_NAME_RESULT.noRecord
          : known === parsed.data.name
            ? REAL_NAME_RESULT.match
            : REAL_NAME_RESULT.mismatch;
      send(res, 200, { code: 0, message: '成功', result: { res: result } });
    })().catch(() => send(res, 500, { code: 500 }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    register: (idNumber, name) => void registry.set(idNumber, name),
    setDown: (value) => {
      down = value;
    },
    setDelay: (ms) => {
      delay = ms;
    },
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawNotification } from '../../ports/payment-gateway';

export interface NotificationReceiver {
  /** The notify URL to give WeChat Pay (the sandbox). */
  url: string;
  /** Every request received so far, headers and exact body as they arrived. */
  received: RawNotification[];
  /** Resolves when at least `count` notifications have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<RawNotification[]>;
  /** The status code answered from now on (WeChat re-sends after a non-2xx). */
  respondWith(status: number): void;
  close(): Promise<void>;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers))
    out[key] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/**
 * A bare HTTP endpoint that records notifications, for tests and for watching the sandbox
 * locally. It does no verification: that is the code under test's job.
 */
export async function startNotificationReceiver(host = '127.0.0.1'): Promise<NotificationReceiver> {
  const received: RawNotification[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let status = 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: flatten(req.headers), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
      for (const w of waiters.splice(0)) {
        if (received.length >= w.count) w.resolve();
        else waiters.push(w);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/v1/payments/wechat/notify`,
    received,
    waitFor(count, timeoutMs = 5000) {
      if (received.length >= count) return Promise.resolve([...received]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} notifications, got ${received.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve([...received]);
          },
        });
      });
    },
    respondWith(next) {
      status = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

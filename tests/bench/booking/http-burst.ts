import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mapWithConcurrency } from './pool';
import type { BookingAttempt } from './rush-setup';

/** The outcome of one booking request as the client saw it. */
export interface BookingResponse {
  status: number;
  /** The error code of a refusal, or the appointment id of a 201. */
  code?: string;
  appointmentId?: string;
  ms: number;
  /** When the response ended, from the start of the burst. */
  doneAtMs: number;
}

export interface BurstResult {
  responses: BookingResponse[];
  elapsedMs: number;
}

function send(
  agent: Agent,
  url: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function book(
  agent: Agent,
  url: URL,
  attempt: BookingAttempt,
  burstStart: bigint,
): Promise<BookingResponse> {
  const body = JSON.stringify({ slotId: attempt.slotId, patientId: attempt.patientId });
  const started = process.hrtime.bigint();
  const res = await send(
    agent,
    url,
    'POST',
    '/v1/appointments',
    {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      authorization: `Bearer ${attempt.token}`,
      'idempotency-key': randomUUID(),
    },
    body,
  );
  const ended = process.hrtime.bigint();
  const [ms, doneAtMs] = [Number(ended - started) / 1e6, Number(ended - burstStart) / 1e6];
  const parsed = (res.text ? JSON.parse(res.text) : {}) as { id?: string; error?: { code?: string } };
  return res.status === 201
    ? { status: res.status, appointmentId: parsed.id, ms, doneAtMs }
    : { status: res.status, code: parsed.error?.code ?? `HTTP ${res.status}`, ms, doneAtMs };
}

/**
 * Fires every attempt at once over keep-alive connections and times each request and the whole burst.
 * The connections are opened beforehand (GET /v1/health on each), as a client of API Gateway finds
 * them open: the burst measures bookings, not TCP handshakes queued in the listen backlog.
 */
export async function fireBookings(
  baseUrl: string,
  attempts: readonly BookingAttempt[],
  concurrency: number,
): Promise<BurstResult> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  try {
    await Promise.all(Array.from({ length: concurrency }, () => send(agent, url, 'GET', '/v1/health', {})));
    const started = process.hrtime.bigint();
    const responses = await mapWithConcurrency(attempts, concurrency, (a) => book(agent, url, a, started));
    return { responses, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 };
  } finally {
    agent.destroy();
  }
}

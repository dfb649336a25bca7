import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSmsRequest {
  action: string;
  body: Record<string, unknown>;
}

export interface TencentSmsFake {
  endpoint: string;
  /** Requests whose signature checked out, in order. */
  accepted: FakeSmsRequest[];
  /** Why each refused request was refused. */
  refused: string[];
  /** Makes the next `n` valid requests answer with a provider error. */
  failNext(n: number): void;
  stop(): Promise<void>;
}

/**
 * A local stand-in for sms.tencentcloudapi.com that checks TC3-HMAC-SHA256 the way the real
 * service does: it rebuilds the canonical request from what actually arrived (headers, host,
 * body) rather than trusting the client's code, so a signing bug cannot pass on both ends.
 */
export async function startTencentSmsFake(options: {
  secretId: string;
  secretKey: string;
  /** Seconds since the epoch; requests more than 5 minutes off are refused. */
  clock?: () => number;
}): Promise<TencentSmsFake> {
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
  const accepted: FakeSmsRequest[] = [];
  const refused: string[] = [];
  let failures = 0;

  const verify = (req: IncomingMessage, raw: string): string | undefined => {
    const auth = String(req.headers.authorization ?? '');
    const m =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!m) return 'AuthFailure.SignatureFailure: malformed authorization';
    const [, secretId, date, signedHeaders, signature] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (secretId !== options.secretId) return 'AuthFailure.SecretIdNotFound';
    const timestamp = Number(req.headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(clock() - timestamp) > 300)
      return 'AuthFailure.SignatureExpire';
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date)
      return 'AuthFailure.InvalidAuthorization: date';
    const names = signedHeaders.split(';');
    if (!names.includes('host') || !names.includes('content-type'))
      return 'AuthFailure.InvalidAuthorization: headers';
    const canonicalHeaders = names
      .map(
        (n) =>
          `${n}:${String(req.headers[n] ?? '')
            .trim()
            .toLowerCase()}\n`,
      )
      .join('');
    const hashedBody = createHash('sha256').update(raw).digest('hex');
    const canonical = `POST\n${req.url ?? '/'}\n\n${canonicalHeaders}\n${signedHeaders}\n${hashedBody}`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/sms/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`;
    let key: Buffer = createHmac('sha256', `TC3${options.secretKey}`).update(date).digest();
    key = createHmac('sha256', key).update('sms').digest();
    key = createHmac('sha256', key).update('tc3_request').digest();
    const expected = createHmac('sha256', key).update(toSign).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'AuthFailure.SignatureFailure';
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            Response: { ...(body as object), RequestId: `fake-${accepted.length + refused.length}` },
          }),
        );
      };
      const problem = verify(req, raw);
      if (problem) {
        refused.push(problem);
        const [code, message] = problem.split(': ');
        return reply({ Error: { Code: code, Message: message ?? code } });
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      if (failures > 0) {
        failures -= 1;
        return reply({ Error: { Code: 'InternalError', Message: 'fake outage' } });
      }
      accepted.push({ action: String(req.headers['x-tc-action']), body });
      const phones = (body.PhoneNumberSet as string[] | undefined) ?? [];
      reply({
        SendStatusSet: phones.map((p, i) => ({
          SerialNo: `serial-${accepted.length}-${i}`,
          PhoneNumber: p,
          Code: 'Ok',
          Message: 'send success',
        })),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    accepted,
    refused,
    failNext: (n) => {
      failures = n;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

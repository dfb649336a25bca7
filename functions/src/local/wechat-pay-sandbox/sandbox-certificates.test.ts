import { createDecipheriv, verify, X509Certificate } from 'node:crypto';
import { NotificationVerificationError } from '../../ports/payment-gateway';
import { createWechatPayClient, type WechatPayClient } from '../../adapters/wechat-pay/client';
import {
  buildAuthorizationHeader,
  createNonce,
  toPrivateKey,
  unixSeconds,
} from '../../adapters/wechat-pay/signing';
import { startNotificationReceiver, type NotificationReceiver } from './notification-receiver';
import { startWechatPaySandbox, type WechatPaySandbox } from './sandbox';

// Each sandbox generates three RSA keys and a certificate at start: seconds on a busy machine.
jest.setTimeout(30_000);

const NOW = new Date('2025-10-13T01:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let clock = NOW;
const now = () => clock;
let receiver: NotificationReceiver;
let sequence = 0;

beforeAll(async () => {
  receiver = await startNotificationReceiver();
});
afterAll(async () => receiver.close());
beforeEach(() => {
  clock = NOW;
  receiver.respondWith(204);
  receiver.received.splice(0);
});

async function withSandbox(
  verifyMode: 'platformCertificate' | 'both',
  run: (sandbox: WechatPaySandbox, client: WechatPayClient) => Promise<void>,
): Promise<void> {
  const sandbox = await startWechatPaySandbox({ now, verifyMode });
  try {
    await run(sandbox, createWechatPayClient({ ...sandbox.clientConfig(), now }));
  } finally {
    await sandbox.close();
  }
}

/** A paid order whose notification the receiver has; returns the raw notifications received for it. */
async function paidOrder(sandbox: WechatPaySandbox, client: WechatPayClient, copies = 1) {
  sequence += 1;
  const outTradeNo = `CERT${sequence}${clock.getTime()}`;
  await client.createJsapiOrder({
    outTradeNo,
    description: '就医-挂号费',
    amountFen: 1500,
    payerOpenid: 'oSandboxPayer000000000000001',
    timeExpire: new Date(clock.getTime() + 15 * MINUTE),
    notifyUrl: receiver.url,
  });
  const before = receiver.received.length;
  await sandbox.pay(outTradeNo);
  return { outTradeNo, raws: (await receiver.waitFor(before + copies)).slice(before) };
}

/** `GET /v3/certificates` signed with the merchant key, independently of the client. */
function getCertificates(sandbox: WechatPaySandbox): Promise<Response> {
  const config = sandbox.clientConfig();
  const authorization = buildAuthorizationHeader({
    mchId: config.mchId,
    serialNo: config.merchantSerialNo,
    privateKey: toPrivateKey(config.merchantPrivateKeyPem),
    method: 'GET',
    canonicalUrl: '/v3/certificates',
    body: '',
    timestamp: unixSeconds(clock),
    nonce: createNonce(),
  });
  return fetch(`${sandbox.url}/v3/certificates`, { headers: { Authorization: authorization } });
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof NotificationVerificationError ? error.reason : String(error);
  }
}

describe('sandbox GET /v3/certificates', () => {
  it('lists its certificate encrypted with the APIv3 key ("certificate", own nonce) and signs the answer with it', async () => {
    await withSandbox('platformCertificate', async (sandbox) => {
      // Act
      const response = await getCertificates(sandbox);
      const unsigned = await fetch(`${sandbox.url}/v3/certificates`);
      const body = await response.text();

      // Assess
      expect(response.status).toBe(200);
      expect(unsigned.status).toBe(401);
      const [listed] = sandbox.platformCertificates.list();
      const [entry] = (JSON.parse(body) as { data: Array<Record<string, never>> }).data;
      const enc = entry?.encrypt_certificate as unknown as Record<string, string>;
      expect(entry?.serial_no).toBe(listed?.serialNo);
      expect(enc).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'certificate' });
      const data = Buffer.from(enc.ciphertext ?? '', 'base64');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        Buffer.from(sandbox.apiV3Key),
        Buffer.from(enc.nonce ?? ''),
      );
      decipher.setAAD(Buffer.from('certificate'));
      decipher.setAuthTag(data.subarray(data.length - 16));
      const pem = Buffer.concat([
        decipher.update(data.subarray(0, data.length - 16)),
        decipher.final(),
      ]).toString();
      const x509 = new X509Certificate(pem);
      expect(x509.serialNumber).toBe(listed?.serialNo);
      expect(response.headers.get('wechatpay-serial')).toBe(listed?.serialNo);
      const signed = `${response.headers.get('wechatpay-timestamp')}\n${response.headers.get('wechatpay-nonce')}\n${body}\n`;
      expect(
        verify(
          'sha256',
          Buffer.from(signed),
          x509.publicKey,
          Buffer.from(response.headers.get('wechatpay-signature') ?? '', 'base64'),
        ),
      ).toBe(true);
      expect(sandbox.clientConfig().platformPublicKeyId).toBeUndefined();
    });
  });

  it('answers 404 to a merchant in public-key mode, which has no platform certificate', async () => {
    const sandbox = await startWechatPaySandbox({ now });
    try {
      // Act
      const response = await getCertificates(sandbox);

      // Assess
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('RESOURCE_NOT_EXISTS');
      expect(sandbox.platformCertificates.list()).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});

describe('sandbox in platform-certificate mode', () => {
  it('signs answers and notifications with the certificate; the client verifies both with it alone', async () => {
    await withSandbox('platformCertificate', async (sandbox, client) => {
      // Act
      const { outTradeNo, raws } = await paidOrder(sandbox, client);
      const notification = await client.parseNotification(raws[0]!, clock);

      // Assess
      const serial = sandbox.platformCertificates.list()[0]?.serialNo;
      expect(raws[0]?.headers['wechatpay-serial']).toBe(serial);
      expect(notification).toMatchObject({ kind: 'transaction', outTradeNo, tradeState: 'SUCCESS' });
      expect(client.platformCertificates?.trusted().map((c) => c.serialNo)).toEqual([serial]);
    });
  });

  it('a new certificate signing notifications: the unknown serial makes the client download again, then verify', async () => {
    await withSandbox('platformCertificate', async (sandbox, client) => {
      // Prepare: the client knows the first certificate; WeChat lists a second and signs with it
      await paidOrder(sandbox, client);
      const next = sandbox.platformCertificates.publish();
      sandbox.platformCertificates.signWith(next.serialNo, 'notifications');
      clock = new Date(NOW.getTime() + 2 * MINUTE);

      // Act
      const { outTradeNo, raws } = await paidOrder(sandbox, client);
      const notification = await client.parseNotification(raws[0]!, clock);

      // Assess
      expect(raws[0]?.headers['wechatpay-serial']).toBe(next.serialNo);
      expect(notification.outTradeNo).toBe(outTradeNo);
      expect(client.platformCertificates?.trusted().map((c) => c.serialNo)).toContain(next.serialNo);
    });
  });

  it('an expired certificate is refused and replaced by its successor', async () => {
    await withSandbox('platformCertificate', async (sandbox, client) => {
      // Prepare: a certificate valid for one day signs notifications, and the client learns it
      const first = sandbox.platformCertificates.list()[0]!;
      const shortLived = sandbox.platformCertificates.publish({ expireTime: new Date(NOW.getTime() + DAY) });
      sandbox.platformCertificates.signWith(shortLived.serialNo, 'notifications');
      const early = await paidOrder(sandbox, client);
      const beforeExpiry = await reason(client.parseNotification(early.raws[0]!, clock));
      clock = new Date(NOW.getTime() + DAY + MINUTE);

      // Act: after its expiry it still signs (WeChat would not), then WeChat moves on
      const stale = await paidOrder(sandbox, client);
      const expired = await reason(client.parseNotification(stale.raws[0]!, clock));
      const successor = sandbox.platformCertificates.publish();
      sandbox.platformCertificates.signWith(successor.serialNo, 'notifications');
      sandbox.platformCertificates.withdraw(shortLived.serialNo);
      clock = new Date(clock.getTime() + 2 * MINUTE);
      const fresh = await paidOrder(sandbox, client);
      const accepted = await client.parseNotification(fresh.raws[0]!, clock);

      // Assess
      expect(beforeExpiry).toBe('accepted');
      expect(expired).toBe('UNKNOWN_CERTIFICATE');
      expect(accepted.outTradeNo).toBe(fresh.outTradeNo);
      expect(client.platformCertificates?.trusted().map((c) => c.serialNo)).toEqual([
        first.serialNo,
        successor.serialNo,
      ]);
    });
  });

  it('refuses a notification whose body was changed or whose serial names a certificate WeChat does not list', async () => {
    await withSandbox('platformCertificate', async (sandbox, client) => {
      // Prepare
      const { raws } = await paidOrder(sandbox, client);
      const genuine = raws[0]!;
      const tampered = {
        ...genuine,
        body: genuine.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '),
      };
      const unknown = { ...genuine, headers: { ...genuine.headers, 'wechatpay-serial': '7'.repeat(40) } };

      // Act
      const outcomes = [
        await reason(client.parseNotification(tampered, clock)),
        await reason(client.parseNotification(unknown, clock)),
        await reason(client.parseNotification(genuine, clock)),
      ];

      // Assess
      expect(outcomes).toEqual(['BAD_SIGNATURE', 'UNKNOWN_CERTIFICATE', 'accepted']);
    });
  });
});

describe('sandbox in both-kinds mode (a merchant moving to the public key)', () => {
  it('signs with the public key and the certificate in turn; the client verifies each by its serial', async () => {
    await withSandbox('both', async (sandbox, client) => {
      // Prepare
      sandbox.setSwitches({ duplicates: 4 });

      // Act
      const { outTradeNo, raws } = await paidOrder(sandbox, client, 4);
      const parsed = await Promise.all(raws.map((r) => client.parseNotification(r, clock)));

      // Assess
      const serials = new Set(raws.map((r) => r.headers['wechatpay-serial']));
      expect(serials).toEqual(
        new Set([sandbox.platform.publicKeyId, sandbox.platformCertificates.list()[0]?.serialNo]),
      );
      expect(parsed.map((n) => n.outTradeNo)).toEqual([outTradeNo, outTradeNo, outTradeNo, outTradeNo]);
      expect(new Set(parsed.map((n) => n.eventId)).size).toBe(1);
    });
  });
});

import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { NotificationVerificationError } from '../../ports/payment-gateway';
import {
  buildAuthorizationHeader,
  parseAuthorizationHeader,
  verifyWechatpaySignature,
  wechatpaySignatureHeaders,
} from './signing';

const now = new Date('2025-03-03T02:00:00Z');
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platformKey = { publicKey: platform.publicKey, publicKeyId: 'PUB_KEY_ID_0112345678901234567890' };

function rejection(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof NotificationVerificationError ? error.reason : `unexpected ${String(error)}`;
  }
}

describe('request signing', () => {
  it('builds the v3 Authorization header over METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n', () => {
    // Prepare
    const body = '{"mchid":"1230000109"}';

    // Act
    const header = buildAuthorizationHeader({
      mchId: '1230000109',
      serialNo: 'ABC123',
      privateKey: merchant.privateKey,
      method: 'post',
      canonicalUrl: '/v3/pay/transactions/out-trade-no/A123456/close',
      body,
      timestamp: '1740967200',
      nonce: 'NONCE123',
    });

    // Assess
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="NONCE123",signature="[A-Za-z0-9+/=]+",timestamp="1740967200",serial_no="ABC123"$/,
    );
    const fields = parseAuthorizationHeader(header);
    const message = `POST\n/v3/pay/transactions/out-trade-no/A123456/close\n1740967200\nNONCE123\n${body}\n`;
    expect(
      verify(
        'sha256',
        Buffer.from(message),
        merchant.publicKey,
        Buffer.from(fields?.signature ?? '', 'base64'),
      ),
    ).toBe(true);
  });

  it('refuses to parse a header of another scheme', () => {
    expect(parseAuthorizationHeader('Bearer abc')).toBeUndefined();
    expect(parseAuthorizationHeader('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeUndefined();
  });
});

describe('WeChat Pay signature verification', () => {
  const body = '{"id":"EV-1"}';

  it('accepts a message signed by the platform key within the window', () => {
    // Prepare: signed independently of the code under test
    const timestamp = String(now.getTime() / 1000 - 299);
    const signature = sign(
      'sha256',
      Buffer.from(`${timestamp}\nN1\n${body}\n`),
      platform.privateKey,
    ).toString('base64');
    const headers = {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': 'N1',
      'wechatpay-signature': signature,
      'wechatpay-serial': platformKey.publicKeyId,
    };

    // Act
    const outcome = rejection(() => verifyWechatpaySignature({ headers, body }, platformKey, now));

    // Assess
    expect(outcome).toBeUndefined();
  });

  it('reads the headers whatever their case', () => {
    const headers = wechatpaySignatureHeaders(
      body,
      { privateKey: platform.privateKey, serial: platformKey.publicKeyId },
      now,
    );
    expect(Object.keys(headers)).toContain('Wechatpay-Signature');
    expect(rejection(() => verifyWechatpaySignature({ headers, body }, platformKey, now))).toBeUndefined();
  });

  it.each([
    ['a tampered body', { body: '{"id":"EV-2"}', at: now }, 'BAD_SIGNATURE'],
    ['a timestamp 6 minutes old', { body, at: new Date(now.getTime() + 6 * 60_000) }, 'STALE_TIMESTAMP'],
    ['a timestamp 6 minutes ahead', { body, at: new Date(now.getTime() - 6 * 60_000) }, 'STALE_TIMESTAMP'],
  ])('rejects %s', (_name, { body: received, at }, reason) => {
    // Prepare
    const headers = wechatpaySignatureHeaders(
      body,
      { privateKey: platform.privateKey, serial: platformKey.publicKeyId },
      now,
    );

    // Act
    const outcome = rejection(() => verifyWechatpaySignature({ headers, body: received }, platformKey, at));

    // Assess
    expect(outcome).toBe(reason);
  });

  it('rejects a message signed with another key, or naming another key id', () => {
    // Prepare
    const forged = wechatpaySignatureHeaders(
      body,
      { privateKey: merchant.privateKey, serial: platformKey.publicKeyId },
      now,
    );
    const otherId = wechatpaySignatureHeaders(
      body,
      { privateKey: platform.privateKey, serial: 'PUB_KEY_ID_other' },
      now,
    );

    // Act + Assess
    expect(rejection(() => verifyWechatpaySignature({ headers: forged, body }, platformKey, now))).toBe(
      'BAD_SIGNATURE',
    );
    expect(rejection(() => verifyWechatpaySignature({ headers: otherId, body }, platformKey, now))).toBe(
      'UNKNOWN_PUBLIC_KEY',
    );
    expect(rejection(() => verifyWechatpaySignature({ headers: {}, body }, platformKey, now))).toBe(
      'BAD_SIGNATURE',
    );
  });
});

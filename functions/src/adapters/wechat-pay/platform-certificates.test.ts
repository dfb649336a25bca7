import {
  createCipheriv,
  generateKeyPairSync,
  X509Certificate,
  type KeyPairKeyObjectResult,
} from 'node:crypto';
import { NotificationVerificationError, WechatPayError } from '../../ports/payment-gateway';
import {
  generatePlatformCertificate,
  type SandboxCertificate,
} from '../../local/wechat-pay-sandbox/platform-certificate';
import { encryptResource } from './aes-gcm';
import {
  createPlatformCertificateStore,
  decryptPlatformCertificates,
  type PlatformCertificateStoreOptions,
} from './platform-certificates';
import { wechatpaySignatureHeaders, type WechatpaySigner, type WechatpaySignedMessage } from './signing';
import { createWechatpayVerifier } from './verifier';
import { toBeijingRfc3339 } from './wire';

const NOW = new Date('2025-10-13T01:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const apiV3Key = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
const at = (ms: number) => new Date(NOW.getTime() + ms);

let current: SandboxCertificate;
let next: SandboxCertificate;
let stranger: SandboxCertificate;
/** A WeChat Pay public key pair (and, where it signs as a certificate, a forger's key). */
let pair: KeyPairKeyObjectResult;

beforeAll(() => {
  pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  current = generatePlatformCertificate({ effectiveTime: at(-30 * DAY), expireTime: at(10 * DAY) });
  next = generatePlatformCertificate({ effectiveTime: at(-DAY), expireTime: at(5 * 365 * DAY) });
  stranger = generatePlatformCertificate({ effectiveTime: at(-DAY), expireTime: at(365 * DAY) });
});

function entry(cert: SandboxCertificate, overrides: { expireTime?: Date; key?: string; aad?: string } = {}) {
  return {
    serial_no: cert.serialNo,
    effective_time: toBeijingRfc3339(cert.effectiveTime),
    expire_time: toBeijingRfc3339(overrides.expireTime ?? cert.expireTime),
    encrypt_certificate: encryptResource(cert.pem, overrides.key ?? apiV3Key, overrides.aad ?? 'certificate'),
  };
}

const signer = (cert: SandboxCertificate): WechatpaySigner => ({
  privateKey: cert.privateKey,
  serial: cert.serialNo,
});

/** A `GET /v3/certificates` answer listing `certs`, signed by `by` at `when`. */
function listing(certs: SandboxCertificate[], by: WechatpaySigner, when = NOW): WechatpaySignedMessage {
  const body = JSON.stringify({ data: certs.map((c) => entry(c)) });
  return { headers: wechatpaySignatureHeaders(body, by, when), body };
}

/** A store over a scripted download, counting the downloads. */
function storeOver(
  answers: () => WechatpaySignedMessage,
  extra: Partial<PlatformCertificateStoreOptions> = {},
) {
  const calls = { count: 0 };
  const store = createPlatformCertificateStore({
    apiV3Key,
    download: async () => {
      calls.count += 1;
      return answers();
    },
    ...extra,
  });
  return { store, calls };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof WechatPayError) return error.code;
    if (error instanceof NotificationVerificationError) return error.reason;
    throw error;
  }
}

describe('decryptPlatformCertificates', () => {
  it('decrypts a listing encrypted as WeChat does (AES-256-GCM, associated data "certificate", own nonce)', () => {
    // Prepare: encrypted with node:crypto directly, not with our helper
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from('61f9c719728a'));
    cipher.setAAD(Buffer.from('certificate'));
    const ciphertext = Buffer.concat([
      cipher.update(current.pem, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    const body = JSON.stringify({
      data: [
        {
          serial_no: current.serialNo.toLowerCase(),
          effective_time: toBeijingRfc3339(current.effectiveTime),
          expire_time: toBeijingRfc3339(current.expireTime),
          encrypt_certificate: {
            algorithm: 'AEAD_AES_256_GCM',
            nonce: '61f9c719728a',
            associated_data: 'certificate',
            ciphertext: ciphertext.toString('base64'),
          },
        },
      ],
    });

    // Act
    const [cert] = decryptPlatformCertificates(body, apiV3Key);

    // Assess
    expect(cert?.serialNo).toBe(current.serialNo);
    expect(cert?.effectiveTime).toEqual(current.effectiveTime);
    expect(cert?.expireTime).toEqual(current.expireTime);
    expect(cert?.publicKey.export({ type: 'spki', format: 'pem' })).toBe(
      new X509Certificate(current.pem).publicKey.export({ type: 'spki', format: 'pem' }),
    );
  });

  it('goes by the listed expire_time when WeChat moves it forward, never past the certificate’s own', () => {
    // Prepare
    const earlier = at(2 * DAY);
    const later = at(20 * DAY);

    // Act
    const [moved, widened] = decryptPlatformCertificates(
      JSON.stringify({
        data: [entry(current, { expireTime: earlier }), entry(current, { expireTime: later })],
      }),
      apiV3Key,
    );

    // Assess
    expect(moved?.expireTime).toEqual(earlier);
    expect(widened?.expireTime).toEqual(current.expireTime);
  });

  it.each([
    ['another APIv3 key', () => ({ data: [entry(current, { key: 'X'.repeat(32) })] })],
    ['other associated data', () => ({ data: [entry(current, { aad: 'transaction' })] })],
    [
      'a serial the certificate does not carry',
      () => ({ data: [{ ...entry(current), serial_no: next.serialNo }] }),
    ],
    ['a body without data', () => ({ certificates: [] })],
  ])('refuses a listing encrypted with %s', (_name, build) => {
    // Act
    const outcome = (() => {
      try {
        decryptPlatformCertificates(JSON.stringify(build()), apiV3Key);
        return 'accepted';
      } catch (error) {
        return error instanceof WechatPayError ? `${error.code} ${error.transient}` : String(error);
      }
    })();

    // Assess
    expect(outcome).toBe('CERTIFICATES_INVALID true');
  });
});

describe('platform certificate store: trust', () => {
  it('first download: the listing verifies its own response (the certificate its Wechatpay-Serial names)', async () => {
    // Prepare
    const { store, calls } = storeOver(() => listing([current, next], signer(current)));

    // Act
    const key = await store.keyFor(current.serialNo, NOW);

    // Assess
    expect(key).toBeDefined();
    expect(calls.count).toBe(1);
    expect(store.trusted().map((c) => c.serialNo)).toEqual([current.serialNo, next.serialNo]);
  });

  it('first download: refuses a response signed by a certificate it does not list, or by a forger', async () => {
    // Prepare
    const notListed = storeOver(() => listing([current], signer(next)));
    const forger = pair.privateKey;
    const forged = storeOver(() => listing([current], { privateKey: forger, serial: current.serialNo }));

    // Act
    const outcomes = [
      await failure(notListed.store.keyFor(current.serialNo, NOW)),
      await failure(forged.store.keyFor(current.serialNo, NOW)),
    ];

    // Assess
    expect(outcomes).toEqual(['RESPONSE_SIGNATURE_INVALID', 'RESPONSE_SIGNATURE_INVALID']);
    expect(notListed.store.trusted()).toEqual([]);
  });

  it('with a pinned serial, the first download must be signed by exactly that certificate', async () => {
    // Prepare
    const byOther = storeOver(() => listing([current, next], signer(next)), {
      expectedSerial: current.serialNo,
    });
    const byPinned = storeOver(() => listing([current, next], signer(current)), {
      expectedSerial: current.serialNo.toLowerCase(),
    });

    // Act
    const refused = await failure(byOther.store.keyFor(next.serialNo, NOW));
    const accepted = await byPinned.store.keyFor(next.serialNo, NOW);

    // Assess
    expect(refused).toBe('RESPONSE_SIGNATURE_INVALID');
    expect(accepted).toBeDefined();
  });

  it('a later download must be signed by a certificate already trusted; a refused one keeps the cache', async () => {
    // Prepare: trusts `current`; then a listing arrives signed by a newcomer
    let answer = listing([current], signer(current));
    const { store, calls } = storeOver(() => answer);
    await store.keyFor(current.serialNo, NOW);
    answer = listing([current, stranger], signer(stranger), at(2 * 60_000));

    // Act
    const outcome = await failure(store.keyFor(stranger.serialNo, at(2 * 60_000)));
    const stillTrusted = await store.keyFor(current.serialNo, at(3 * 60_000));

    // Assess
    expect(outcome).toBe('RESPONSE_SIGNATURE_INVALID');
    expect(calls.count).toBe(2);
    expect(stillTrusted).toBeDefined();
    expect(store.trusted().map((c) => c.serialNo)).toEqual([current.serialNo]);
  });

  it('both kinds: a listing signed by the configured WeChat Pay public key is trusted', async () => {
    // Prepare
    const publicKey = { publicKey: pair.publicKey, publicKeyId: 'PUB_KEY_ID_0112345678901234567890' };
    const { store } = storeOver(
      () => listing([current], { privateKey: pair.privateKey, serial: publicKey.publicKeyId }),
      { publicKey },
    );

    // Act
    const key = await store.keyFor(current.serialNo, NOW);

    // Assess
    expect(key).toBeDefined();
  });
});

describe('platform certificate store: refresh', () => {
  it('an unknown serial downloads again at most once a minute, then finds the new certificate', async () => {
    // Prepare
    let answer = listing([current], signer(current));
    const { store, calls } = storeOver(() => answer);
    await store.keyFor(current.serialNo, NOW);
    answer = listing([current, next], signer(current), at(30_000));

    // Act
    const tooSoon = await store.keyFor(next.serialNo, at(30_000));
    const afterAMinute = await store.keyFor(next.serialNo, at(61_000));
    const forgedSerial = await store.keyFor(stranger.serialNo, at(62_000));

    // Assess
    expect(tooSoon).toBeUndefined();
    expect(afterAMinute).toBeDefined();
    expect(forgedSerial).toBeUndefined();
    expect(calls.count).toBe(2);
  });

  it('downloads again 12 h before the last certificate expires, and after 12 h in any case', async () => {
    // Prepare: `current` expires in 10 days
    let answer = listing([current], signer(current));
    const { store, calls } = storeOver(() => answer);
    await store.keyFor(current.serialNo, NOW);

    // Act
    const countsAt = async (ms: number) => {
      answer = listing([current], signer(current), at(ms));
      await store.keyFor(current.serialNo, at(ms));
      return calls.count;
    };
    const beforeInterval = await countsAt(11 * HOUR);
    const afterInterval = await countsAt(12 * HOUR);
    const nearExpiry = await countsAt(9 * DAY + 13 * HOUR);
    const minuteLater = await countsAt(9 * DAY + 13 * HOUR + 30_000);
    const withinExpiryWindow = await countsAt(9 * DAY + 13 * HOUR + 61_000);

    // Assess
    expect([beforeInterval, afterInterval, nearExpiry, minuteLater, withinExpiryWindow]).toEqual([
      1, 2, 3, 3, 4,
    ]);
  });

  it('replaces an expired certificate: it no longer verifies, its successor does', async () => {
    // Prepare: WeChat lists both, then only the successor
    let answer = listing([current, next], signer(current));
    const { store } = storeOver(() => answer);
    await store.keyFor(current.serialNo, NOW);
    const afterExpiry = at(10 * DAY + 60_000);
    answer = listing([next], signer(next), afterExpiry);

    // Act
    const expired = await store.keyFor(current.serialNo, afterExpiry);
    const successor = await store.keyFor(next.serialNo, afterExpiry);

    // Assess
    expect(expired).toBeUndefined();
    expect(successor).toBeDefined();
    expect(store.trusted().map((c) => c.serialNo)).toEqual([next.serialNo]);
  });

  it('a failed scheduled refresh keeps the trusted certificates; a failed first download throws transient', async () => {
    // Prepare
    let fail = false;
    const { store } = storeOver(() => {
      if (fail)
        throw new WechatPayError({ status: 0, code: 'NETWORK_ERROR', message: 'down', transient: true });
      return listing([current], signer(current));
    });
    await store.keyFor(current.serialNo, NOW);
    fail = true;
    const cold = storeOver(() => {
      throw new WechatPayError({ status: 0, code: 'NETWORK_ERROR', message: 'down', transient: true });
    });

    // Act
    const warm = await store.keyFor(current.serialNo, at(13 * HOUR));
    const coldOutcome = await failure(cold.store.keyFor(current.serialNo, NOW));

    // Assess
    expect(warm).toBeDefined();
    expect(coldOutcome).toBe('NETWORK_ERROR');
  });

  it('concurrent look-ups share one download', async () => {
    // Prepare
    const { store, calls } = storeOver(() => listing([current, next], signer(current)));

    // Act
    const keys = await Promise.all([current, next, current, next].map((c) => store.keyFor(c.serialNo, NOW)));

    // Assess
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(calls.count).toBe(1);
  });
});

describe('verification picks the key by Wechatpay-Serial', () => {
  const body = '{"id":"EV-1"}';

  it('PUB_KEY_ID_… → the public key (no download); a certificate serial → the certificate store', async () => {
    // Prepare
    const publicKey = { publicKey: pair.publicKey, publicKeyId: 'PUB_KEY_ID_0112345678901234567890' };
    const { store, calls } = storeOver(() => listing([current], signer(current)));
    const verifier = createWechatpayVerifier({ publicKey, certificates: store });
    const byPublicKey = wechatpaySignatureHeaders(
      body,
      { privateKey: pair.privateKey, serial: publicKey.publicKeyId },
      NOW,
    );
    const byCertificate = wechatpaySignatureHeaders(body, signer(current), NOW);

    // Act
    const first = await failure(verifier.verify({ headers: byPublicKey, body }, NOW));
    const downloadsAfterPublicKey = calls.count;
    const second = await failure(verifier.verify({ headers: byCertificate, body }, NOW));

    // Assess
    expect([first, second]).toEqual(['accepted', 'accepted']);
    expect(downloadsAfterPublicKey).toBe(0);
    expect(calls.count).toBe(1);
  });

  it('refuses a certificate serial in public-key mode and a key id in certificate mode', async () => {
    // Prepare
    const publicKey = { publicKey: pair.publicKey, publicKeyId: 'PUB_KEY_ID_0112345678901234567890' };
    const publicOnly = createWechatpayVerifier({ publicKey });
    const certificatesOnly = createWechatpayVerifier({
      certificates: storeOver(() => listing([current], signer(current))).store,
    });

    // Act
    const outcomes = [
      await failure(
        publicOnly.verify({ headers: wechatpaySignatureHeaders(body, signer(current), NOW), body }, NOW),
      ),
      await failure(
        certificatesOnly.verify(
          {
            headers: wechatpaySignatureHeaders(
              body,
              { privateKey: pair.privateKey, serial: publicKey.publicKeyId },
              NOW,
            ),
            body,
          },
          NOW,
        ),
      ),
    ];

    // Assess
    expect(outcomes).toEqual(['UNKNOWN_CERTIFICATE', 'UNKNOWN_PUBLIC_KEY']);
  });

  it('refuses a body signed by another key under a trusted certificate serial, and a stale one', async () => {
    // Prepare
    const verifier = createWechatpayVerifier({
      certificates: storeOver(() => listing([current], signer(current))).store,
    });
    const forged = wechatpaySignatureHeaders(
      body,
      { privateKey: stranger.privateKey, serial: current.serialNo },
      NOW,
    );
    const genuine = wechatpaySignatureHeaders(body, signer(current), NOW);

    // Act
    const outcomes = [
      await failure(verifier.verify({ headers: forged, body }, NOW)),
      await failure(verifier.verify({ headers: genuine, body: '{"id":"EV-2"}' }, NOW)),
      await failure(verifier.verify({ headers: genuine, body }, at(6 * 60_000))),
    ];

    // Assess
    expect(outcomes).toEqual(['BAD_SIGNATURE', 'BAD_SIGNATURE', 'STALE_TIMESTAMP']);
  });
});

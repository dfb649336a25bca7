import { X509Certificate, type KeyObject } from 'node:crypto';
import { NotificationVerificationError, WechatPayError } from '../../ports/payment-gateway';
import { decryptResource } from './aes-gcm';
import {
  checkSignature,
  readSignatureHeaders,
  type PlatformKey,
  type SignatureHeaders,
  type WechatpaySignedMessage,
} from './signing';
import { certificatesWireSchema, parseWechatTime } from './wire';

/**
 * Platform-certificate mode: WeChat Pay signs with a platform certificate's key and names the
 * certificate's serial in `Wechatpay-Serial`. The certificates come from `GET /v3/certificates`,
 * each AES-256-GCM encrypted with the APIv3 key (associated data `certificate`).
 *
 * Trust, decided here and written down in docs/deploy.md:
 * - Every certificate must decrypt with the APIv3 key. GCM authenticates the ciphertext, so a
 *   listing nobody but WeChat (and we) could have made is the root of trust, with TLS around it.
 * - The first download (or one made after every trusted certificate has expired) verifies its own
 *   response with the certificate it names in `Wechatpay-Serial`, as WeChat's certificate
 *   downloader does; with a pinned serial (`expectedSerial`) that certificate must be the signer.
 * - Every later download must be signed by a certificate we already trust (or by the WeChat Pay
 *   public key, in both-kinds mode). WeChat lists a new certificate 10 days before the old one
 *   expires and signs with it only in the last 5, so a 12-hourly refresh learns it from a
 *   response signed by the old one.
 */

export const CERTIFICATE_ASSOCIATED_DATA = 'certificate';

export interface PlatformCertificate {
  /** Upper-case hex, as WeChat writes it in `Wechatpay-Serial`. */
  serialNo: string;
  publicKey: KeyObject;
  effectiveTime: Date;
  expireTime: Date;
}

/** Serials compared as WeChat and X.509 tools print them: case and leading zeros do not matter. */
export function sameSerial(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/^0+(?=.)/, '');
  return norm(a) === norm(b);
}

function invalidListing(message: string, cause?: unknown): WechatPayError {
  // Transient: a notification waiting on these certificates is answered 5xx and WeChat sends it again.
  return new WechatPayError({ status: 200, code: 'CERTIFICATES_INVALID', message, transient: true, cause });
}

function parseListing(body: string) {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalidListing('GET /v3/certificates did not answer JSON');
  }
  const parsed = certificatesWireSchema.safeParse(value);
  if (!parsed.success) throw invalidListing(`GET /v3/certificates: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Decrypts and checks a `GET /v3/certificates` body: each certificate must decrypt with the APIv3
 * key under associated data `certificate`, parse as X.509 and carry the serial it is listed with.
 * Validity is the listing's (WeChat moves `expire_time` forward when it switches certificates),
 * never wider than the certificate's own. Throws `WechatPayError` `CERTIFICATES_INVALID`.
 */
export function decryptPlatformCertificates(body: string, apiV3Key: string): PlatformCertificate[] {
  return parseListing(body).data.map((entry) => {
    if (entry.encrypt_certificate.associated_data !== CERTIFICATE_ASSOCIATED_DATA) {
      throw invalidListing(`certificate ${entry.serial_no}: unexpected associated data`);
    }
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(decryptResource(entry.encrypt_certificate, apiV3Key));
    } catch (error) {
      throw invalidListing(`certificate ${entry.serial_no}: ${(error as Error).message}`, error);
    }
    if (!sameSerial(x509.serialNumber, entry.serial_no)) {
      throw invalidListing(`certificate listed as ${entry.serial_no} has serial ${x509.serialNumber}`);
    }
    const listedFrom = parseWechatTime(entry.effective_time);
    const listedTo = parseWechatTime(entry.expire_time);
    if (!listedFrom || !listedTo) throw invalidListing(`certificate ${entry.serial_no}: unreadable validity`);
    const from = Math.max(listedFrom.getTime(), new Date(x509.validFrom).getTime());
    const to = Math.min(listedTo.getTime(), new Date(x509.validTo).getTime());
    return {
      serialNo: entry.serial_no.toUpperCase(),
      publicKey: x509.publicKey,
      effectiveTime: new Date(from),
      expireTime: new Date(to),
    };
  });
}

function isValidAt(cert: PlatformCertificate, now: Date): boolean {
  return cert.effectiveTime.getTime() <= now.getTime() && now.getTime() < cert.expireTime.getTime();
}

export interface PlatformCertificateStoreOptions {
  /** Sends the signed `GET /v3/certificates` and returns a 2xx answer as received, unverified. */
  download(): Promise<WechatpaySignedMessage>;
  apiV3Key: string;
  /** Pins the certificate that must sign the first download instead of trusting the listing's own. */
  expectedSerial?: string;
  /** Both-kinds mode: the WeChat Pay public key is trusted already and may sign the listing. */
  publicKey?: PlatformKey;
  /** Download again after this long (12 h). */
  refreshIntervalMs?: number;
  /** Download again this long before the last trusted certificate expires (12 h). */
  refreshBeforeExpiryMs?: number;
  /** At most one download per this interval once something is trusted (1 minute). */
  minRefreshGapMs?: number;
}

export interface PlatformCertificateStore {
  /**
   * The key of certificate `serial` if it is valid at `now`, downloading when due, or at most once
   * a minute when `serial` is unknown; `undefined` when WeChat does not list it. Throws
   * `WechatPayError` when a download is needed (nothing trusted, or an unknown serial) and fails.
   */
  keyFor(serial: string, now: Date): Promise<KeyObject | undefined>;
  /** The certificates trusted now, for diagnostics and tests. */
  trusted(): readonly PlatformCertificate[];
}

const HOUR = 60 * 60 * 1000;

/** A cache of WeChat Pay platform certificates, safe to share between concurrent notifications. */
export function createPlatformCertificateStore(
  options: PlatformCertificateStoreOptions,
): PlatformCertificateStore {
  const refreshIntervalMs = options.refreshIntervalMs ?? 12 * HOUR;
  const refreshBeforeExpiryMs = options.refreshBeforeExpiryMs ?? 12 * HOUR;
  const minRefreshGapMs = options.minRefreshGapMs ?? 60_000;
  let trusted: PlatformCertificate[] = [];
  let fetchedAt: number | undefined;
  let attemptedAt: number | undefined;
  let inFlight: Promise<void> | undefined;

  const validAt = (now: Date) => trusted.filter((c) => isValidAt(c, now));
  const find = (serial: string, now: Date) => validAt(now).find((c) => sameSerial(c.serialNo, serial));
  const mayAttempt = (now: Date) =>
    attemptedAt === undefined || now.getTime() - attemptedAt >= minRefreshGapMs;

  function isDue(now: Date): boolean {
    const lastExpiry = Math.max(...validAt(now).map((c) => c.expireTime.getTime()));
    return (
      fetchedAt === undefined ||
      now.getTime() - fetchedAt >= refreshIntervalMs ||
      lastExpiry - now.getTime() <= refreshBeforeExpiryMs
    );
  }

  /** The key the listing's signature must verify with, by the trust rules above. */
  function signerKey(signed: SignatureHeaders, downloaded: PlatformCertificate[], now: Date): KeyObject {
    if (options.publicKey && signed.serial === options.publicKey.publicKeyId)
      return options.publicKey.publicKey;
    const anchors = validAt(now);
    if (anchors.length > 0) {
      const anchor = anchors.find((c) => sameSerial(c.serialNo, signed.serial));
      if (!anchor)
        throw new NotificationVerificationError(
          'UNKNOWN_CERTIFICATE',
          `listing signed by untrusted ${signed.serial}`,
        );
      return anchor.publicKey;
    }
    if (options.expectedSerial && !sameSerial(options.expectedSerial, signed.serial)) {
      throw new NotificationVerificationError(
        'UNKNOWN_CERTIFICATE',
        `listing signed by ${signed.serial}, pinned ${options.expectedSerial}`,
      );
    }
    const own = downloaded.find((c) => sameSerial(c.serialNo, signed.serial) && isValidAt(c, now));
    if (!own)
      throw new NotificationVerificationError(
        'UNKNOWN_CERTIFICATE',
        `listing signed by ${signed.serial}, which it does not list`,
      );
    return own.publicKey;
  }

  async function downloadAndVerify(now: Date): Promise<void> {
    attemptedAt = now.getTime();
    const answer = await options.download();
    const downloaded = decryptPlatformCertificates(answer.body, options.apiV3Key);
    try {
      const signed = readSignatureHeaders(answer);
      checkSignature(answer, signed, signerKey(signed, downloaded, now), now);
    } catch (error) {
      if (!(error instanceof NotificationVerificationError)) throw error;
      throw new WechatPayError({
        status: 200,
        code: 'RESPONSE_SIGNATURE_INVALID',
        message: error.message,
        transient: true,
      });
    }
    // What WeChat no longer lists (a replaced certificate) is no longer trusted.
    trusted = downloaded;
    fetchedAt = now.getTime();
  }

  function refresh(now: Date): Promise<void> {
    inFlight ??= downloadAndVerify(now).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    async keyFor(serial, now) {
      if (validAt(now).length === 0) await refresh(now);
      else if (isDue(now) && mayAttempt(now)) {
        // Still trusting what we have: a failed scheduled refresh is tried again a minute later.
        await refresh(now).catch(() => undefined);
      }
      const known = find(serial, now);
      if (known || !mayAttempt(now)) return known?.publicKey;
      await refresh(now);
      return find(serial, now)?.publicKey;
    },
    trusted: () => [...trusted],
  };
}

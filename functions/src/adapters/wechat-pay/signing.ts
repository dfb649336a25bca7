import { createPrivateKey, createPublicKey, randomInt, sign, verify, type KeyObject } from 'node:crypto';
import { NotificationVerificationError } from '../../ports/payment-gateway';

/**
 * WeChat Pay API v3 signatures (SHA256withRSA, PKCS#1 v1.5, base64) on `node:crypto` alone.
 * There is no official Node SDK, and the community SDKs lag behind the "WeChat Pay public key"
 * mode (`PUB_KEY_ID_…`) that new merchants get instead of platform certificates, so we keep the
 * few dozen lines of protocol ourselves rather than depend on an unmaintained package.
 */

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat rejects, and we reject, signed messages whose timestamp is further than this from now. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random alphanumeric string, as WeChat's own nonces are (32 characters for signatures). */
export function createNonce(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return out;
}

/** Unix seconds, as a string: the form every v3 signature and `requestPayment` use. */
export function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}

/** Parses a PEM once so a bad key fails at start-up, not on the first payment. */
export function toPrivateKey(pem: string | KeyObject): KeyObject {
  return typeof pem === 'string' ? createPrivateKey(pem) : pem;
}

/** Parses a PEM public key (SPKI, as WeChat hands out) once. */
export function toPublicKey(pem: string | KeyObject): KeyObject {
  return typeof pem === 'string' ? createPublicKey(pem) : pem;
}

/** Each field followed by `\n`, the last one included: the shape of every v3 signed message. */
export function signedMessage(...fields: string[]): string {
  return fields.map((f) => `${f}\n`).join('');
}

/** Base64 SHA256-RSA signature of `message`. */
export function signSha256Rsa(message: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/** Checks a base64 SHA256-RSA signature; a malformed signature is simply invalid. */
export function verifySha256Rsa(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

export interface AuthorizationInput {
  mchId: string;
  serialNo: string;
  privateKey: KeyObject;
  method: string;
  /** Path and query exactly as sent, e.g. `/v3/pay/transactions/out-trade-no/A1?mchid=1230000109`. */
  canonicalUrl: string;
  body: string;
  timestamp: string;
  nonce: string;
}

/** The `Authorization` header for one API request. */
export function buildAuthorizationHeader(input: AuthorizationInput): string {
  const message = signedMessage(
    input.method.toUpperCase(),
    input.canonicalUrl,
    input.timestamp,
    input.nonce,
    input.body,
  );
  const signature = signSha256Rsa(message, input.privateKey);
  return (
    `${AUTH_SCHEME} mchid="${input.mchId}",nonce_str="${input.nonce}",signature="${signature}",` +
    `timestamp="${input.timestamp}",serial_no="${input.serialNo}"`
  );
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** Splits an `Authorization` header into its fields, or `undefined` if it is not a v3 header. */
export function parseAuthorizationHeader(header: string | undefined): AuthorizationFields | undefined {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return undefined;
  const fields = new Map<string, string>();
  for (const match of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  const mchid = fields.get('mchid');
  const nonce = fields.get('nonce_str');
  const signature = fields.get('signature');
  const timestamp = fields.get('timestamp');
  const serial = fields.get('serial_no');
  if (!mchid || !nonce || !signature || !timestamp || !serial) return undefined;
  return { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial };
}

/** True when `timestamp` (unix seconds) is within the 5-minute window around `now`, either side. */
export function isFreshTimestamp(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= SIGNATURE_WINDOW_SECONDS;
}

/** Reads a header case-insensitively from a plain object (API Gateway lower-cases, others do not). */
export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export interface WechatpaySignedMessage {
  headers: Record<string, string | undefined>;
  body: string;
}

export interface PlatformKey {
  publicKey: KeyObject;
  /** `PUB_KEY_ID_…`, which WeChat sends as `Wechatpay-Serial`. */
  publicKeyId: string;
}

/** The four `Wechatpay-*` headers of a signed response or notification. */
export interface SignatureHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
  /** A public key id (`PUB_KEY_ID_…`) or a platform certificate serial: it names the signing key. */
  serial: string;
}

/** Reads the signature headers; a message without all four is a `BAD_SIGNATURE`. */
export function readSignatureHeaders(message: WechatpaySignedMessage): SignatureHeaders {
  const timestamp = headerValue(message.headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(message.headers, 'Wechatpay-Nonce');
  const signature = headerValue(message.headers, 'Wechatpay-Signature');
  const serial = headerValue(message.headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) {
    throw new NotificationVerificationError('BAD_SIGNATURE', 'missing Wechatpay-* signature headers');
  }
  return { timestamp, nonce, signature, serial };
}

/**
 * Checks `Wechatpay-Signature` over `timestamp\nnonce\nbody\n` with `publicKey`, then the
 * 5-minute window: the signature comes first so a forger learns nothing from the error.
 */
export function checkSignature(
  message: WechatpaySignedMessage,
  signed: SignatureHeaders,
  publicKey: KeyObject,
  now: Date,
): void {
  if (
    !verifySha256Rsa(signedMessage(signed.timestamp, signed.nonce, message.body), signed.signature, publicKey)
  ) {
    throw new NotificationVerificationError('BAD_SIGNATURE', 'Wechatpay-Signature does not match the body');
  }
  if (!isFreshTimestamp(signed.timestamp, now)) {
    throw new NotificationVerificationError(
      'STALE_TIMESTAMP',
      `timestamp ${signed.timestamp} is outside the 5-minute window`,
    );
  }
}

/**
 * Verifies a response or notification signed with the WeChat Pay public key (public-key mode):
 * `Wechatpay-Serial` must name that key. Throws `NotificationVerificationError` with the reason.
 */
export function verifyWechatpaySignature(
  message: WechatpaySignedMessage,
  platform: PlatformKey,
  now: Date,
): void {
  const signed = readSignatureHeaders(message);
  if (signed.serial !== platform.publicKeyId) {
    throw new NotificationVerificationError(
      'UNKNOWN_PUBLIC_KEY',
      `signed with ${signed.serial}, expected ${platform.publicKeyId}`,
    );
  }
  checkSignature(message, signed, platform.publicKey, now);
}

/** Who signs as WeChat Pay: a private key and the serial it is known by (key id or certificate serial). */
export interface WechatpaySigner {
  privateKey: KeyObject;
  serial: string;
}

/** Signs a response or notification as WeChat Pay does: the headers to send along with `body`. */
export function wechatpaySignatureHeaders(
  body: string,
  signer: WechatpaySigner,
  now: Date,
): Record<string, string> {
  const timestamp = unixSeconds(now);
  const nonce = createNonce();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signSha256Rsa(signedMessage(timestamp, nonce, body), signer.privateKey),
    'Wechatpay-Serial': signer.serial,
    'Wechatpay-Signature-Type': AUTH_SCHEME,
  };
}

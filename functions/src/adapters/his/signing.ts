import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Request signing for the HIS integration API: HMAC-SHA256 with a key shared with the hospital over
 * `METHOD\npath\ntimestamp\nnonce\nbody\n`, the same shape as WeChat Pay's message so one habit fits
 * both. The receiver refuses a timestamp more than five minutes away, so a captured request cannot be
 * replayed later.
 */
export const HIS_SIGNATURE_WINDOW_SECONDS = 300;

export function hisSignature(
  key: string,
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return createHmac('sha256', key)
    .update(`${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`)
    .digest('base64');
}

export function hisNonce(): string {
  return randomBytes(16).toString('hex');
}

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'bad_signature';

export function verifyHisSignature(
  key: string,
  request: {
    method: string;
    path: string;
    body: string;
    timestamp?: string;
    nonce?: string;
    signature?: string;
  },
  now: Date,
): SignatureCheck {
  const { timestamp, nonce, signature } = request;
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > HIS_SIGNATURE_WINDOW_SECONDS) return 'stale';
  const expected = Buffer.from(
    hisSignature(key, request.method, request.path, timestamp, nonce, request.body),
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'bad_signature';
}

import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../../ports/field-cipher';

const VERSION = 'v1';

/** Seals with AES-256-GCM: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, all base64url. */
export function sealAesGcm(key: Buffer, keyId: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    VERSION,
    keyId,
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

/** Splits a sealed value into its parts; throws on anything malformed. */
export function parseSealed(sealed: string): { keyId: string; iv: Buffer; body: Buffer; tag: Buffer } {
  const [version, keyId, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !keyId || !iv || !body || !tag) throw new Error('Malformed sealed value');
  return {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    body: Buffer.from(body, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
}

/** Opens a value sealed by `sealAesGcm`; the GCM tag makes tampering fail loudly. */
export function openAesGcm(key: Buffer, parts: ReturnType<typeof parseSealed>): string {
  const decipher = createDecipheriv('aes-256-gcm', key, parts.iv);
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
}

/** A keyed blind index (HMAC-SHA256, base64url). */
export function hmacIndex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/** The `local` stage's cipher: keys from a local key file (or generated for a test run). */
export function createLocalFieldCipher(keys: {
  dataKey: Buffer;
  indexKey: Buffer;
  keyId?: string;
}): FieldCipher {
  if (keys.dataKey.length !== 32 || keys.indexKey.length < 32)
    throw new Error('Local cipher keys must be 32 bytes');
  const keyId = keys.keyId ?? 'local';
  return {
    async encrypt(plain) {
      return sealAesGcm(keys.dataKey, keyId, plain);
    },
    async decrypt(sealed) {
      return openAesGcm(keys.dataKey, parseSealed(sealed));
    },
    blindIndex: (value) => hmacIndex(keys.indexKey, value),
  };
}

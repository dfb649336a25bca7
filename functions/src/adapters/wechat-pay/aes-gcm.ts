import { createCipheriv, createDecipheriv } from 'node:crypto';
import { NotificationVerificationError } from '../../ports/payment-gateway';
import { createNonce } from './signing';

export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM';
const TAG_BYTES = 16;

/** The `resource` object of a notification, as WeChat sends it. */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

/** The APIv3 key is a 32-character string whose UTF-8 bytes are the AES-256 key. */
function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('The WeChat Pay APIv3 key must be exactly 32 bytes');
  return key;
}

/**
 * Decrypts a notification resource: base64 ciphertext whose last 16 bytes are the GCM tag, the
 * nonce and associated data as UTF-8 strings. Any failure (wrong key, tampering, bad encoding)
 * is a `DECRYPT_FAILED` rejection, because all of them mean the plaintext cannot be trusted.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== RESOURCE_ALGORITHM) {
    throw new NotificationVerificationError('DECRYPT_FAILED', `unsupported algorithm ${resource.algorithm}`);
  }
  const key = keyBytes(apiV3Key);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES)
    throw new NotificationVerificationError('DECRYPT_FAILED', 'ciphertext too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new NotificationVerificationError('DECRYPT_FAILED', (error as Error).message);
  }
}

/** Encrypts a resource the way WeChat Pay does (used by the local sandbox to send notifications). */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  nonce: string = createNonce(12),
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: RESOURCE_ALGORITHM,
    ciphertext: encrypted.toString('base64'),
    nonce,
    associated_data: associatedData,
  };
}

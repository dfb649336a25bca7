import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { FieldCipher } from '../../ports/field-cipher';
import { memoizeSuccess } from '../cache/memoize-success';
import { hmacIndex, openAesGcm, parseSealed, sealAesGcm } from './aes-gcm-field-cipher';

/** Where data keys come from: a new one (plain and wrapped), or the plain key of a wrapped one. */
export interface DataKeySource {
  generate(): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  unwrap(wrapped: Uint8Array): Promise<Uint8Array>;
}

/** KMS as the data-key source: `GenerateDataKey` (AES-256) and `Decrypt`. */
export function kmsDataKeySource(options: { kmsKeyId: string; region: string }): DataKeySource {
  const kms = new KMSClient({ region: options.region });
  return {
    async generate() {
      const out = await kms.send(new GenerateDataKeyCommand({ KeyId: options.kmsKeyId, KeySpec: 'AES_256' }));
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: out.Plaintext, wrapped: out.CiphertextBlob };
    },
    async unwrap(wrapped) {
      const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));
      if (!out.Plaintext) throw new Error('KMS could not decrypt the data key');
      return out.Plaintext;
    },
  };
}

/**
 * Envelope encryption: one data key per warm function encrypts fields with AES-256-GCM; the data key
 * travels inside each sealed value, wrapped by the key source, as its key id. Plain data keys are
 * cached so a warm function asks once per key, not once per field; a failed request is not cached,
 * so the next call asks again.
 */
export function createEnvelopeFieldCipher(source: DataKeySource, indexKey: Buffer): FieldCipher {
  const plainKeys = new Map<string, Buffer>();

  const currentKey = memoizeSuccess(async () => {
    const generated = await source.generate();
    const keyId = Buffer.from(generated.wrapped).toString('base64url');
    const key = Buffer.from(generated.plaintext);
    plainKeys.set(keyId, key);
    return { keyId, key };
  });

  const keyFor = async (keyId: string): Promise<Buffer> => {
    const cached = plainKeys.get(keyId);
    if (cached) return cached;
    const key = Buffer.from(await source.unwrap(Buffer.from(keyId, 'base64url')));
    plainKeys.set(keyId, key);
    return key;
  };

  return {
    async encrypt(plain) {
      const { keyId, key } = await currentKey();
      return sealAesGcm(key, keyId, plain);
    },
    async decrypt(sealed) {
      const parts = parseSealed(sealed);
      return openAesGcm(await keyFor(parts.keyId), parts);
    },
    blindIndex: (value) => hmacIndex(indexKey, value),
  };
}

/** Production: envelope encryption with data keys from KMS. */
export function createKmsFieldCipher(options: {
  kmsKeyId: string;
  indexKey: Buffer;
  region: string;
}): FieldCipher {
  return createEnvelopeFieldCipher(kmsDataKeySource(options), options.indexKey);
}

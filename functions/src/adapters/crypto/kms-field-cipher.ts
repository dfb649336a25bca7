import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { FieldCipher } from '../../ports/field-cipher';
import { hmacIndex, openAesGcm, parseSealed, sealAesGcm } from './aes-gcm-field-cipher';

/**
 * Production envelope encryption: one KMS data key per cold start encrypts fields with AES-256-GCM;
 * the data key travels inside each sealed value, encrypted by KMS, as its key id. Decrypted data keys
 * are cached so a warm function calls KMS once per key, not once per field.
 */
export function createKmsFieldCipher(options: {
  kmsKeyId: string;
  indexKey: Buffer;
  region: string;
}): FieldCipher {
  const kms = new KMSClient({ region: options.region });
  const plainKeys = new Map<string, Buffer>();
  let current: Promise<{ keyId: string; key: Buffer }> | undefined;

  const currentKey = () => {
    current ??= kms
      .send(new GenerateDataKeyCommand({ KeyId: options.kmsKeyId, KeySpec: 'AES_256' }))
      .then((out) => {
        if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
        const keyId = Buffer.from(out.CiphertextBlob).toString('base64url');
        const key = Buffer.from(out.Plaintext);
        plainKeys.set(keyId, key);
        return { keyId, key };
      });
    return current;
  };

  const keyFor = async (keyId: string): Promise<Buffer> => {
    const cached = plainKeys.get(keyId);
    if (cached) return cached;
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(keyId, 'base64url') }));
    if (!out.Plaintext) throw new Error('KMS could not decrypt the data key');
    const key = Buffer.from(out.Plaintext);
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
    blindIndex: (value) => hmacIndex(options.indexKey, value),
  };
}

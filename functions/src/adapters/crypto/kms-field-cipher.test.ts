import { randomBytes } from 'node:crypto';
import { createEnvelopeFieldCipher, type DataKeySource } from './kms-field-cipher';

const INDEX_KEY = Buffer.alloc(32, 7);

/**
 * A stand-in for KMS: wraps data keys by XOR with a master key. Its first `generateFailures`
 * GenerateDataKey calls and first `unwrapFailures` Decrypt calls fail, as a throttled KMS would.
 */
function flakyKeySource(generateFailures: number, unwrapFailures: number) {
  const master = randomBytes(32);
  const xor = (bytes: Uint8Array) => Buffer.from(bytes.map((b, i) => b ^ (master[i] ?? 0)));
  const calls = { generate: 0, unwrap: 0 };
  const source: DataKeySource = {
    async generate() {
      calls.generate += 1;
      if (calls.generate <= generateFailures) throw new Error('KMS ThrottlingException');
      const plaintext = randomBytes(32);
      return { plaintext, wrapped: xor(plaintext) };
    },
    async unwrap(wrapped) {
      calls.unwrap += 1;
      if (calls.unwrap <= unwrapFailures) throw new Error('KMS ThrottlingException');
      return xor(wrapped);
    },
  };
  return { source, calls };
}

describe('KMS envelope cipher: a failed data-key request does not stick', () => {
  it('GenerateDataKey failing once: the first encrypt fails, the second succeeds and round-trips', async () => {
    // Prepare
    const kms = flakyKeySource(1, 0);
    const cipher = createEnvelopeFieldCipher(kms.source, INDEX_KEY);
    // Act
    await expect(cipher.encrypt('110101199003071234')).rejects.toThrow('ThrottlingException');
    const sealed = await cipher.encrypt('110101199003071234');
    // Assess
    expect(await cipher.decrypt(sealed)).toBe('110101199003071234');
    expect(kms.calls.generate).toBe(2);
  });

  it('the data key, once generated, serves every later encrypt without asking again', async () => {
    // Prepare
    const kms = flakyKeySource(0, 0);
    const cipher = createEnvelopeFieldCipher(kms.source, INDEX_KEY);
    // Act
    const sealed = await Promise.all(['a', 'b', 'c'].map((v) => cipher.encrypt(v)));
    // Assess
    expect(kms.calls.generate).toBe(1);
    expect(new Set(sealed.map((s) => s.split('.')[1])).size).toBe(1);
  });

  it('Decrypt failing once in another warm function: the first decrypt fails, the second opens the value', async () => {
    // Prepare: sealed by one function, opened by a fresh one that must unwrap the data key
    const kms = flakyKeySource(0, 1);
    const sealed = await createEnvelopeFieldCipher(kms.source, INDEX_KEY).encrypt('13800138000');
    const reader = createEnvelopeFieldCipher(kms.source, INDEX_KEY);
    // Act
    await expect(reader.decrypt(sealed)).rejects.toThrow('ThrottlingException');
    const opened = await reader.decrypt(sealed);
    // Assess
    expect(opened).toBe('13800138000');
    expect(kms.calls.unwrap).toBe(2);
  });
});

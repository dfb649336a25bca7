import { createCipheriv, createDecipheriv } from 'node:crypto';
import { NotificationVerificationError } from '../../ports/payment-gateway';
import { decryptResource, encryptResource } from './aes-gcm';

const apiV3Key = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';

describe('notification resource AES-256-GCM', () => {
  it('decrypts a resource encrypted as WeChat does (tag in the last 16 bytes)', () => {
    // Prepare: encrypted with node:crypto directly, not with our helper
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from('fdasflkja484'));
    cipher.setAAD(Buffer.from('transaction'));
    const ciphertext = Buffer.concat([
      cipher.update('{"out_trade_no":"A1"}', 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);

    // Act
    const plaintext = decryptResource(
      {
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: ciphertext.toString('base64'),
        nonce: 'fdasflkja484',
        associated_data: 'transaction',
      },
      apiV3Key,
    );

    // Assess
    expect(plaintext).toBe('{"out_trade_no":"A1"}');
  });

  it('encrypts so that a plain AES-GCM decipher reads it back', () => {
    // Act
    const resource = encryptResource('退款成功', apiV3Key, 'refund');

    // Assess
    const data = Buffer.from(resource.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(resource.nonce));
    decipher.setAAD(Buffer.from('refund'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    expect(
      Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(),
    ).toBe('退款成功');
    expect(resource.nonce).toHaveLength(12);
  });

  it.each([
    ['the wrong key', { key: 'ZZZZc3D4e5F6g7H8i9J0k1L2m3N4o5P6' }],
    ['other associated data', { aad: 'refund' }],
    ['a flipped ciphertext byte', { flip: true }],
    ['another algorithm', { algorithm: 'AEAD_AES_128_GCM' }],
  ])(
    'rejects %s as DECRYPT_FAILED',
    (_name, change: { key?: string; aad?: string; flip?: boolean; algorithm?: string }) => {
      // Prepare
      const resource = encryptResource('{"a":1}', apiV3Key, 'transaction');
      const data = Buffer.from(resource.ciphertext, 'base64');
      if (change.flip) data[0] = (data[0] ?? 0) ^ 1;

      // Act
      let reason: string | undefined;
      try {
        decryptResource(
          {
            ...resource,
            ciphertext: data.toString('base64'),
            associated_data: change.aad ?? resource.associated_data,
            algorithm: change.algorithm ?? resource.algorithm,
          },
          change.key ?? apiV3Key,
        );
      } catch (error) {
        reason = error instanceof NotificationVerificationError ? error.reason : String(error);
      }

      // Assess
      expect(reason).toBe('DECRYPT_FAILED');
    },
  );
});

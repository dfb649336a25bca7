import type { KeyObject } from 'node:crypto';
import { NotificationVerificationError } from '../../ports/payment-gateway';
import type { PlatformCertificateStore } from './platform-certificates';
import {
  checkSignature,
  readSignatureHeaders,
  type PlatformKey,
  type WechatpaySignedMessage,
} from './signing';

/** WeChat Pay public key ids start with this; anything else in `Wechatpay-Serial` is a certificate serial. */
export const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';

export type { VerifyMode } from '../../wechat-pay-config';

export interface WechatpayVerifier {
  /**
   * Verifies a response or notification with the key its `Wechatpay-Serial` names. Throws
   * `NotificationVerificationError` for anything forged, stale or signed by a key we do not have,
   * and a transient `WechatPayError` when the certificates it needs could not be downloaded.
   */
  verify(message: WechatpaySignedMessage, now: Date): Promise<void>;
}

export interface VerifierKeys {
  /** Public-key and both-kinds modes. */
  publicKey?: PlatformKey;
  /** Platform-certificate and both-kinds modes. */
  certificates?: PlatformCertificateStore;
}

/** Picks the key by the serial: `PUB_KEY_ID_…` → the public key, anything else → the certificate store. */
export function createWechatpayVerifier(keys: VerifierKeys): WechatpayVerifier {
  async function keyFor(serial: string, now: Date): Promise<KeyObject> {
    if (serial.startsWith(PUBLIC_KEY_ID_PREFIX)) {
      if (!keys.publicKey) {
        throw new NotificationVerificationError(
          'UNKNOWN_PUBLIC_KEY',
          `signed with ${serial}, but this merchant verifies with platform certificates only`,
        );
      }
      if (serial !== keys.publicKey.publicKeyId) {
        throw new NotificationVerificationError(
          'UNKNOWN_PUBLIC_KEY',
          `signed with ${serial}, expected ${keys.publicKey.publicKeyId}`,
        );
      }
      return keys.publicKey.publicKey;
    }
    if (!keys.certificates) {
      throw new NotificationVerificationError(
        'UNKNOWN_CERTIFICATE',
        `signed with certificate ${serial}, but this merchant verifies with the WeChat Pay public key only`,
      );
    }
    const key = await keys.certificates.keyFor(serial, now);
    if (!key) {
      throw new NotificationVerificationError(
        'UNKNOWN_CERTIFICATE',
        `no valid platform certificate ${serial}`,
      );
    }
    return key;
  }

  return {
    async verify(message, now) {
      const signed = readSignatureHeaders(message);
      checkSignature(message, signed, await keyFor(signed.serial, now), now);
    },
  };
}

import { generateKeyPairSync, randomInt } from 'node:crypto';
import { encryptResource } from '../../adapters/wechat-pay/aes-gcm';
import { CERTIFICATE_ASSOCIATED_DATA } from '../../adapters/wechat-pay/platform-certificates';
import type { WechatpaySigner } from '../../adapters/wechat-pay/signing';
import type { VerifyMode } from '../../adapters/wechat-pay/verifier';
import { toBeijingRfc3339 } from '../../adapters/wechat-pay/wire';
import { generatePlatformCertificate, type SandboxCertificate } from './platform-certificate';

/** A listed platform certificate, without its private key. */
export type SandboxCertificateView = Omit<SandboxCertificate, 'privateKey'>;

/** The sandbox's platform certificates, to rotate them the way WeChat does. */
export interface SandboxCertificates {
  /** What `GET /v3/certificates` lists now. */
  list(): SandboxCertificateView[];
  /**
   * Lists a new certificate, as WeChat does 10 days before the old one expires; it signs nothing
   * until `signWith`. Validity from one day before the sandbox's now, for five years, unless given.
   */
  publish(validity?: { effectiveTime?: Date; expireTime?: Date }): SandboxCertificateView;
  /** Signs with this certificate from now on: everything, or notifications only (API answers keep theirs). */
  signWith(serialNo: string, what?: 'everything' | 'notifications'): void;
  /** Stops listing a certificate (it was replaced); it signs nothing any more. */
  withdraw(serialNo: string): void;
}

export interface SandboxSigners {
  mode: VerifyMode;
  publicKey: { publicKeyPem: string; publicKeyId: string };
  certificates: SandboxCertificates;
  /** The key that signs the next API answer or notification; in both-kinds mode they take turns. */
  signerFor(what: 'response' | 'notification'): WechatpaySigner;
  /** The body of `GET /v3/certificates`, each certificate encrypted with its own nonce. */
  listing(apiV3Key: string): unknown;
}

const DAY = 24 * 60 * 60 * 1000;
const FIVE_YEARS = 5 * 365 * DAY;

function newPublicKeyId(): string {
  const digits = () => String(randomInt(1e9)).padStart(9, '0');
  return `PUB_KEY_ID_01${digits()}${digits()}`;
}

/**
 * Who signs for the sandbox: the WeChat Pay public key (`PUB_KEY_ID_…`), platform certificates
 * (their serial in `Wechatpay-Serial`), or, for a merchant moving to the public key, either one
 * in turn, as WeChat does during the migration.
 */
export function createSandboxSigners(mode: VerifyMode, now: () => Date): SandboxSigners {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeySigner: WechatpaySigner = { privateKey: pair.privateKey, serial: newPublicKeyId() };
  const listed: SandboxCertificate[] = [];
  let responseCert: SandboxCertificate | undefined;
  let notificationCert: SandboxCertificate | undefined;
  let turn = 0;

  const view = ({ privateKey: _key, ...rest }: SandboxCertificate): SandboxCertificateView => rest;
  const mustFind = (serialNo: string): SandboxCertificate => {
    const cert = listed.find((c) => c.serialNo === serialNo);
    if (!cert) throw new Error(`the sandbox lists no certificate ${serialNo}`);
    return cert;
  };

  const certificates: SandboxCertificates = {
    list: () => listed.map(view),
    publish(validity = {}) {
      const effectiveTime = validity.effectiveTime ?? new Date(now().getTime() - DAY);
      const expireTime = validity.expireTime ?? new Date(effectiveTime.getTime() + FIVE_YEARS);
      const cert = generatePlatformCertificate({ effectiveTime, expireTime });
      listed.push(cert);
      return view(cert);
    },
    signWith(serialNo, what = 'everything') {
      const cert = mustFind(serialNo);
      notificationCert = cert;
      if (what === 'everything') responseCert = cert;
    },
    withdraw(serialNo) {
      const cert = mustFind(serialNo);
      listed.splice(listed.indexOf(cert), 1);
      if (responseCert === cert) responseCert = listed[0];
      if (notificationCert === cert) notificationCert = listed[0];
    },
  };
  if (mode !== 'publicKey') certificates.signWith(certificates.publish().serialNo);

  function certificateSigner(what: 'response' | 'notification'): WechatpaySigner {
    const cert = what === 'response' ? responseCert : notificationCert;
    if (!cert) throw new Error('the sandbox has no platform certificate to sign with');
    return { privateKey: cert.privateKey, serial: cert.serialNo };
  }

  return {
    mode,
    publicKey: {
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      publicKeyId: publicKeySigner.serial,
    },
    certificates,
    signerFor(what) {
      if (mode === 'publicKey') return publicKeySigner;
      if (mode === 'platformCertificate') return certificateSigner(what);
      turn += 1;
      return turn % 2 === 1 ? publicKeySigner : certificateSigner(what);
    },
    listing(apiV3Key) {
      return {
        data: listed.map((cert) => ({
          serial_no: cert.serialNo,
          effective_time: toBeijingRfc3339(cert.effectiveTime),
          expire_time: toBeijingRfc3339(cert.expireTime),
          encrypt_certificate: encryptResource(cert.pem, apiV3Key, CERTIFICATE_ASSOCIATED_DATA),
        })),
      };
    },
  };
}

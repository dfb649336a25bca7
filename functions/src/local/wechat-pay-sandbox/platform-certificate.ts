import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** A platform certificate the sandbox signs with, and the validity `GET /v3/certificates` lists. */
export interface SandboxCertificate {
  /** 40 upper-case hex digits, like WeChat's serials. */
  serialNo: string;
  /** The X.509 certificate (PEM), as it is encrypted into `encrypt_certificate`. */
  pem: string;
  privateKey: KeyObject;
  effectiveTime: Date;
  expireTime: Date;
}

/** A positive 20-byte serial whose hex has no leading zero, so every tool prints it the same way. */
function newSerial(): string {
  const bytes = randomBytes(20);
  bytes[0] = 0x10 + ((bytes[0] ?? 0) % 0x70);
  return bytes.toString('hex').toUpperCase();
}

/**
 * A self-signed platform certificate for the sandbox. `node:crypto` reads X.509 but cannot write
 * it, so node-forge (a dev dependency) builds and signs it; the key pair is Node's own.
 * WeChat's certificates are issued by Tenpay's CA, but no client checks that chain: trust comes
 * from the APIv3 key that encrypts the listing (see adapters/wechat-pay/platform-certificates.ts).
 */
export function generatePlatformCertificate(validity: {
  effectiveTime: Date;
  expireTime: Date;
}): SandboxCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serialNo = newSerial();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = serialNo;
  cert.validity.notBefore = validity.effectiveTime;
  cert.validity.notAfter = validity.expireTime;
  const name = [
    { name: 'countryName', value: 'CN' },
    { name: 'organizationName', value: 'Jiuyi WeChat Pay sandbox' },
    { name: 'commonName', value: 'Jiuyi sandbox platform certificate' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  const signingKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  cert.sign(signingKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { serialNo, pem: forge.pki.certificateToPem(cert), privateKey, ...validity };
}

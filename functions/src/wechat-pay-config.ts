import { z } from 'zod';

/**
 * How WeChat Pay's responses and notifications are verified: with the WeChat Pay public key
 * (`PUB_KEY_ID_…`), with platform certificates downloaded from `GET /v3/certificates`, or with
 * both while the merchant moves from certificates to the public key (WeChat then signs with
 * either, and `Wechatpay-Serial` says which).
 */
export const VERIFY_MODES = ['publicKey', 'platformCertificate', 'both'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

/**
 * WeChat Pay (API v3), read from the environment once (with `config.ts`). Only names of secrets
 * are here: the merchant private key, the APIv3 key and the WeChat Pay public key are SecureString
 * parameters in SSM (Secrets Manager values are reachable through SSM's
 * `/aws/reference/secretsmanager/<name>` too). Stage `local` uses the sandbox and its keys,
 * generated at start and never written down, and its notify URL is the local API's own (wired by
 * the local stack, not read from here), so none of this is needed there: the notify URL setting
 * is https in every stage.
 */
export interface WechatPayConfig {
  /** `publicKey` unless set. */
  verifyMode: VerifyMode;
  mchId?: string;
  merchantSerialNo?: string;
  merchantPrivateKeyParam?: string;
  apiV3KeyParam?: string;
  platformPublicKeyParam?: string;
  platformPublicKeyId?: string;
  /** Optional pin: the platform certificate that must sign the first certificate download. */
  platformCertificateSerial?: string;
  /** The public URL of `POST /v1/payments/wechat/notify`. */
  notifyUrl?: string;
  /** `https://api.mch.weixin.qq.com` unless set. */
  baseUrl?: string;
}

export const WECHAT_PAY_ENV = {
  mchId: 'JIUYI_WECHAT_PAY_MCH_ID',
  merchantSerialNo: 'JIUYI_WECHAT_PAY_MERCHANT_SERIAL',
  merchantPrivateKeyParam: 'JIUYI_WECHAT_PAY_PRIVATE_KEY_PARAM',
  apiV3KeyParam: 'JIUYI_WECHAT_PAY_API_V3_KEY_PARAM',
  platformPublicKeyParam: 'JIUYI_WECHAT_PAY_PUBLIC_KEY_PARAM',
  platformPublicKeyId: 'JIUYI_WECHAT_PAY_PUBLIC_KEY_ID',
  notifyUrl: 'JIUYI_WECHAT_PAY_NOTIFY_URL',
  baseUrl: 'JIUYI_WECHAT_PAY_BASE_URL',
  verifyMode: 'JIUYI_WECHAT_PAY_VERIFY_MODE',
  platformCertificateSerial: 'JIUYI_WECHAT_PAY_PLATFORM_CERT_SERIAL',
} as const;

const REQUIRED = [
  'mchId',
  'merchantSerialNo',
  'merchantPrivateKeyParam',
  'apiV3KeyParam',
  'notifyUrl',
] as const;
const PUBLIC_KEY_SETTINGS = ['platformPublicKeyParam', 'platformPublicKeyId'] as const;

/** WeChat Pay calls only https notify URLs; an http one would never be called (or be sniffable). */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

const envSchema = z.object({
  [WECHAT_PAY_ENV.mchId]: z
    .string()
    .regex(/^\d{8,12}$/)
    .optional(),
  [WECHAT_PAY_ENV.merchantSerialNo]: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/)
    .optional(),
  [WECHAT_PAY_ENV.merchantPrivateKeyParam]: z.string().min(1).optional(),
  [WECHAT_PAY_ENV.apiV3KeyParam]: z.string().min(1).optional(),
  [WECHAT_PAY_ENV.platformPublicKeyParam]: z.string().min(1).optional(),
  [WECHAT_PAY_ENV.platformPublicKeyId]: z
    .string()
    .regex(/^PUB_KEY_ID_\w+$/)
    .optional(),
  [WECHAT_PAY_ENV.notifyUrl]: httpsUrl.optional(),
  [WECHAT_PAY_ENV.baseUrl]: z.url({ protocol: /^https?$/ }).optional(),
  [WECHAT_PAY_ENV.verifyMode]: z.enum(VERIFY_MODES).default('publicKey'),
  [WECHAT_PAY_ENV.platformCertificateSerial]: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/)
    .optional(),
});

/** Throws with the offending variable named; a partial setup names every missing variable. */
export function loadWechatPayConfig(env: NodeJS.ProcessEnv): WechatPayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Jiuyi configuration: ${problems}`);
  }
  const e = parsed.data;
  const cfg: WechatPayConfig = {
    verifyMode: e[WECHAT_PAY_ENV.verifyMode],
    mchId: e[WECHAT_PAY_ENV.mchId],
    merchantSerialNo: e[WECHAT_PAY_ENV.merchantSerialNo],
    merchantPrivateKeyParam: e[WECHAT_PAY_ENV.merchantPrivateKeyParam],
    apiV3KeyParam: e[WECHAT_PAY_ENV.apiV3KeyParam],
    platformPublicKeyParam: e[WECHAT_PAY_ENV.platformPublicKeyParam],
    platformPublicKeyId: e[WECHAT_PAY_ENV.platformPublicKeyId],
    notifyUrl: e[WECHAT_PAY_ENV.notifyUrl],
    baseUrl: e[WECHAT_PAY_ENV.baseUrl],
    platformCertificateSerial: e[WECHAT_PAY_ENV.platformCertificateSerial],
  };
  const usesPublicKey = cfg.verifyMode !== 'platformCertificate';
  if (!usesPublicKey && PUBLIC_KEY_SETTINGS.some((k) => cfg[k] !== undefined)) {
    // Ambiguous: either the mode or the key is a leftover; say so rather than guess.
    throw new Error(
      `Invalid Jiuyi configuration: ${WECHAT_PAY_ENV.verifyMode}=platformCertificate takes no WeChat Pay public key ` +
        `(${PUBLIC_KEY_SETTINGS.map((k) => WECHAT_PAY_ENV[k]).join(', ')}); use "both" while moving to it`,
    );
  }
  const needed = usesPublicKey ? [...REQUIRED, ...PUBLIC_KEY_SETTINGS] : [...REQUIRED];
  const anySet = needed.some((k) => cfg[k] !== undefined);
  const missing = needed.filter((k) => cfg[k] === undefined).map((k) => WECHAT_PAY_ENV[k]);
  // Prod without payments configured at all may run (payments then answer 503); half a setup is a mistake.
  if (anySet && missing.length)
    throw new Error(`Invalid Jiuyi configuration: WeChat Pay needs ${missing.join(', ')}`);
  return cfg;
}

/** A WeChat Pay setup with what every mode needs. */
export type ConfiguredWechatPay = WechatPayConfig &
  Required<Pick<WechatPayConfig, (typeof REQUIRED)[number]>>;

/** True when every setting the configured mode needs is there (the gateway can be built). */
export function isWechatPayConfigured(cfg: WechatPayConfig): cfg is ConfiguredWechatPay {
  const needed = cfg.verifyMode === 'platformCertificate' ? REQUIRED : [...REQUIRED, ...PUBLIC_KEY_SETTINGS];
  return needed.every((k) => cfg[k] !== undefined);
}

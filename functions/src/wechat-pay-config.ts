import { z } from 'zod';

/**
 * WeChat Pay (API v3, public-key mode), read from the environment once (with `config.ts`). Only
 * names of secrets are here: the merchant private key, the APIv3 key and the WeChat Pay public key
 * are SecureString parameters in SSM (Secrets Manager values are reachable through SSM's
 * `/aws/reference/secretsmanager/<name>` too). Stage `local` uses the sandbox and its keys,
 * generated at start and never written down, so none of this is needed there.
 */
export interface WechatPayConfig {
  mchId?: string;
  merchantSerialNo?: string;
  merchantPrivateKeyParam?: string;
  apiV3KeyParam?: string;
  platformPublicKeyParam?: string;
  platformPublicKeyId?: string;
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
} as const;

const REQUIRED_IN_PROD = [
  'mchId',
  'merchantSerialNo',
  'merchantPrivateKeyParam',
  'apiV3KeyParam',
  'platformPublicKeyParam',
  'platformPublicKeyId',
  'notifyUrl',
] as const;

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
  [WECHAT_PAY_ENV.notifyUrl]: z.url({ protocol: /^https?$/ }).optional(),
  [WECHAT_PAY_ENV.baseUrl]: z.url({ protocol: /^https?$/ }).optional(),
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
    mchId: e[WECHAT_PAY_ENV.mchId],
    merchantSerialNo: e[WECHAT_PAY_ENV.merchantSerialNo],
    merchantPrivateKeyParam: e[WECHAT_PAY_ENV.merchantPrivateKeyParam],
    apiV3KeyParam: e[WECHAT_PAY_ENV.apiV3KeyParam],
    platformPublicKeyParam: e[WECHAT_PAY_ENV.platformPublicKeyParam],
    platformPublicKeyId: e[WECHAT_PAY_ENV.platformPublicKeyId],
    notifyUrl: e[WECHAT_PAY_ENV.notifyUrl],
    baseUrl: e[WECHAT_PAY_ENV.baseUrl],
  };
  const anySet = REQUIRED_IN_PROD.some((k) => cfg[k] !== undefined);
  const missing = REQUIRED_IN_PROD.filter((k) => cfg[k] === undefined).map((k) => WECHAT_PAY_ENV[k]);
  // Prod without payments configured at all may run (payments then answer 503); half a setup is a mistake.
  if (anySet && missing.length)
    throw new Error(`Invalid Jiuyi configuration: WeChat Pay needs ${missing.join(', ')}`);
  return cfg;
}

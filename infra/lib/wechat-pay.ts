import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { z } from 'zod';
import { VERIFY_MODES, WECHAT_PAY_ENV as E } from '../../functions/src/wechat-pay-config';
import { grantParameterRead } from './ssm-parameters';

/** SSM SecureStrings created by hand (docs/deploy.md); only their names reach the functions. The
 * public key is read only in modes `publicKey` and `both`. */
export const WECHAT_PAY_PARAMETERS = {
  merchantPrivateKey: '/jiuyi/prod/wechat-pay-merchant-private-key',
  apiV3Key: '/jiuyi/prod/wechat-pay-api-v3-key',
  platformPublicKey: '/jiuyi/prod/wechat-pay-public-key',
} as const;

/**
 * The `wechatPay` context: the merchant's identifiers, none of them secret. The notify URL defaults
 * to the API's own `…/v1/payments/wechat/notify`; a custom (ICP-filed) domain must be given here.
 * `verifyMode` is `publicKey` unless given; `publicKeyId` is needed unless it is
 * `platformCertificate`, and refused then. Patterns match functions/src/wechat-pay-config.ts, so a
 * typo fails synth rather than a cold start.
 */
export const wechatPaySettingsSchema = z
  .strictObject({
    mchId: z.string().regex(/^\d{8,12}$/),
    merchantSerial: z.string().regex(/^[0-9A-Fa-f]{8,64}$/),
    verifyMode: z.enum(VERIFY_MODES).optional(),
    publicKeyId: z
      .string()
      .regex(/^PUB_KEY_ID_\w+$/)
      .optional(),
    platformCertificateSerial: z
      .string()
      .regex(/^[0-9A-Fa-f]{8,64}$/)
      .optional(),
    notifyUrl: z.url({ protocol: /^https$/ }).optional(),
  })
  .refine((s) => (s.verifyMode === 'platformCertificate') === (s.publicKeyId === undefined), {
    path: ['publicKeyId'],
    message: 'needed unless verifyMode is platformCertificate, refused then',
  });
export type WechatPaySettings = z.infer<typeof wechatPaySettingsSchema>;

/** The `wechatAppId` context: the mini-program the merchant account is bound to. */
export const wechatAppIdSchema = z.string().regex(/^wx[0-9a-f]{16}$/);

/** Reads the context value (an object, or a JSON string when given with `-c`); absent means no payments. */
export function resolveWechatPaySettings(raw: unknown): WechatPaySettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const parsed = wechatPaySettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Invalid wechatPay context: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data;
}

/** Absent means the functions keep their default (the sandbox appid); a malformed one fails synth. */
export function resolveWechatAppId(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = wechatAppIdSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid wechatAppId context "${String(raw)}": expected wx + 16 hex`);
  return parsed.data;
}

export interface WechatPayProps {
  settings: WechatPaySettings;
  /** The public URL of the notify route on this stack's API, used unless the settings name one. */
  defaultNotifyUrl: string;
}

/**
 * What calling WeChat Pay needs, for the functions that call it only: the merchant identifiers and
 * where its three keys are, and read access to exactly those three parameters.
 */
export class WechatPay extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: WechatPayProps,
  ) {
    super(scope, id);
  }

  environment(): Record<string, string> {
    const { settings, defaultNotifyUrl } = this.props;
    return {
      [E.mchId]: settings.mchId,
      [E.merchantSerialNo]: settings.merchantSerial,
      ...(settings.publicKeyId ? { [E.platformPublicKeyId]: settings.publicKeyId } : {}),
      [E.notifyUrl]: settings.notifyUrl ?? defaultNotifyUrl,
      [E.merchantPrivateKeyParam]: WECHAT_PAY_PARAMETERS.merchantPrivateKey,
      [E.apiV3KeyParam]: WECHAT_PAY_PARAMETERS.apiV3Key,
      ...(settings.publicKeyId
        ? { [E.platformPublicKeyParam]: WECHAT_PAY_PARAMETERS.platformPublicKey }
        : {}),
      ...(settings.verifyMode ? { [E.verifyMode]: settings.verifyMode } : {}),
      ...(settings.platformCertificateSerial
        ? { [E.platformCertificateSerial]: settings.platformCertificateSerial }
        : {}),
    };
  }

  /** The SSM parameters this merchant's mode reads. */
  parameters(): string[] {
    const { merchantPrivateKey, apiV3Key, platformPublicKey } = WECHAT_PAY_PARAMETERS;
    return this.props.settings.publicKeyId
      ? [merchantPrivateKey, apiV3Key, platformPublicKey]
      : [merchantPrivateKey, apiV3Key];
  }

  attachTo(fn: IFunction & { addEnvironment(key: string, value: string): unknown }): void {
    for (const [key, value] of Object.entries(this.environment())) fn.addEnvironment(key, value);
    grantParameterRead(this, fn, this.parameters());
  }
}

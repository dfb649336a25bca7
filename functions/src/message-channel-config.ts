import { z } from 'zod';
import { messageKindSchema, type MessageKind } from '@jiuyi/shared';

/**
 * How the sender reaches people outside the app, read from the environment once (with `config.ts`).
 * Template ids differ per mini-program and per SMS account, so they are configuration; the field
 * mappings they are filled with are code (`adapters/wechat/subscribe-message-config.ts`,
 * `adapters/sms/sms-template-config.ts`). Credentials are never here: only where to fetch them.
 */
export interface MessageChannelConfig {
  /** Kind → WeChat subscribe-message template id; a kind without one reaches the in-app centre only. */
  wechatTemplates: Partial<Record<MessageKind, string>>;
  /** Which build of the mini-program a tapped message opens. */
  wechatMiniprogramState: 'developer' | 'trial' | 'formal';
  /** Tencent Cloud SMS; absent until every part of it is configured. */
  sms?: {
    sdkAppId: string;
    signName: string;
    secretId: string;
    /** SSM SecureString holding the SecretKey, read by the sender at cold start. */
    secretKeyParam: string;
    region: string;
    templates: Partial<Record<MessageKind, string>>;
  };
}

/** The environment variables this module reads (the CDK stack sets them on the sender only). */
export const MESSAGE_CHANNEL_ENV = {
  wechatTemplates: 'JIUYI_WECHAT_TEMPLATES',
  wechatMiniprogramState: 'JIUYI_WECHAT_MINIPROGRAM_STATE',
  smsSdkAppId: 'JIUYI_SMS_SDK_APP_ID',
  smsSignName: 'JIUYI_SMS_SIGN_NAME',
  smsSecretId: 'JIUYI_SMS_SECRET_ID',
  smsSecretKeyParam: 'JIUYI_SMS_SECRET_KEY_PARAM',
  smsRegion: 'JIUYI_SMS_REGION',
  smsTemplates: 'JIUYI_SMS_TEMPLATES',
} as const;

/** `{"booking_confirmed":"<template id>", …}`: unknown kinds are refused, so a typo fails at start. */
const templateIdsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of message kind → template id' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(messageKindSchema, z.string().min(1).max(64)));

const E = MESSAGE_CHANNEL_ENV;
const channelEnvSchema = z.object({
  [E.wechatTemplates]: templateIdsSchema.default({}),
  [E.wechatMiniprogramState]: z.enum(['developer', 'trial', 'formal']).default('formal'),
  [E.smsSdkAppId]: z.string().regex(/^\d+$/, 'must be the numeric SdkAppId').optional(),
  [E.smsSignName]: z.string().min(1).max(32).optional(),
  [E.smsSecretId]: z.string().min(1).optional(),
  [E.smsSecretKeyParam]: z.string().startsWith('/').optional(),
  [E.smsRegion]: z.string().min(1).default('ap-guangzhou'),
  [E.smsTemplates]: templateIdsSchema.default({}),
});

/** Reads the channel settings; throws naming the variable on anything malformed or half-set. */
export function loadMessageChannelConfig(env: NodeJS.ProcessEnv): MessageChannelConfig {
  const parsed = channelEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Jiuyi configuration: ${problems}`);
  }
  const e = parsed.data;
  const smsParts = {
    [E.smsSdkAppId]: e[E.smsSdkAppId],
    [E.smsSignName]: e[E.smsSignName],
    [E.smsSecretId]: e[E.smsSecretId],
    [E.smsSecretKeyParam]: e[E.smsSecretKeyParam],
  };
  const missing = Object.entries(smsParts).filter(([, v]) => !v);
  if (missing.length > 0 && missing.length < Object.keys(smsParts).length) {
    // Half an SMS setup would silently drop every text; refuse it instead.
    throw new Error(`Invalid Jiuyi configuration: SMS needs ${missing.map(([k]) => k).join(', ')}`);
  }
  const { [E.smsSdkAppId]: sdkAppId, [E.smsSignName]: signName } = e;
  const { [E.smsSecretId]: secretId, [E.smsSecretKeyParam]: secretKeyParam } = e;
  return {
    wechatTemplates: e[E.wechatTemplates],
    wechatMiniprogramState: e[E.wechatMiniprogramState],
    ...(sdkAppId && signName && secretId && secretKeyParam
      ? {
          sms: {
            sdkAppId,
            signName,
            secretId,
            secretKeyParam,
            region: e[E.smsRegion],
            templates: e[E.smsTemplates],
          },
        }
      : {}),
  };
}

import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { z } from 'zod';
import { messageKindSchema } from '@jiuyi/shared';
import { MESSAGE_CHANNEL_ENV as E } from '../../functions/src/message-channel-config';
import { grantParameterRead } from './ssm-parameters';

/** The SSM SecureString with the Tencent Cloud SMS SecretKey; created by hand (docs/deploy.md). */
export const SMS_SECRET_KEY_PARAMETER = '/jiuyi/prod/tencent-sms-secret-key';

const templateIds = z.partialRecord(messageKindSchema, z.string().min(1).max(64));

/**
 * The `messageChannels` CDK context (cdk.json or `-c messageChannels='{…}'`): template ids are not
 * secret, only account-specific. The SMS SecretKey is never in context: it stays in SSM.
 */
export const channelSettingsSchema = z.strictObject({
  wechatTemplates: templateIds.default({}),
  wechatMiniprogramState: z.enum(['developer', 'trial', 'formal']).default('formal'),
  sms: z
    .strictObject({
      sdkAppId: z.string().regex(/^\d+$/),
      signName: z.string().min(1).max(32),
      secretId: z.string().min(1),
      region: z.string().min(1).default('ap-guangzhou'),
      templates: templateIds.default({}),
    })
    .optional(),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

/** Reads the context value (an object, or a JSON string when given with `-c`); absent means none. */
export function resolveChannelSettings(raw: unknown): ChannelSettings {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : (raw ?? {});
  const parsed = channelSettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Invalid messageChannels context: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data;
}

/**
 * What reaching people outside the app needs: template ids for every function, and for the sender
 * alone the SMS settings and read access to exactly the one SSM parameter holding the SMS SecretKey.
 */
export class MessageChannels extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly settings: ChannelSettings,
  ) {
    super(scope, id);
  }

  /**
   * For every function: the template ids are public (the mini-program passes them to
   * `requestSubscribeMessage`, and `GET /v1/message-subscriptions` hands them out).
   */
  environment(): Record<string, string> {
    const { wechatTemplates, wechatMiniprogramState } = this.settings;
    return {
      [E.wechatTemplates]: JSON.stringify(wechatTemplates),
      [E.wechatMiniprogramState]: wechatMiniprogramState,
    };
  }

  /** For the sender only: the SMS account and where its SecretKey is. */
  senderEnvironment(): Record<string, string> {
    const { sms } = this.settings;
    return {
      ...(sms
        ? {
            [E.smsSdkAppId]: sms.sdkAppId,
            [E.smsSignName]: sms.signName,
            [E.smsSecretId]: sms.secretId,
            [E.smsSecretKeyParam]: SMS_SECRET_KEY_PARAMETER,
            [E.smsRegion]: sms.region,
            [E.smsTemplates]: JSON.stringify(sms.templates),
          }
        : {}),
    };
  }

  /** Only when SMS is configured: a function with no SMS setup gets no SSM grant for it. */
  grantTo(fn: IGrantable): void {
    if (!this.settings.sms) return;
    grantParameterRead(this, fn, [SMS_SECRET_KEY_PARAMETER]);
  }
}

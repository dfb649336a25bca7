import { subscribableKindSchema, type MessageKind } from '@jiuyi/shared';
import type { AppConfig } from './config';
import type { Deps } from './composition';
import { ssmSecret } from './adapters/aws/ssm-secret';
import { createContactStore } from './adapters/dynamodb/contact-store';
import { createSentMessageLog } from './adapters/dynamodb/sent-message-log';
import { createSubscriptionStore } from './adapters/dynamodb/subscription-store';
import { createLocalMessageChannels, localTemplateIds } from './adapters/local/local-message-channel';
import { createTencentSmsChannel } from './adapters/sms/tencent-sms';
import { SMS_KINDS, smsTemplates } from './adapters/sms/sms-template-config';
import { createAccessTokenSource, createWechatSubscribeChannel } from './adapters/wechat/subscribe-message';
import { subscribeTemplates } from './adapters/wechat/subscribe-message-config';
import type { MessageChannel } from './ports/message-channel';
import { withSubscriptionConsent } from './use-cases/messages/message-subscriptions';

/**
 * WeChat template ids in effect: the configured ones, and in `local` a stand-in id for every other
 * subscribable kind, so the demo records (and asks consent for) every kind.
 */
export function wechatTemplateIds(cfg: AppConfig): Partial<Record<MessageKind, string>> {
  const configured = cfg.messageChannels.wechatTemplates;
  return cfg.stage === 'local' ? localTemplateIds(subscribableKindSchema.options, configured) : configured;
}

/** Stands in for SMS when it is not configured: the in-app copy is all there is, not an error to retry. */
const SMS_NOT_CONFIGURED: MessageChannel = {
  name: 'sms',
  send: async () => ({ kind: 'skipped', reason: 'no_template' }),
};

function buildChannels(deps: Deps): MessageChannel[] {
  const cfg = deps.config;
  const channels = cfg.messageChannels;
  const directory = createContactStore(deps.table, deps.cipher);
  const subscriptions = createSubscriptionStore(deps.table);
  const wechatTemplates = subscribeTemplates(wechatTemplateIds(cfg));
  if (cfg.stage !== 'prod' || !cfg.wechatSecretParam) {
    return createLocalMessageChannels({
      log: createSentMessageLog(deps.table),
      directory,
      wechatTemplates,
      smsTemplates: smsTemplates(localTemplateIds(SMS_KINDS, channels.sms?.templates ?? {})),
      clock: deps.now,
    }).map((channel) => withSubscriptionConsent(channel, subscriptions));
  }
  const wechat = createWechatSubscribeChannel({
    tokens: createAccessTokenSource({
      appId: cfg.wechatAppId,
      appSecret: ssmSecret(cfg.region, cfg.wechatSecretParam),
    }),
    directory,
    templates: wechatTemplates,
    miniprogramState: channels.wechatMiniprogramState,
  });
  const sms = channels.sms
    ? createTencentSmsChannel({
        secretId: channels.sms.secretId,
        secretKey: ssmSecret(cfg.region, channels.sms.secretKeyParam),
        smsSdkAppId: channels.sms.sdkAppId,
        signName: channels.sms.signName,
        templates: smsTemplates(channels.sms.templates),
        directory,
        region: channels.sms.region,
      })
    : SMS_NOT_CONFIGURED;
  return [withSubscriptionConsent(wechat, subscriptions), sms];
}

const built = new WeakMap<Deps, MessageChannel[]>();

/**
 * The external channels of this stage, built once per set of dependencies: a warm Lambda keeps its
 * WeChat access token across invocations, and each test's own table gets its own recorder.
 */
export function messageChannels(deps: Deps): MessageChannel[] {
  let channels = built.get(deps);
  if (!channels) {
    channels = buildChannels(deps);
    built.set(deps, channels);
  }
  return channels;
}

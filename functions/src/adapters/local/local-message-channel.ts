import {
  maskMiddle,
  maskPhone,
  toShanghaiIso,
  type ExternalChannelName,
  type MessageKind,
  type OutboxMessage,
  type SentMessage,
} from '@jiuyi/shared';
import type { ChannelOutcome, MessageChannel, RecipientDirectory } from '../../ports/message-channel';
import type { SentMessageLog } from '../../ports/sent-message-log';
import { templateData, type SubscribeTemplateConfig } from '../wechat/subscribe-message-config';
import type { SmsTemplate } from '../sms/tencent-sms';

export interface LocalRecorderOptions {
  log: SentMessageLog;
  directory: RecipientDirectory;
  wechatTemplates: SubscribeTemplateConfig;
  smsTemplates: Partial<Record<MessageKind, SmsTemplate>>;
  clock?: () => Date;
}

/** A stand-in template id per kind for the demo, unless a real one is configured. */
export function localTemplateIds(
  kinds: readonly MessageKind[],
  configured: Partial<Record<MessageKind, string>>,
): Partial<Record<MessageKind, string>> {
  return Object.fromEntries(kinds.map((kind) => [kind, configured[kind] ?? `local-${kind}`]));
}

/**
 * The `local` stage's stand-in for WeChat and SMS. It makes every decision the real adapters make
 * (template for the kind, every field filled, an address to send to) and then, instead of calling
 * the provider, records exactly what it would have sent, so the demo shows real template values.
 */
export function createLocalMessageChannels(options: LocalRecorderOptions): MessageChannel[] {
  const clock = options.clock ?? (() => new Date());
  const record = async (
    channel: ExternalChannelName,
    message: OutboxMessage,
    entry: Pick<SentMessage, 'recipient' | 'templateId' | 'fields'> & { page?: string },
  ): Promise<ChannelOutcome> => {
    await options.log.record({
      id: `${message.id}:${channel}`,
      messageId: message.id,
      channel,
      kind: message.kind,
      recipientAccountId: message.recipientAccountId,
      title: message.title,
      sentAt: toShanghaiIso(clock()),
      ...entry,
    });
    return { kind: 'sent', providerMessageId: `local-${message.id}` };
  };

  const wechat: MessageChannel = {
    name: 'wechat_subscribe',
    async send(message) {
      const template = options.wechatTemplates[message.kind];
      if (!template) return { kind: 'skipped', reason: 'no_template' };
      const data = templateData(template, message);
      if (!data)
        return { kind: 'failed', reason: `message lacks a field of template ${template.templateId}` };
      const openid = await options.directory.openidOf(message.recipientAccountId);
      if (!openid) return { kind: 'skipped', reason: 'no_address' };
      return record('wechat_subscribe', message, {
        recipient: maskMiddle(openid, 4, 2),
        templateId: template.templateId,
        fields: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.value])),
        page: message.link.replace(/^\//, ''),
      });
    },
  };

  const sms: MessageChannel = {
    name: 'sms',
    async send(message) {
      const template = options.smsTemplates[message.kind];
      if (!template) return { kind: 'skipped', reason: 'no_template' };
      const phone = await options.directory.phoneOf(message.recipientAccountId);
      if (!phone) return { kind: 'skipped', reason: 'no_address' };
      const params = template.params.map((p) =>
        p === 'title' ? message.title : (message.data?.[p.slice('data.'.length)] ?? ''),
      );
      return record('sms', message, {
        recipient: maskPhone(phone),
        templateId: template.templateId,
        fields: Object.fromEntries(params.map((value, i) => [String(i + 1), value])),
      });
    },
  };
  return [wechat, sms];
}

import type { MessageKind, OutboxMessage } from '@jiuyi/shared';
import type { ChannelOutcome, MessageChannel, RecipientDirectory } from '../../ports/message-channel';
import { tc3Authorization } from './tc3-signing';

/** An SMS template approved in the Tencent Cloud console and the message facts filling its {1}, {2}, … */
export interface SmsTemplate {
  templateId: string;
  params: readonly ('title' | `data.${string}`)[];
}

export interface TencentSmsOptions {
  secretId: string;
  secretKey: () => Promise<string>;
  smsSdkAppId: string;
  /** The approved signature (签名), e.g. 某某医院. */
  signName: string;
  templates: Partial<Record<MessageKind, SmsTemplate>>;
  directory: RecipientDirectory;
  region?: string;
  /** Defaults to https://sms.tencentcloudapi.com; tests point it at a local fake. */
  endpoint?: string;
  fetchImpl?: typeof fetch;
  /** Seconds since the epoch, for the signature. */
  clock?: () => number;
}

interface SendSmsAnswer {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[];
  };
}

/** Mainland numbers go out in E.164. */
function e164(phone: string): string {
  return phone.startsWith('+') ? phone : `+86${phone}`;
}

/**
 * Tencent Cloud SMS (`SendSms`, API 2021-01-11) for experts and staff. Signed with TC3-HMAC-SHA256
 * over the exact body sent. Provider refusals are `failed` (retried by the sender); a timeout is
 * `unknown`, since the text may already be on the phone.
 */
export function createTencentSmsChannel(options: TencentSmsOptions): MessageChannel {
  const endpoint = new URL(options.endpoint ?? 'https://sms.tencentcloudapi.com');
  const fetchImpl = options.fetchImpl ?? fetch;
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));

  return {
    name: 'sms',
    async send(message: OutboxMessage): Promise<ChannelOutcome> {
      const template = options.templates[message.kind];
      if (!template) return { kind: 'skipped', reason: 'no_template' };
      const phone = await options.directory.phoneOf(message.recipientAccountId);
      if (!phone) return { kind: 'skipped', reason: 'no_address' };
      const params = template.params.map((p) =>
        p === 'title' ? message.title : (message.data?.[p.slice(5)] ?? ''),
      );
      const payload = JSON.stringify({
        PhoneNumberSet: [e164(phone)],
        SmsSdkAppId: options.smsSdkAppId,
        SignName: options.signName,
        TemplateId: template.templateId,
        TemplateParamSet: params,
        SessionContext: message.id,
      });
      const timestamp = clock();
      const { authorization, contentType } = tc3Authorization({
        secretId: options.secretId,
        secretKey: await options.secretKey(),
        service: 'sms',
        host: endpoint.host,
        action: 'SendSms',
        payload,
        timestamp,
      });
      let answer: SendSmsAnswer;
      try {
        const res = await fetchImpl(endpoint, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': contentType,
            'x-tc-action': 'SendSms',
            'x-tc-version': '2021-01-11',
            'x-tc-timestamp': String(timestamp),
            'x-tc-region': options.region ?? 'ap-guangzhou',
          },
          body: payload,
          signal: AbortSignal.timeout(5000),
        });
        answer = (await res.json()) as SendSmsAnswer;
      } catch (error) {
        if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
          return { kind: 'unknown', reason: 'timeout' };
        }
        throw error;
      }
      const error = answer.Response?.Error;
      if (error) return { kind: 'failed', reason: `${error.Code ?? 'Error'}: ${error.Message ?? ''}` };
      const status = answer.Response?.SendStatusSet?.[0];
      if (status?.Code === 'Ok')
        return { kind: 'sent', ...(status.SerialNo ? { providerMessageId: status.SerialNo } : {}) };
      return { kind: 'failed', reason: status?.Code ?? 'no send status' };
    },
  };
}

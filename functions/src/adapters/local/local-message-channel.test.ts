import type { OutboxMessage, SentMessage } from '@jiuyi/shared';
import type { RecipientDirectory } from '../../ports/message-channel';
import type { SentMessageLog } from '../../ports/sent-message-log';
import { smsTemplates } from '../sms/sms-template-config';
import { subscribeTemplates } from '../wechat/subscribe-message-config';
import { createLocalMessageChannels, localTemplateIds } from './local-message-channel';

function memoryLog(): SentMessageLog & { entries: SentMessage[] } {
  const entries: SentMessage[] = [];
  return {
    entries,
    record: async (entry) => {
      entries.push(entry);
    },
    list: async (limit) => [...entries].reverse().slice(0, limit),
  };
}

const directory: RecipientDirectory = {
  openidOf: async (id) => (id === 'acc-1' ? 'oABCDEFGHIJKLMNOPQRSTUVWX' : undefined),
  phoneOf: async (id) => (id === 'acc-1' ? '13812345678' : undefined),
};

function makeMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: '00000000-0000-8000-8000-000000000003',
    recipientAccountId: 'acc-1',
    kind: 'visit_reminder_evening',
    title: '明日就诊提醒',
    body: '请携带身份证件按时到诊',
    link: '/pages/appointment-detail/index?id=a1',
    channels: ['wechat_subscribe', 'sms', 'in_app'],
    data: { patientName: '张三', department: '骨科门诊', visitTime: '2026-03-10 08:00' },
    createdAt: '2026-03-09T20:00:00.000+08:00',
    ...overrides,
  };
}

function channels(log: SentMessageLog) {
  return createLocalMessageChannels({
    log,
    directory,
    wechatTemplates: subscribeTemplates(localTemplateIds(['visit_reminder_evening'], {})),
    smsTemplates: smsTemplates(
      localTemplateIds(['consultation_unapproved_chase'], { consultation_unapproved_chase: '100001' }),
    ),
    clock: () => new Date('2026-03-09T12:00:00Z'),
  });
}

describe('local message recorder', () => {
  it('records the WeChat template values it would have sent, with the openid masked', async () => {
    // Prepare
    const log = memoryLog();
    const [wechat] = channels(log);
    // Act
    const outcome = await wechat?.send(makeMessage());
    // Assess
    expect(outcome).toEqual({
      kind: 'sent',
      providerMessageId: 'local-00000000-0000-8000-8000-000000000003',
    });
    expect(log.entries).toEqual([
      {
        id: '00000000-0000-8000-8000-000000000003:wechat_subscribe',
        messageId: '00000000-0000-8000-8000-000000000003',
        channel: 'wechat_subscribe',
        kind: 'visit_reminder_evening',
        recipientAccountId: 'acc-1',
        recipient: 'oABC*******************WX',
        templateId: 'local-visit_reminder_evening',
        fields: {
          thing1: '张三',
          thing2: '骨科门诊',
          time3: '2026-03-10 08:00',
          thing4: '请携带身份证件按时到诊',
        },
        page: 'pages/appointment-detail/index?id=a1',
        title: '明日就诊提醒',
        sentAt: '2026-03-09T20:00:00.000+08:00',
      },
    ]);
  });

  it('records SMS parameters in order with the phone masked, using a configured template id', async () => {
    const log = memoryLog();
    const [, sms] = channels(log);
    await sms?.send(
      makeMessage({
        kind: 'consultation_unapproved_chase',
        data: { requester: '东区社区医院', consultationTime: '2026-03-10 14:00' },
      }),
    );
    expect(log.entries.map((e) => [e.channel, e.recipient, e.templateId, e.fields])).toEqual([
      ['sms', '138****5678', '100001', { '1': '东区社区医院', '2': '2026-03-10 14:00' }],
    ]);
  });

  it('skips like the real adapters: no template, no address; refuses a message missing a field', async () => {
    const log = memoryLog();
    const [wechat, sms] = channels(log);
    expect(await wechat?.send(makeMessage({ kind: 'general' }))).toEqual({
      kind: 'skipped',
      reason: 'no_template',
    });
    expect(await sms?.send(makeMessage())).toEqual({ kind: 'skipped', reason: 'no_template' });
    expect(await wechat?.send(makeMessage({ recipientAccountId: 'acc-2' }))).toEqual({
      kind: 'skipped',
      reason: 'no_address',
    });
    expect((await wechat?.send(makeMessage({ data: { patientName: '张三' } })))?.kind).toBe('failed');
    expect(log.entries).toEqual([]);
  });
});

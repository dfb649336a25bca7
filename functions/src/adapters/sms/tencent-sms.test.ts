import type { OutboxMessage } from '@jiuyi/shared';
import type { RecipientDirectory } from '../../ports/message-channel';
import { createTencentSmsChannel, type TencentSmsOptions } from './tencent-sms';
import { startTencentSmsFake, type TencentSmsFake } from './tencent-sms-fake';

const NOW = 1_773_100_800; // 2026-03-10T00:00:00Z, 08:00 in Shanghai
const directory: RecipientDirectory = {
  openidOf: async () => undefined,
  phoneOf: async (id) => (id === 'expert-1' ? '13800138000' : undefined),
};

function makeMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: '00000000-0000-8000-8000-000000000002',
    recipientAccountId: 'expert-1',
    kind: 'consultation_requested',
    title: '新的会诊申请',
    body: '东昌府区人民医院 李医生 申请 3 月 10 日 14:00 会诊，请及时处理',
    link: '/subpackages/expert/consultations/detail?id=c1',
    channels: ['sms', 'in_app'],
    data: { requester: '李医生', time: '3月10日 14:00' },
    createdAt: '2026-03-10T08:00:00.000+08:00',
    ...overrides,
  };
}

let fake: TencentSmsFake;
beforeEach(async () => {
  fake = await startTencentSmsFake({ secretId: 'AKIDtest', secretKey: 'test-secret-key', clock: () => NOW });
});
afterEach(async () => fake.stop());

function channel(overrides: Partial<TencentSmsOptions> = {}) {
  return createTencentSmsChannel({
    secretId: 'AKIDtest',
    secretKey: async () => 'test-secret-key',
    smsSdkAppId: '1400000000',
    signName: '聊城市人民医院',
    templates: { consultation_requested: { templateId: '2000001', params: ['data.requester', 'data.time'] } },
    directory,
    endpoint: fake.endpoint,
    clock: () => NOW,
    ...overrides,
  });
}

describe('Tencent Cloud SMS channel against a signature-checking fake', () => {
  it('sends SendSms with a valid TC3 signature and the template parameters', async () => {
    // Act
    const outcome = await channel().send(makeMessage());
    // Assess
    expect(fake.refused).toEqual([]);
    expect(outcome).toEqual({ kind: 'sent', providerMessageId: 'serial-1-0' });
    expect(fake.accepted).toEqual([
      {
        action: 'SendSms',
        body: {
          PhoneNumberSet: ['+8613800138000'],
          SmsSdkAppId: '1400000000',
          SignName: '聊城市人民医院',
          TemplateId: '2000001',
          TemplateParamSet: ['李医生', '3月10日 14:00'],
          SessionContext: '00000000-0000-8000-8000-000000000002',
        },
      },
    ]);
  });

  it('is refused with a wrong secret key, and reports it as a failure', async () => {
    const outcome = await channel({ secretKey: async () => 'wrong' }).send(makeMessage());
    expect(outcome).toEqual({
      kind: 'failed',
      reason: 'AuthFailure.SignatureFailure: AuthFailure.SignatureFailure',
    });
    expect(fake.accepted).toHaveLength(0);
  });

  it('is refused when the signing time is more than five minutes off', async () => {
    const outcome = await channel({ clock: () => NOW - 301 }).send(makeMessage());
    expect(outcome.kind).toBe('failed');
    expect(fake.refused).toEqual(['AuthFailure.SignatureExpire']);
  });

  it('reports a provider outage as a failure to retry', async () => {
    fake.failNext(1);
    expect(await channel().send(makeMessage())).toEqual({
      kind: 'failed',
      reason: 'InternalError: fake outage',
    });
  });

  it('skips staff without a phone and kinds without a template, without calling the provider', async () => {
    expect(await channel().send(makeMessage({ recipientAccountId: 'nobody' }))).toEqual({
      kind: 'skipped',
      reason: 'no_address',
    });
    expect(await channel().send(makeMessage({ kind: 'general' }))).toEqual({
      kind: 'skipped',
      reason: 'no_template',
    });
    expect(fake.accepted.length + fake.refused.length).toBe(0);
  });
});

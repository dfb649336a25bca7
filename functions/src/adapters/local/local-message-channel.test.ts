import type { OutboxMessage } from '@jiuyi/shared';
import { createLocalMessageRecorder } from './local-message-channel';

const message: OutboxMessage = {
  id: '00000000-0000-8000-8000-000000000003',
  recipientAccountId: 'acc-1',
  kind: 'payment_succeeded',
  title: '支付成功',
  body: '挂号费 50.00 元已支付',
  link: '/pages/appointments/detail?id=a1',
  channels: ['wechat_subscribe', 'sms', 'in_app'],
  createdAt: '2026-03-01T10:00:00.000+08:00',
};

describe('local message recorder', () => {
  it('records every message per channel for the demo', async () => {
    // Prepare
    const recorder = createLocalMessageRecorder(() => new Date('2026-03-01T02:00:00Z'));
    // Act
    for (const channel of recorder.channels) await channel.send(message);
    // Assess
    expect(recorder.list().map((r) => [r.channel, r.message.title, r.sentAt])).toEqual([
      ['wechat_subscribe', '支付成功', '2026-03-01T02:00:00.000Z'],
      ['sms', '支付成功', '2026-03-01T02:00:00.000Z'],
    ]);
    recorder.clear();
    expect(recorder.list()).toEqual([]);
  });
});

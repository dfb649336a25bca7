import type { OutboxMessage, SubscribableKind } from '@jiuyi/shared';
import type { MessageChannel } from '../../ports/message-channel';
import type { SubscriptionStore } from '../../ports/subscription-store';
import { acceptSubscriptions, listSubscriptions, withSubscriptionConsent } from './message-subscriptions';

/** Counts per kind and the messages that used one, like the DynamoDB store. */
function memoryStore(): SubscriptionStore {
  const counts = new Map<SubscribableKind, number>();
  const used = new Set<string>();
  const snapshot = () => Object.fromEntries(counts);
  return {
    accept: async (_, kinds) => {
      for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
      return snapshot();
    },
    remaining: async () => snapshot(),
    consume: async (_, kind, messageId) => {
      if (used.has(messageId)) return true;
      if ((counts.get(kind) ?? 0) <= 0) return false;
      counts.set(kind, (counts.get(kind) ?? 0) - 1);
      used.add(messageId);
      return true;
    },
  };
}

function recordingChannel(name: MessageChannel['name'] = 'wechat_subscribe') {
  const sent: string[] = [];
  const channel: MessageChannel = {
    name,
    send: async (m) => {
      sent.push(m.id);
      return { kind: 'sent' };
    },
  };
  return { channel, sent };
}

const message = (id: string, kind: OutboxMessage['kind'] = 'visit_reminder_evening'): OutboxMessage => ({
  id,
  recipientAccountId: 'acc-1',
  kind,
  title: '提醒',
  body: '正文',
  link: '/pages/index/index',
  channels: ['wechat_subscribe', 'in_app'],
  createdAt: '2026-03-01T10:00:00.000+08:00',
});

describe('withSubscriptionConsent', () => {
  it('skips as not subscribed without an allowance, and uses one allowance per message', async () => {
    // Prepare
    const store = memoryStore();
    const { channel, sent } = recordingChannel();
    const gated = withSubscriptionConsent(channel, store);
    // Act
    const refused = await gated.send(message('m-1'));
    await store.accept('acc-1', ['visit_reminder_evening']);
    const first = await gated.send(message('m-2'));
    const retried = await gated.send(message('m-2'));
    const next = await gated.send(message('m-3'));
    // Assess
    expect(refused).toEqual({ kind: 'skipped', reason: 'not_subscribed' });
    expect([first, retried]).toEqual([{ kind: 'sent' }, { kind: 'sent' }]);
    expect(next).toEqual({ kind: 'skipped', reason: 'not_subscribed' });
    expect(sent).toEqual(['m-2', 'm-2']);
  });

  it('leaves SMS and kinds nobody can subscribe to alone', async () => {
    const store = memoryStore();
    const sms = recordingChannel('sms');
    const wechat = recordingChannel();
    expect(withSubscriptionConsent(sms.channel, store)).toBe(sms.channel);
    await withSubscriptionConsent(wechat.channel, store).send(message('m-4', 'general'));
    expect(wechat.sent).toEqual(['m-4']);
  });
});

describe('acceptSubscriptions and listSubscriptions', () => {
  it('count only kinds with a configured template and list them with their template ids', async () => {
    // Prepare
    const ports = { subscriptions: memoryStore(), templates: { visit_reminder_soon: 'tmpl-soon' } };
    // Act
    const before = await listSubscriptions(ports, 'acc-1');
    const after = await acceptSubscriptions(ports, 'acc-1', ['visit_reminder_soon', 'payment_succeeded']);
    // Assess
    expect(before.items).toEqual([{ kind: 'visit_reminder_soon', templateId: 'tmpl-soon', remaining: 0 }]);
    expect(after.items).toEqual([{ kind: 'visit_reminder_soon', templateId: 'tmpl-soon', remaining: 1 }]);
    expect(await ports.subscriptions.remaining('acc-1')).toEqual({ visit_reminder_soon: 1 });
  });
});

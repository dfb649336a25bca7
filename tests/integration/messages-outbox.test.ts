import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { toShanghaiIso, type OutboxMessage } from '@jiuyi/shared';
import type { Deps } from '../../functions/src/composition';
import { createMessageStore } from '../../functions/src/adapters/dynamodb/message-store';
import { createOutboxStore, messageWriteItems } from '../../functions/src/adapters/dynamodb/outbox-store';
import type { ChannelOutcome, MessageChannel } from '../../functions/src/ports/message-channel';
import type { OutboxStore } from '../../functions/src/ports/outbox';
import { composeMessage } from '../../functions/src/use-cases/messages/compose-message';
import { deliverPendingMessages } from '../../functions/src/use-cases/messages/deliver-pending-messages';
import { createTestDeps } from '../support/test-stack';

const T0 = new Date('2026-03-09T20:00:00+08:00');
const later = (ms: number) => new Date(T0.getTime() + ms);

let deps: Deps;
beforeAll(async () => {
  deps = await createTestDeps();
});

let seq = 0;
function makeMessage(overrides: Partial<Parameters<typeof composeMessage>[0]> = {}): OutboxMessage {
  seq += 1;
  return composeMessage(
    {
      kind: 'visit_reminder_evening',
      entityId: `appointment-${seq}`,
      step: 'evening-before',
      recipientAccountId: `account-${seq}`,
      title: '明日就诊提醒',
      body: '您明天上午 08:00 在骨科门诊就诊，请携带身份证件提前 15 分钟到达',
      link: `/pages/appointments/detail?id=appointment-${seq}`,
      channels: ['wechat_subscribe'],
      ...overrides,
    },
    T0,
  );
}

/** A channel that counts calls per message and answers with `answer`. */
function countingChannel(answer: () => ChannelOutcome, delayMs = 0) {
  const calls = new Map<string, number>();
  const channel: MessageChannel = {
    name: 'wechat_subscribe',
    async send(message) {
      calls.set(message.id, (calls.get(message.id) ?? 0) + 1);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return answer();
    },
  };
  return { channel, calls };
}

describe('the outbox on DynamoDB Local', () => {
  it('a change whose transaction fails leaves no message, no in-app copy and no unread count', async () => {
    // Prepare
    const message = makeMessage();
    const change = {
      ConditionCheck: {
        TableName: deps.table.name,
        Key: { pk: 'APPOINTMENT#missing', sk: 'APPOINTMENT' },
        ConditionExpression: 'attribute_exists(pk)',
      },
    };
    // Act
    const attempt = deps.table.doc.send(
      new TransactWriteCommand({ TransactItems: [change, ...messageWriteItems(deps.table, [message])] }),
    );
    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(await createOutboxStore(deps.table).get(message.id)).toBeUndefined();
    const page = await createMessageStore(deps.table).list(message.recipientAccountId, { limit: 10 });
    expect(page).toEqual({ items: [], unreadCount: 0 });
  });

  it('the same event reported twice queues one message', async () => {
    // Prepare
    const store = createMessageStore(deps.table);
    const message = makeMessage();
    // Act
    const first = await store.enqueue(message);
    const second = await store.enqueue({ ...message, body: '另一条正文' });
    // Assess
    expect([first, second]).toEqual(['enqueued', 'duplicate']);
    const page = await store.list(message.recipientAccountId, { limit: 10 });
    expect(page.items.map((m) => m.body)).toEqual([message.body]);
    expect(page.unreadCount).toBe(1);
  });

  it('two concurrent senders deliver each message exactly once', async () => {
    // Prepare
    const own = await createTestDeps();
    const store = createMessageStore(own.table);
    const messages = Array.from({ length: 12 }, () => makeMessage());
    for (const m of messages) await store.enqueue(m);
    const { channel, calls } = countingChannel(() => ({ kind: 'sent' }), 20);
    const ports = { outbox: createOutboxStore(own.table), channels: [channel] };
    // Act
    const [a, b] = await Promise.all([
      deliverPendingMessages(ports, later(1000), { senderId: 'sender-a' }),
      deliverPendingMessages(ports, later(1000), { senderId: 'sender-b' }),
    ]);
    // Assess
    expect(a.sent + b.sent).toBe(12);
    expect(a.claimed + b.claimed).toBe(12);
    expect(messages.map((m) => calls.get(m.id))).toEqual(messages.map(() => 1));
    const statuses = await Promise.all(messages.map(async (m) => (await ports.outbox.get(m.id))?.status));
    expect(new Set(statuses)).toEqual(new Set(['sent']));
  });

  it('a sender crash after sending but before marking resends nothing', async () => {
    // Prepare
    const own = await createTestDeps();
    const message = makeMessage();
    await createMessageStore(own.table).enqueue(message);
    const { channel, calls } = countingChannel(() => ({ kind: 'sent' }));
    const outbox = createOutboxStore(own.table);
    // The process "dies" right after the provider accepted: the outcome is never written.
    const crashing: OutboxStore = {
      ...outbox,
      setDelivery: async (id, owner, ch, delivery) => {
        if (delivery.state !== 'attempting') throw new Error('process killed');
        return outbox.setDelivery(id, owner, ch, delivery);
      },
    };
    // Act
    const crashed = await deliverPendingMessages({ outbox: crashing, channels: [channel] }, later(0));
    const whileLeased = await deliverPendingMessages({ outbox, channels: [channel] }, later(59_000));
    const recovered = await deliverPendingMessages({ outbox, channels: [channel] }, later(60_000));
    // Assess
    expect(crashed.errors).toBe(1);
    expect(whileLeased.claimed).toBe(0);
    expect(recovered).toMatchObject({ claimed: 1, unconfirmed: 1 });
    expect(calls.get(message.id)).toBe(1);
    const record = await outbox.get(message.id);
    expect(record?.status).toBe('delivered_unconfirmed');
    expect(record?.deliveries.wechat_subscribe?.state).toBe('unconfirmed');
    expect((await outbox.due(toShanghaiIso(later(3_600_000)), 10)).length).toBe(0);
  });

  it('a failing channel is retried with backoff, then dead-lettered; the in-app message stays', async () => {
    // Prepare
    const own = await createTestDeps();
    const message = makeMessage();
    const store = createMessageStore(own.table);
    await store.enqueue(message);
    const { channel, calls } = countingChannel(() => ({ kind: 'failed', reason: 'errcode 45009' }));
    const ports = { outbox: createOutboxStore(own.table), channels: [channel] };
    // Act: run at each retry time, plus once just before the first retry is due
    const rounds = [await deliverPendingMessages(ports, later(0))];
    const early = await deliverPendingMessages(ports, later(29_999));
    for (let i = 0; i < 4; i += 1) {
      const record = await ports.outbox.get(message.id);
      rounds.push(await deliverPendingMessages(ports, new Date(record?.nextAttemptAt ?? '')));
    }
    // Assess
    expect(early.claimed).toBe(0);
    expect(rounds.map((r) => (r.dead ? 'dead' : r.retried ? 'retried' : 'other'))).toEqual([
      'retried',
      'retried',
      'retried',
      'retried',
      'dead',
    ]);
    expect(calls.get(message.id)).toBe(5);
    const record = await ports.outbox.get(message.id);
    expect(record).toMatchObject({
      status: 'dead',
      attempts: 5,
      lastError: 'wechat_subscribe: errcode 45009',
    });
    expect((await deliverPendingMessages(ports, later(86_400_000))).claimed).toBe(0);
    const page = await store.list(message.recipientAccountId, { limit: 10 });
    expect(page.items.map((m) => m.id)).toEqual([message.id]);
    expect(page.unreadCount).toBe(1);
  });

  it('backs off 30 s, 1 min, 2 min, 4 min between tries', async () => {
    // Prepare
    const own = await createTestDeps();
    const message = makeMessage();
    await createMessageStore(own.table).enqueue(message);
    const { channel } = countingChannel(() => ({ kind: 'failed', reason: 'down' }));
    const ports = { outbox: createOutboxStore(own.table), channels: [channel] };
    const gaps: number[] = [];
    let at = later(0);
    // Act
    for (let i = 0; i < 4; i += 1) {
      await deliverPendingMessages(ports, at);
      const next = new Date((await ports.outbox.get(message.id))?.nextAttemptAt ?? '');
      gaps.push(next.getTime() - at.getTime());
      at = next;
    }
    // Assess
    expect(gaps).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('a user who refused the subscription still has the message in the centre, and it is not retried', async () => {
    // Prepare
    const own = await createTestDeps();
    const message = makeMessage();
    const store = createMessageStore(own.table);
    await store.enqueue(message);
    const { channel, calls } = countingChannel(() => ({ kind: 'skipped', reason: 'not_subscribed' }));
    const ports = { outbox: createOutboxStore(own.table), channels: [channel] };
    // Act
    const summary = await deliverPendingMessages(ports, later(0));
    const again = await deliverPendingMessages(ports, later(3_600_000));
    // Assess
    expect(summary.sent).toBe(1);
    expect(again.claimed).toBe(0);
    expect(calls.get(message.id)).toBe(1);
    expect((await ports.outbox.get(message.id))?.deliveries.wechat_subscribe).toMatchObject({
      state: 'skipped',
      detail: 'not_subscribed',
    });
    expect((await store.list(message.recipientAccountId, { limit: 10 })).items).toHaveLength(1);
  });

  it('after a partial failure only the failed channel is tried again', async () => {
    // Prepare
    const own = await createTestDeps();
    const message = makeMessage({ channels: ['wechat_subscribe', 'sms'] });
    await createMessageStore(own.table).enqueue(message);
    const wechat = countingChannel(() => ({ kind: 'sent' }));
    let smsCalls = 0;
    const sms: MessageChannel = {
      name: 'sms',
      send: async () => {
        smsCalls += 1;
        return smsCalls === 1
          ? { kind: 'failed', reason: 'InternalError' }
          : { kind: 'sent', providerMessageId: 'serial-1' };
      },
    };
    const ports = { outbox: createOutboxStore(own.table), channels: [wechat.channel, sms] };
    // Act
    await deliverPendingMessages(ports, later(0));
    const second = await deliverPendingMessages(ports, later(30_000));
    // Assess
    expect(second.sent).toBe(1);
    expect(wechat.calls.get(message.id)).toBe(1);
    expect(smsCalls).toBe(2);
    expect((await ports.outbox.get(message.id))?.deliveries).toMatchObject({
      wechat_subscribe: { state: 'sent' },
      sms: { state: 'sent', detail: 'serial-1' },
    });
  });
});

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  meResponseSchema,
  sentMessageListResponseSchema,
  subscriptionListResponseSchema,
  type MessageKind,
} from '@jiuyi/shared';
import { createMessageStore } from '../../functions/src/adapters/dynamodb/message-store';
import { createOutboxStore } from '../../functions/src/adapters/dynamodb/outbox-store';
import { messageChannels } from '../../functions/src/message-channels';
import { routesForStage, routeKey } from '../../functions/src/routes';
import { composeMessage } from '../../functions/src/use-cases/messages/compose-message';
import { deliverPendingMessages } from '../../functions/src/use-cases/messages/deliver-pending-messages';
import { call, devToken } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

jest.setTimeout(60_000);

const NOW = new Date('2026-03-09T12:00:00Z');
let clock = NOW;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
});
afterEach(() => {
  clock = NOW;
});
afterAll(async () => api.stop());

type ErrorBody = { error: { code: string; details?: unknown } };

async function signIn(openid: string, role: 'patient' | 'expert' = 'patient') {
  const token = await devToken(api.url, openid, role);
  const me = meResponseSchema.parse((await call(api.url, 'GET', '/v1/me', { token })).body);
  return { token, accountId: me.account.id };
}

let seq = 0;
/** Queues a message as a use case would, and runs the sender once with this stage's channels. */
async function sendThrough(
  accountId: string,
  kind: MessageKind,
  channels: Array<'wechat_subscribe' | 'sms'>,
) {
  seq += 1;
  const message = composeMessage(
    {
      kind,
      entityId: `delivery-${seq}`,
      step: 'test',
      recipientAccountId: accountId,
      title: '明日就诊提醒',
      body: '请携带身份证件按时到诊',
      link: `/pages/appointment-detail/index?id=delivery-${seq}`,
      channels,
      data: {
        patientName: '张三',
        department: '骨科门诊',
        visitTime: '2026-03-10 08:00',
        requester: '东区社区医院',
        consultationTime: '2026-03-10 14:00',
      },
    },
    clock,
  );
  await createMessageStore(api.deps.table).enqueue(message);
  const outbox = createOutboxStore(api.deps.table);
  await deliverPendingMessages({ outbox, channels: messageChannels(api.deps) }, clock);
  return { message, record: await outbox.get(message.id) };
}

const sentMessages = async () =>
  sentMessageListResponseSchema.parse((await call(api.url, 'GET', '/v1/dev/sent-messages')).body).items;

describe('subscription consent', () => {
  it('without consent a subscribe message reaches the in-app centre only', async () => {
    // Prepare
    const patient = await signIn('consent-none');

    // Act
    const { message, record } = await sendThrough(patient.accountId, 'visit_reminder_evening', [
      'wechat_subscribe',
    ]);

    // Assess
    expect(record?.status).toBe('sent');
    expect(record?.deliveries.wechat_subscribe).toMatchObject({ state: 'skipped', detail: 'not_subscribed' });
    expect((await sentMessages()).some((s) => s.messageId === message.id)).toBe(false);
    const inbox = await call<{ items: Array<{ id: string }> }>(api.url, 'GET', '/v1/messages', {
      token: patient.token,
    });
    expect(inbox.body.items.map((m) => m.id)).toContain(message.id);
  });

  it('one accepted subscription lets exactly one message of that kind out', async () => {
    // Prepare
    const patient = await signIn('consent-once');
    const listed = subscriptionListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/message-subscriptions', { token: patient.token })).body,
    );

    // Act
    const accepted = await call(api.url, 'POST', '/v1/message-subscriptions', {
      token: patient.token,
      body: { accepted: ['visit_reminder_evening'] },
    });
    const first = await sendThrough(patient.accountId, 'visit_reminder_evening', ['wechat_subscribe']);
    const second = await sendThrough(patient.accountId, 'visit_reminder_evening', ['wechat_subscribe']);

    // Assess
    expect(listed.items.find((i) => i.kind === 'visit_reminder_evening')).toEqual({
      kind: 'visit_reminder_evening',
      templateId: 'local-visit_reminder_evening',
      remaining: 0,
    });
    expect(accepted.status).toBe(200);
    expect(
      subscriptionListResponseSchema
        .parse(accepted.body)
        .items.find((i) => i.kind === 'visit_reminder_evening')?.remaining,
    ).toBe(1);
    expect(first.record?.deliveries.wechat_subscribe?.state).toBe('sent');
    expect(second.record?.deliveries.wechat_subscribe).toMatchObject({
      state: 'skipped',
      detail: 'not_subscribed',
    });
    const after = subscriptionListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/message-subscriptions', { token: patient.token })).body,
    );
    expect(after.items.find((i) => i.kind === 'visit_reminder_evening')?.remaining).toBe(0);
  });

  it('refuses a kind that cannot be subscribed to, or none at all', async () => {
    const patient = await signIn('consent-bad');
    for (const body of [
      { accepted: ['consultation_requested'] },
      { accepted: [] },
      { accepted: ['x'], extra: 1 },
    ]) {
      const res = await call<ErrorBody>(api.url, 'POST', '/v1/message-subscriptions', {
        token: patient.token,
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('GET /v1/dev/sent-messages (local only)', () => {
  it('lists what the recorder sent, newest first, recipients masked, with template and fields', async () => {
    // Prepare
    const patient = await signIn('sent-list');
    await call(api.url, 'POST', '/v1/message-subscriptions', {
      token: patient.token,
      body: { accepted: ['visit_reminder_evening', 'visit_reminder_soon'] },
    });

    // Act
    const older = await sendThrough(patient.accountId, 'visit_reminder_evening', ['wechat_subscribe']);
    clock = new Date(NOW.getTime() + 60_000);
    const newer = await sendThrough(patient.accountId, 'visit_reminder_soon', ['wechat_subscribe']);
    const items = (await sentMessages()).filter((s) => s.recipientAccountId === patient.accountId);

    // Assess
    expect(items.map((s) => s.messageId)).toEqual([newer.message.id, older.message.id]);
    expect(items[1]).toMatchObject({
      channel: 'wechat_subscribe',
      kind: 'visit_reminder_evening',
      templateId: 'local-visit_reminder_evening',
      fields: {
        thing1: '张三',
        thing2: '骨科门诊',
        time3: '2026-03-10 08:00',
        thing4: '请携带身份证件按时到诊',
      },
      page: older.message.link.slice(1),
      sentAt: '2026-03-09T20:00:00.000+08:00',
    });
    expect(items[1]?.recipient).toMatch(/^dev-\*+st$/);
    const me = await call(api.url, 'GET', '/v1/me', { token: patient.token });
    expect(JSON.stringify(me.body)).not.toContain('dev-sent-list');
    expect(JSON.stringify(items)).not.toContain('dev-sent-list');
  });

  it('is not a route of the prod stage', () => {
    expect(routesForStage('prod').map(routeKey)).not.toContain('GET /v1/dev/sent-messages');
    expect(routesForStage('local').map(routeKey)).toContain('GET /v1/dev/sent-messages');
  });
});

describe('SMS to experts', () => {
  it('stores the phone sealed, answers it masked, and texts the expert with it', async () => {
    // Prepare
    const expert = await signIn('sms-expert', 'expert');

    // Act
    const set = await call(api.url, 'PUT', '/v1/me/sms-phone', {
      token: expert.token,
      body: { phone: '138 1234 5678' },
    });
    const { record, message } = await sendThrough(expert.accountId, 'consultation_unapproved_chase', ['sms']);

    // Assess
    expect(set).toMatchObject({ status: 200, body: { phoneMasked: '138****5678' } });
    expect(record?.deliveries.sms?.state).toBe('sent');
    const sent = (await sentMessages()).find((s) => s.messageId === message.id);
    expect(sent).toMatchObject({
      channel: 'sms',
      recipient: '138****5678',
      templateId: 'local-consultation_unapproved_chase',
      fields: { '1': '东区社区医院', '2': '2026-03-10 14:00' },
    });
    const { Items = [] } = await api.deps.table.doc.send(new ScanCommand({ TableName: api.deps.table.name }));
    expect(JSON.stringify(Items)).not.toContain('13812345678');
  });

  it('refuses a malformed phone and a patient caller', async () => {
    const expert = await signIn('sms-bad', 'expert');
    const patient = await signIn('sms-patient');
    const bad = await call<ErrorBody>(api.url, 'PUT', '/v1/me/sms-phone', {
      token: expert.token,
      body: { phone: '12345' },
    });
    const forbidden = await call<ErrorBody>(api.url, 'PUT', '/v1/me/sms-phone', {
      token: patient.token,
      body: { phone: '13812345678' },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});

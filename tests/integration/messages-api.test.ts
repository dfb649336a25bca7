import { markMessageReadResponseSchema, meResponseSchema, messageListResponseSchema } from '@jiuyi/shared';
import { createMessageStore } from '../../functions/src/adapters/dynamodb/message-store';
import { composeMessage } from '../../functions/src/use-cases/messages/compose-message';
import { call, devToken } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api.stop());

async function signIn(openid: string, role: 'patient' | 'expert' = 'patient') {
  const token = await devToken(api.url, openid, role, role === 'expert' ? { specialty: 'orthopaedics' } : {});
  const me = meResponseSchema.parse((await call(api.url, 'GET', '/v1/me', { token })).body);
  return { token, accountId: me.account.id };
}

/** Queues messages the way a use case does, one minute apart, without any test-only route. */
async function enqueue(accountId: string, count: number) {
  const store = createMessageStore(api.deps.table);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const message = composeMessage(
      {
        kind: 'booking_confirmed',
        entityId: `${accountId}-appointment-${i}`,
        step: 'created',
        recipientAccountId: accountId,
        title: `预约成功 ${i}`,
        body: '您已成功预约骨科门诊，请按时就诊',
        link: `/pages/appointments/detail?id=${i}`,
      },
      new Date(Date.UTC(2026, 2, 1, 2, i)),
    );
    await store.enqueue(message);
    ids.push(message.id);
  }
  return ids;
}

describe('GET /v1/messages and POST /v1/messages/{id}/read', () => {
  it('lists newest first with the unread count', async () => {
    // Prepare
    const alice = await signIn('msg-alice');
    const ids = await enqueue(alice.accountId, 3);
    // Act
    const res = await call(api.url, 'GET', '/v1/messages', { token: alice.token });
    // Assess
    expect(res.status).toBe(200);
    const page = messageListResponseSchema.parse(res.body);
    expect(page.items.map((m) => m.id)).toEqual([...ids].reverse());
    expect(page.items[0]).toMatchObject({ title: '预约成功 2', link: '/pages/appointments/detail?id=2' });
    expect(page.items[0]?.createdAt).toBe('2026-03-01T10:02:00.000+08:00');
    expect(page.unreadCount).toBe(3);
    expect(page.nextCursor).toBeUndefined();
  });

  it('marking read is idempotent: the count drops once', async () => {
    // Prepare
    const bob = await signIn('msg-bob');
    const [first] = await enqueue(bob.accountId, 2);
    // Act
    const once = await call(api.url, 'POST', `/v1/messages/${first}/read`, { token: bob.token });
    const twice = await call(api.url, 'POST', `/v1/messages/${first}/read`, { token: bob.token });
    const list = messageListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/messages', { token: bob.token })).body,
    );
    // Assess
    expect(once.status).toBe(200);
    expect(twice.status).toBe(200);
    const a = markMessageReadResponseSchema.parse(once.body);
    const b = markMessageReadResponseSchema.parse(twice.body);
    expect(a.unreadCount).toBe(1);
    expect(b).toEqual(a);
    expect(list.unreadCount).toBe(1);
    expect(list.items.find((m) => m.id === first)?.readAt).toBe(a.message.readAt);
  });

  it('concurrent marks of one message decrement the count once', async () => {
    const carol = await signIn('msg-carol');
    const [id] = await enqueue(carol.accountId, 1);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(api.url, 'POST', `/v1/messages/${id}/read`, { token: carol.token }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const list = messageListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/messages', { token: carol.token })).body,
    );
    expect(list.unreadCount).toBe(0);
  });

  it("another account's message is 404 and stays unread", async () => {
    const owner = await signIn('msg-owner');
    const intruder = await signIn('msg-intruder', 'expert');
    const [id] = await enqueue(owner.accountId, 1);
    const res = await call<{ error: { code: string } }>(api.url, 'POST', `/v1/messages/${id}/read`, {
      token: intruder.token,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const list = messageListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/messages', { token: owner.token })).body,
    );
    expect(list.unreadCount).toBe(1);
    const theirs = messageListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/messages', { token: intruder.token })).body,
    );
    expect(theirs).toEqual({ items: [], unreadCount: 0 });
  });

  it('pages with limit and nextCursor, and refuses a forged cursor', async () => {
    // Prepare
    const dave = await signIn('msg-dave');
    const ids = await enqueue(dave.accountId, 5);
    // Act
    const first = messageListResponseSchema.parse(
      (await call(api.url, 'GET', '/v1/messages?limit=2', { token: dave.token })).body,
    );
    const second = messageListResponseSchema.parse(
      (await call(api.url, 'GET', `/v1/messages?limit=2&cursor=${first.nextCursor}`, { token: dave.token }))
        .body,
    );
    const forged = Buffer.from(JSON.stringify({ sk: 'PATIENT#x' })).toString('base64url');
    const bad = await call<{ error: { code: string } }>(api.url, 'GET', `/v1/messages?cursor=${forged}`, {
      token: dave.token,
    });
    const tooMany = await call<{ error: { code: string } }>(api.url, 'GET', '/v1/messages?limit=51', {
      token: dave.token,
    });
    // Assess
    expect(first.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(second.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    expect(first.unreadCount).toBe(5);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(tooMany.status).toBe(400);
  });
});

import type { OutboxMessage } from '@jiuyi/shared';
import type { RecipientDirectory } from '../../ports/message-channel';
import { createAccessTokenSource, createWechatSubscribeChannel } from './subscribe-message';
import { subscribeTemplates, templateData } from './subscribe-message-config';

interface Call {
  url: URL;
  body?: Record<string, unknown>;
}

/** A scripted WeChat API: token answers and send answers are taken in order. */
function fakeWechat(script: { tokens: unknown[]; sends: unknown[] }) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    calls.push({ url, body });
    const next = url.pathname === '/cgi-bin/token' ? script.tokens.shift() : script.sends.shift();
    if (next instanceof Error) throw next;
    return new Response(JSON.stringify(next ?? { errcode: -1 }), { status: 200 });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const directory: RecipientDirectory = {
  openidOf: async (id) => (id === 'acc-1' ? 'openid-1' : undefined),
  phoneOf: async () => undefined,
};

function makeMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: '00000000-0000-8000-8000-000000000001',
    recipientAccountId: 'acc-1',
    kind: 'booking_confirmed',
    title: '预约成功',
    body: '请于就诊当天携带身份证件到门诊二楼分诊台签到，如需取消请提前在小程序中操作',
    link: '/pages/appointments/detail?id=a1',
    channels: ['wechat_subscribe', 'in_app'],
    data: { patientName: '张三', department: '骨科门诊', visitTime: '2026-03-10 08:00' },
    createdAt: '2026-03-01T10:00:00.000+08:00',
    ...overrides,
  };
}

const templates = subscribeTemplates({ booking_confirmed: 'tmpl-booking' });

function channelWith(script: { tokens: unknown[]; sends: unknown[] }, clockMs = { now: 0 }) {
  const wechat = fakeWechat(script);
  const tokens = createAccessTokenSource({
    appId: 'wx-app',
    appSecret: async () => 'secret',
    baseUrl: 'https://wechat.test',
    fetchImpl: wechat.fetchImpl,
    clock: () => clockMs.now,
  });
  const channel = createWechatSubscribeChannel({
    tokens,
    directory,
    templates,
    baseUrl: 'https://wechat.test',
    fetchImpl: wechat.fetchImpl,
  });
  return { channel, calls: wechat.calls };
}

describe('WeChat subscribe message channel', () => {
  it('fetches a token with appid and secret and posts touser, template, page and data', async () => {
    // Prepare
    const { channel, calls } = channelWith({
      tokens: [{ access_token: 'T1', expires_in: 7200 }],
      sends: [{ errcode: 0 }],
    });
    // Act
    const outcome = await channel.send(makeMessage());
    // Assess
    expect(outcome).toEqual({ kind: 'sent' });
    expect(calls[0]?.url.searchParams.get('appid')).toBe('wx-app');
    expect(calls[0]?.url.searchParams.get('secret')).toBe('secret');
    expect(calls[0]?.url.searchParams.get('grant_type')).toBe('client_credential');
    expect(calls[1]?.url.pathname).toBe('/cgi-bin/message/subscribe/send');
    expect(calls[1]?.url.searchParams.get('access_token')).toBe('T1');
    expect(calls[1]?.body).toMatchObject({
      touser: 'openid-1',
      template_id: 'tmpl-booking',
      page: 'pages/appointments/detail?id=a1',
      data: {
        thing1: { value: '张三' },
        thing2: { value: '骨科门诊' },
        time3: { value: '2026-03-10 08:00' },
      },
    });
    const thing4 = (calls[1]?.body?.data as Record<string, { value: string }>).thing4?.value ?? '';
    expect([...thing4]).toHaveLength(20);
    expect(thing4.endsWith('…')).toBe(true);
  });

  it('reuses the token until expiry minus the margin, then fetches a new one', async () => {
    // Prepare
    const clock = { now: 0 };
    const { channel, calls } = channelWith(
      {
        tokens: [
          { access_token: 'T1', expires_in: 7200 },
          { access_token: 'T2', expires_in: 7200 },
        ],
        sends: [{ errcode: 0 }, { errcode: 0 }, { errcode: 0 }],
      },
      clock,
    );
    // Act
    await channel.send(makeMessage());
    clock.now = (7200 - 5 * 60) * 1000 - 1;
    await channel.send(makeMessage());
    clock.now = (7200 - 5 * 60) * 1000;
    await channel.send(makeMessage());
    // Assess
    const used = calls
      .filter((c) => c.url.pathname.endsWith('/send'))
      .map((c) => c.url.searchParams.get('access_token'));
    expect(used).toEqual(['T1', 'T1', 'T2']);
    expect(calls.filter((c) => c.url.pathname === '/cgi-bin/token')).toHaveLength(2);
  });

  it.each([40001, 42001])('refreshes the token on errcode %i and sends again once', async (errcode) => {
    const { channel, calls } = channelWith({
      tokens: [
        { access_token: 'OLD', expires_in: 7200 },
        { access_token: 'NEW', expires_in: 7200 },
      ],
      sends: [{ errcode }, { errcode: 0 }],
    });
    const outcome = await channel.send(makeMessage());
    expect(outcome).toEqual({ kind: 'sent' });
    const used = calls
      .filter((c) => c.url.pathname.endsWith('/send'))
      .map((c) => c.url.searchParams.get('access_token'));
    expect(used).toEqual(['OLD', 'NEW']);
  });

  it('treats errcode 43101 (user refused) as not subscribed, not as a failure', async () => {
    const { channel } = channelWith({
      tokens: [{ access_token: 'T', expires_in: 7200 }],
      sends: [{ errcode: 43101 }],
    });
    expect(await channel.send(makeMessage())).toEqual({ kind: 'skipped', reason: 'not_subscribed' });
  });

  it('reports other errcodes as a failure to retry', async () => {
    const { channel } = channelWith({
      tokens: [{ access_token: 'T', expires_in: 7200 }],
      sends: [{ errcode: 45009 }],
    });
    expect(await channel.send(makeMessage())).toEqual({ kind: 'failed', reason: 'errcode 45009' });
  });

  it('reports a timeout as unknown, since the message may have gone out', async () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    const { channel } = channelWith({ tokens: [{ access_token: 'T', expires_in: 7200 }], sends: [timeout] });
    expect(await channel.send(makeMessage())).toEqual({ kind: 'unknown', reason: 'timeout' });
  });

  it('skips without calling WeChat when the kind has no template or the account no openid', async () => {
    const { channel, calls } = channelWith({ tokens: [], sends: [] });
    expect(await channel.send(makeMessage({ kind: 'general' }))).toEqual({
      kind: 'skipped',
      reason: 'no_template',
    });
    expect(await channel.send(makeMessage({ recipientAccountId: 'acc-2' }))).toEqual({
      kind: 'skipped',
      reason: 'no_address',
    });
    expect(calls).toHaveLength(0);
  });
});

describe('templateData', () => {
  it('refuses a message that lacks a fact the template needs', () => {
    const template = templates.booking_confirmed;
    if (!template) throw new Error('template missing');
    expect(templateData(template, makeMessage({ data: { patientName: '张三' } }))).toBeUndefined();
  });
});

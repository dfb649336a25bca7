import { verify } from 'node:crypto';
import type { PaymentGateway } from '../../ports/payment-gateway';
import { createWechatPayClient } from '../../adapters/wechat-pay/client';
import { startNotificationReceiver, type NotificationReceiver } from './notification-receiver';
import { startWechatPaySandbox, type WechatPaySandbox } from './sandbox';

let sandbox: WechatPaySandbox;
let receiver: NotificationReceiver;
let client: PaymentGateway;
let sequence = 0;

beforeAll(async () => {
  sandbox = await startWechatPaySandbox();
  receiver = await startNotificationReceiver();
  client = createWechatPayClient(sandbox.clientConfig());
});

afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

beforeEach(() => {
  sandbox.setSwitches({ duplicates: 1, delayMs: 0, reorder: false, drop: false, retryDelaysMs: [] });
  receiver.respondWith(204);
  receiver.received.splice(0);
});

async function newOrder(amountFen = 1200): Promise<{ outTradeNo: string; prepayId: string }> {
  sequence += 1;
  const outTradeNo = `SB${Date.now()}${sequence}`;
  const { prepayId } = await client.createJsapiOrder({
    outTradeNo,
    description: '就医-住院病案复印费',
    amountFen,
    payerOpenid: 'oSandboxPayer000000000000001',
    timeExpire: new Date(Date.now() + 10 * 60_000),
    notifyUrl: receiver.url,
  });
  return { outTradeNo, prepayId };
}

async function outTradeNos(raws: NotificationReceiver['received']): Promise<string[]> {
  const parsed = await Promise.all(raws.map((r) => client.parseNotification(r, new Date())));
  return parsed.map((n) => n.outTradeNo);
}

describe('WeChat Pay sandbox protocol', () => {
  it('refuses an unsigned request with 401 SIGN_ERROR and signs even its errors', async () => {
    // Act
    const response = await fetch(`${sandbox.url}/v3/pay/transactions/out-trade-no/ABC123?mchid=1230000109`);
    const body = await response.text();

    // Assess
    expect(response.status).toBe(401);
    expect(JSON.parse(body)).toMatchObject({ code: 'SIGN_ERROR' });
    const timestamp = response.headers.get('wechatpay-timestamp');
    const nonce = response.headers.get('wechatpay-nonce');
    const signature = Buffer.from(response.headers.get('wechatpay-signature') ?? '', 'base64');
    expect(response.headers.get('wechatpay-serial')).toBe(sandbox.platform.publicKeyId);
    expect(
      verify(
        'sha256',
        Buffer.from(`${timestamp}\n${nonce}\n${body}\n`),
        sandbox.platform.publicKeyPem,
        signature,
      ),
    ).toBe(true);
  });

  it('exposes the client configuration over HTTP for a stack in another process', async () => {
    // Act
    const served = (await (await fetch(`${sandbox.url}/sandbox/config`)).json()) as Record<string, unknown>;

    // Assess
    expect(served).toEqual({ ...sandbox.clientConfig() });
    expect(served.platformPublicKeyId).toMatch(/^PUB_KEY_ID_\d+$/);
  });
});

describe('WeChat Pay sandbox pay page', () => {
  it('shows the amount with big 支付 and 取消 buttons', async () => {
    // Prepare
    const { prepayId } = await newOrder(1234);
    const returnUrl = encodeURIComponent('http://127.0.0.1:10086/#/pages/pay/index?id=7');

    // Act
    const response = await fetch(`${sandbox.url}/sandbox/pay?prepay_id=${prepayId}&return=${returnUrl}`);
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(html).toContain('¥12.34');
    expect(html).toMatch(/<button id="sandbox-pay"[^>]*>支付<\/button>/);
    expect(html).toMatch(/<button id="sandbox-cancel"[^>]*>取消<\/button>/);
  });

  it('pays on 支付: redirects back with sandbox_pay=ok and notifies', async () => {
    // Prepare
    const { outTradeNo, prepayId } = await newOrder();
    const form = new URLSearchParams({
      prepay_id: prepayId,
      return: 'http://127.0.0.1:10086/#/pages/pay/index?id=7',
      action: 'pay',
    });

    // Act
    const response = await fetch(`${sandbox.url}/sandbox/pay`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    await sandbox.idle();
    const raws = await receiver.waitFor(1);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      'http://127.0.0.1:10086/#/pages/pay/index?id=7&sandbox_pay=ok',
    );
    expect(await outTradeNos(raws)).toEqual([outTradeNo]);
    expect((await client.queryOrder(outTradeNo)).tradeState).toBe('SUCCESS');
  });

  it('does nothing on 取消 but return with sandbox_pay=cancel', async () => {
    // Prepare
    const { outTradeNo, prepayId } = await newOrder();
    const form = new URLSearchParams({
      prepay_id: prepayId,
      return: 'http://localhost:3000/done',
      action: 'cancel',
    });

    // Act
    const response = await fetch(`${sandbox.url}/sandbox/pay`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    await sandbox.idle();

    // Assess
    expect(response.headers.get('location')).toBe('http://localhost:3000/done?sandbox_pay=cancel');
    expect((await client.queryOrder(outTradeNo)).tradeState).toBe('NOTPAY');
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a javascript: return URL and an unknown prepay_id', async () => {
    // Prepare
    const { prepayId } = await newOrder();

    // Act
    const badReturn = await fetch(
      `${sandbox.url}/sandbox/pay?prepay_id=${prepayId}&return=javascript:alert(1)`,
    );
    const unknown = await fetch(`${sandbox.url}/sandbox/pay?prepay_id=wx0&return=http://localhost/`);

    // Assess
    expect(badReturn.status).toBe(400);
    expect(unknown.status).toBe(404);
  });
});

describe('WeChat Pay sandbox delivery switches', () => {
  it('holds notifications when reordering and sends them newest first on flush', async () => {
    // Prepare
    sandbox.setSwitches({ reorder: true });
    const first = await newOrder();
    const second = await newOrder();

    // Act
    await sandbox.pay(first.outTradeNo);
    await sandbox.pay(second.outTradeNo);
    const beforeFlush = receiver.received.length;
    const sent = await sandbox.flushHeld();
    const raws = await receiver.waitFor(2);

    // Assess
    expect(beforeFlush).toBe(0);
    expect(sent).toBe(2);
    expect(await outTradeNos(raws)).toEqual([second.outTradeNo, first.outTradeNo]);
  });

  it('drops notifications when told, leaving the order paid for reconciliation to find', async () => {
    // Prepare
    sandbox.setSwitches({ drop: true });
    const { outTradeNo } = await newOrder();

    // Act
    await sandbox.pay(outTradeNo);
    await sandbox.idle();

    // Assess
    expect(receiver.received).toHaveLength(0);
    expect(
      sandbox
        .deliveries()
        .filter((d) => d.outTradeNo === outTradeNo)
        .map((d) => d.outcome),
    ).toEqual(['dropped']);
    expect((await client.queryOrder(outTradeNo)).tradeState).toBe('SUCCESS');
  });

  it('delays notifications by the configured time, set over POST /sandbox/control', async () => {
    // Prepare
    const control = await fetch(`${sandbox.url}/sandbox/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ delayMs: 300 }),
    });
    const { outTradeNo } = await newOrder();
    const started = Date.now();

    // Act
    const payResponse = await fetch(`${sandbox.url}/sandbox/orders/${outTradeNo}/pay`, { method: 'POST' });
    await receiver.waitFor(1);

    // Assess
    expect(control.status).toBe(200);
    expect(((await control.json()) as { delayMs: number }).delayMs).toBe(300);
    expect(payResponse.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('rejects unknown or out-of-range control switches', async () => {
    // Act
    const response = await fetch(`${sandbox.url}/sandbox/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ duplicates: 0, explode: true }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(sandbox.switches().duplicates).toBe(1);
  });

  it('retries a notification the merchant did not accept', async () => {
    // Prepare
    sandbox.setSwitches({ retryDelaysMs: [20, 20] });
    receiver.respondWith(500);
    const { outTradeNo } = await newOrder();

    // Act
    await sandbox.pay(outTradeNo);
    const attempts = receiver.received.length;

    // Assess
    expect(attempts).toBe(3);
    expect(
      sandbox
        .deliveries()
        .filter((d) => d.outTradeNo === outTradeNo)
        .map((d) => d.status),
    ).toEqual([500, 500, 500]);
  });

  it('refuses to pay twice', async () => {
    // Prepare
    const { outTradeNo } = await newOrder();
    await sandbox.pay(outTradeNo);

    // Act
    const second = await fetch(`${sandbox.url}/sandbox/orders/${outTradeNo}/pay`, { method: 'POST' });

    // Assess
    expect(second.status).toBe(400);
    expect(((await second.json()) as { code: string }).code).toBe('ORDER_NOT_PAYABLE');
  });
});

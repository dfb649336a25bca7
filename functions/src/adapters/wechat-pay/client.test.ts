import { generateKeyPairSync, verify } from 'node:crypto';
import {
  NotificationVerificationError,
  WechatPayError,
  type PaymentGateway,
  type TransactionNotification,
} from '../../ports/payment-gateway';
import {
  startNotificationReceiver,
  type NotificationReceiver,
} from '../../local/wechat-pay-sandbox/notification-receiver';
import { startWechatPaySandbox, type WechatPaySandbox } from '../../local/wechat-pay-sandbox/sandbox';
import { createWechatPayClient, type WechatPayClientConfig } from './client';

let sandbox: WechatPaySandbox;
let receiver: NotificationReceiver;
let config: WechatPayClientConfig;
let client: PaymentGateway;
let sequence = 0;

beforeAll(async () => {
  sandbox = await startWechatPaySandbox();
  receiver = await startNotificationReceiver();
  config = sandbox.clientConfig();
  client = createWechatPayClient(config);
});

afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

beforeEach(() => {
  sandbox.setSwitches({ duplicates: 1, delayMs: 0, reorder: false, drop: false, failNextRequests: 0 });
  receiver.received.splice(0);
});

function orderNo(): string {
  sequence += 1;
  return `JY${Date.now()}${sequence}`;
}

function makeOrder(overrides: Partial<Parameters<PaymentGateway['createJsapiOrder']>[0]> = {}) {
  return {
    outTradeNo: orderNo(),
    description: '就医-挂号费 心内科 主任医师',
    amountFen: 5000,
    payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    timeExpire: new Date(Date.now() + 15 * 60_000),
    notifyUrl: receiver.url,
    ...overrides,
  };
}

async function caught(promise: Promise<unknown>): Promise<WechatPayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WechatPayError) return error;
    throw error;
  }
  throw new Error('expected a WechatPayError');
}

async function paidOrder(
  amountFen = 5000,
): Promise<{ outTradeNo: string; notification: TransactionNotification }> {
  const order = makeOrder({ amountFen });
  await client.createJsapiOrder(order);
  await sandbox.pay(order.outTradeNo);
  const [raw] = await receiver.waitFor(1);
  const notification = await client.parseNotification(raw ?? { headers: {}, body: '' }, new Date());
  if (notification.kind !== 'transaction') throw new Error('expected a transaction notification');
  receiver.received.splice(0);
  return { outTradeNo: order.outTradeNo, notification };
}

describe('WeChat Pay client against the sandbox', () => {
  it('creates a JSAPI order and gets a prepay_id; the order is NOTPAY', async () => {
    // Prepare
    const order = makeOrder();

    // Act
    const { prepayId } = await client.createJsapiOrder(order);
    const status = await client.queryOrder(order.outTradeNo);

    // Assess
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]+$/);
    expect(status).toEqual({
      outTradeNo: order.outTradeNo,
      tradeState: 'NOTPAY',
      amountFen: 5000,
      payerOpenid: order.payerOpenid,
    });
  });

  it('returns the same prepay_id for a repeated identical order and OUT_TRADE_NO_USED for a changed one', async () => {
    // Prepare
    const order = makeOrder();
    const first = await client.createJsapiOrder(order);

    // Act
    const again = await client.createJsapiOrder(order);
    const changed = await caught(client.createJsapiOrder({ ...order, amountFen: 1 }));

    // Assess
    expect(again.prepayId).toBe(first.prepayId);
    expect(changed).toMatchObject({ status: 403, code: 'OUT_TRADE_NO_USED', transient: false });
  });

  it('signs requestPayment parameters over appId\\ntimeStamp\\nnonceStr\\npackage\\n with the merchant key', async () => {
    // Prepare
    const { prepayId } = await client.createJsapiOrder(makeOrder());

    // Act
    const params = client.buildRequestPaymentParams(prepayId, config.appId);

    // Assess
    expect(params).toMatchObject({ package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(params.timeStamp).toMatch(/^\d{10}$/);
    const message = `${config.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    const valid = verify(
      'sha256',
      Buffer.from(message),
      sandbox.merchant.publicKeyPem,
      Buffer.from(params.paySign, 'base64'),
    );
    expect(valid).toBe(true);
  });

  it('is refused with 401 SIGN_ERROR when it signs with the wrong merchant key', async () => {
    // Prepare
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongKey = createWechatPayClient({
      ...config,
      merchantPrivateKeyPem: stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });

    // Act
    const error = await caught(wrongKey.createJsapiOrder(makeOrder()));

    // Assess
    expect(error).toMatchObject({ status: 401, code: 'SIGN_ERROR', transient: false });
  });

  it('does not believe a response signed by anyone but the configured WeChat Pay key', async () => {
    // Prepare
    const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongPlatform = createWechatPayClient({
      ...config,
      platformPublicKeyPem: impostor.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });

    // Act
    const error = await caught(wrongPlatform.createJsapiOrder(makeOrder()));

    // Assess
    expect(error).toMatchObject({ code: 'RESPONSE_SIGNATURE_INVALID', transient: true });
  });

  it('receives, verifies and decrypts the TRANSACTION.SUCCESS notification after payment', async () => {
    // Prepare
    const order = makeOrder({ amountFen: 2350 });
    await client.createJsapiOrder(order);

    // Act
    await sandbox.pay(order.outTradeNo);
    const [raw] = await receiver.waitFor(1);
    const notification = await client.parseNotification(raw ?? { headers: {}, body: '' }, new Date());
    const status = await client.queryOrder(order.outTradeNo);

    // Assess
    expect(notification).toMatchObject({
      kind: 'transaction',
      eventType: 'TRANSACTION.SUCCESS',
      outTradeNo: order.outTradeNo,
      tradeState: 'SUCCESS',
      amountFen: 2350,
      payerTotalFen: 2350,
      payerOpenid: order.payerOpenid,
    });
    expect(notification.kind === 'transaction' && notification.transactionId).toMatch(/^4200\d{24}$/);
    expect(status).toMatchObject({ tradeState: 'SUCCESS', amountFen: 2350 });
    expect(status.transactionId).toBe(notification.kind === 'transaction' ? notification.transactionId : '');
    expect(status.successTime).toBeInstanceOf(Date);
  });

  it('rejects a tampered notification body, a 6-minute-old one, and one it cannot decrypt', async () => {
    // Prepare
    const order = makeOrder({ amountFen: 100 });
    await client.createJsapiOrder(order);
    await sandbox.pay(order.outTradeNo);
    const [raw] = await receiver.waitFor(1);
    if (!raw) throw new Error('no notification');
    const arrival = new Date(Number(raw.headers['wechatpay-timestamp']) * 1000);
    const tampered = { ...raw, body: raw.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') };
    const wrongApiKey = createWechatPayClient({ ...config, apiV3Key: 'X'.repeat(32) });

    // Act
    const reasons = await Promise.all(
      [
        () => client.parseNotification(tampered, arrival),
        () => client.parseNotification(raw, new Date(arrival.getTime() + 6 * 60_000)),
        () => wrongApiKey.parseNotification(raw, arrival),
      ].map(async (attempt) => {
        try {
          await attempt();
          return 'accepted';
        } catch (error) {
          return error instanceof NotificationVerificationError ? error.reason : String(error);
        }
      }),
    );

    // Assess
    expect(reasons).toEqual(['BAD_SIGNATURE', 'STALE_TIMESTAMP', 'DECRYPT_FAILED']);
    expect((await client.parseNotification(raw, new Date(arrival.getTime() + 5 * 60_000))).eventType).toBe(
      'TRANSACTION.SUCCESS',
    );
  });

  it('sends duplicates with the same event id when the duplicate switch is on', async () => {
    // Prepare
    sandbox.setSwitches({ duplicates: 3 });
    const order = makeOrder();
    await client.createJsapiOrder(order);

    // Act
    await sandbox.pay(order.outTradeNo);
    const raws = await receiver.waitFor(3);

    // Assess
    const parsed = await Promise.all(raws.map((r) => client.parseNotification(r, new Date())));
    expect(parsed).toHaveLength(3);
    expect(new Set(parsed.map((n) => n.eventId)).size).toBe(1);
    expect(new Set(raws.map((r) => r.headers['wechatpay-nonce'])).size).toBe(3);
  });

  it('refunds part, then the rest, and refuses more with NOT_ENOUGH', async () => {
    // Prepare
    const { outTradeNo, notification } = await paidOrder(5000);
    const refund = (outRefundNo: string, refundFen: number) =>
      client.refund({
        outTradeNo,
        outRefundNo,
        refundFen,
        totalFen: 5000,
        reason: '患者取消预约',
        notifyUrl: receiver.url,
      });

    // Act
    const partial = await refund(`${outTradeNo}R1`, 2000);
    const rest = await refund(`${outTradeNo}R2`, 3000);
    const tooMuch = await caught(refund(`${outTradeNo}R3`, 1));
    await sandbox.idle();
    const raws = await receiver.waitFor(2);
    const settled = await client.queryRefund(`${outTradeNo}R1`);
    const order = await client.queryOrder(outTradeNo);

    // Assess
    expect(partial).toMatchObject({
      status: 'PROCESSING',
      refundFen: 2000,
      totalFen: 5000,
      transactionId: notification.transactionId,
    });
    expect(rest).toMatchObject({ status: 'PROCESSING', refundFen: 3000 });
    expect(tooMuch).toMatchObject({ status: 403, code: 'NOT_ENOUGH', transient: false });
    expect(settled).toMatchObject({ status: 'SUCCESS', refundId: partial.refundId, refundFen: 2000 });
    expect(settled.successTime).toBeInstanceOf(Date);
    const refundEvents = await Promise.all(raws.map((r) => client.parseNotification(r, new Date())));
    expect(
      refundEvents
        .map((e) => e.kind === 'refund' && [e.eventType, e.outRefundNo, e.refundFen, e.status])
        .sort(),
    ).toEqual(
      [
        ['REFUND.SUCCESS', `${outTradeNo}R1`, 2000, 'SUCCESS'],
        ['REFUND.SUCCESS', `${outTradeNo}R2`, 3000, 'SUCCESS'],
      ].sort(),
    );
    expect(order.tradeState).toBe('REFUND');
  });

  it('refunds in full once: the same refund number returns the first refund', async () => {
    // Prepare
    const { outTradeNo } = await paidOrder(800);
    const input = {
      outTradeNo,
      outRefundNo: `${outTradeNo}F`,
      refundFen: 800,
      totalFen: 800,
      reason: '停诊退款',
      notifyUrl: receiver.url,
    };

    // Act
    const first = await client.refund(input);
    const repeat = await client.refund(input);
    await sandbox.idle();

    // Assess
    expect(repeat.refundId).toBe(first.refundId);
    expect(await client.queryRefund(input.outRefundNo)).toMatchObject({
      status: 'SUCCESS',
      refundFen: 800,
      totalFen: 800,
    });
    expect((await caught(client.queryRefund('NO_SUCH_REFUND'))).code).toBe('RESOURCE_NOT_EXISTS');
  });

  it('closes an unpaid order, which then cannot be re-ordered, and refuses to close a paid one', async () => {
    // Prepare
    const order = makeOrder();
    await client.createJsapiOrder(order);
    const { outTradeNo: paidNo } = await paidOrder();

    // Act
    await client.closeOrder(order.outTradeNo);
    await client.closeOrder(order.outTradeNo);
    const status = await client.queryOrder(order.outTradeNo);
    const reorder = await caught(client.createJsapiOrder(order));
    const closePaid = await caught(client.closeOrder(paidNo));

    // Assess
    expect(status.tradeState).toBe('CLOSED');
    expect(reorder).toMatchObject({ status: 400, code: 'ORDER_CLOSED', transient: false });
    expect(closePaid).toMatchObject({ status: 400, code: 'ORDERPAID' });
  });

  it('tells a missing order (permanent) from a system error and a network failure (transient)', async () => {
    // Prepare
    const unreachable = createWechatPayClient({ ...config, baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });

    // Act
    const missing = await caught(client.queryOrder('NOSUCHORDER1'));
    sandbox.setSwitches({ failNextRequests: 1 });
    const systemError = await caught(client.queryOrder('NOSUCHORDER1'));
    const network = await caught(unreachable.queryOrder('NOSUCHORDER1'));

    // Assess
    expect(missing).toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST', transient: false });
    expect(systemError).toMatchObject({ status: 500, code: 'SYSTEM_ERROR', transient: true });
    expect(network).toMatchObject({ status: 0, code: 'NETWORK_ERROR', transient: true });
  });

  it('gets INVALID_REQUEST for an expiry in the past and PARAM_ERROR for a bad amount', async () => {
    // Prepare
    const expired = makeOrder({ timeExpire: new Date(Date.now() - 60_000) });

    // Act
    const pastExpiry = await caught(client.createJsapiOrder(expired));
    const badAmount = await caught(client.createJsapiOrder(makeOrder({ amountFen: 0 })));

    // Assess
    expect(pastExpiry).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    expect(badAmount).toMatchObject({ status: 400, code: 'PARAM_ERROR' });
  });
});

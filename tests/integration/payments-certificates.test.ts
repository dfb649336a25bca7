import { generateKeyPairSync } from 'node:crypto';
import type { MessageListResponse } from '@jiuyi/shared';
import { createPaymentStore } from '../../functions/src/adapters/dynamodb/payment-store';
import { createTable } from '../../functions/src/adapters/dynamodb/table';
import { wechatpaySignatureHeaders } from '../../functions/src/adapters/wechat-pay/signing';
import type { RawNotification } from '../../functions/src/ports/payment-gateway';
import { call } from '../support/http';
import { FEE_FEN, MINUTE, PAY_NOW, startPaymentStack, type PaymentStack } from '../support/payment-fixtures';
import { findFreePort } from '../support/ports';

jest.setTimeout(60_000);

const FAIL_5XX = { code: 'FAIL', message: '系统繁忙，请稍后再试' };
const FAIL_SIGNATURE = { code: 'FAIL', message: '签名验证失败' };
/** Paid, booked, one ledger line and one confirmation message: a notification applied exactly once. */
const APPLIED_ONCE = { payment: 'paid', appointment: 'booked', ledgerLines: 1, confirmations: 1 };

let s: PaymentStack;
/** One clock for the whole file, only ever moved forward: the API's certificate cache remembers when it last downloaded. */
let clock = PAY_NOW;
function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
  s.setClock(clock);
}

afterEach(() => {
  s.reset();
  s.setClock(clock);
});

/** A paid order whose TRANSACTION.SUCCESS notification was captured instead of delivered. */
async function capturedPayment(copies = 1) {
  const receiver = await s.captureNotifications();
  const before = receiver.received.length;
  const { token, appointment } = await s.hold();
  const order = await s.pay(token, appointment.id);
  await s.sandbox.pay(order.outTradeNo);
  const raws = (await receiver.waitFor(before + copies)).slice(before);
  s.deliverToApi();
  return { token, appointment, order, raws };
}

async function settled(token: string, appointmentId: string, paymentId: string) {
  const ledger = await s.api.deps.payments.ledger('2025-10-13');
  const messages = await call<MessageListResponse>(s.api.url, 'GET', '/v1/messages', { token });
  return {
    payment: (await s.paymentOf(token, appointmentId)).status,
    appointment: (await s.appointmentOf(token, appointmentId)).status,
    ledgerLines: ledger.filter((l) => l.paymentId === paymentId).length,
    confirmations: messages.body.items.filter((m) => m.title === '支付成功，预约已确认').length,
  };
}

function json(res: { body: string }): unknown {
  return JSON.parse(res.body);
}

/** One stack per describe block, in turn: handlers read the process-wide deps, so two cannot run at once. */
function useStack(prefix: string, verifyMode: 'platformCertificate' | 'both'): void {
  beforeAll(async () => {
    s = await startPaymentStack(prefix, { verifyMode });
    clock = PAY_NOW;
  });
  afterAll(async () => s.stop());
}

describe('POST /v1/payments/wechat/notify, merchant on platform certificates', () => {
  useStack('paycert', 'platformCertificate');

  it('a notification signed with the platform certificate verifies and applies once, its duplicate too', async () => {
    // Prepare
    const certificate = s.sandbox.platformCertificates.list()[0]!;
    const { token, appointment, order, raws } = await capturedPayment();
    const genuine = raws[0]!;

    // Act
    const first = await s.postNotification(genuine);
    const duplicate = await s.postNotification(genuine);

    // Assess
    expect(genuine.headers['wechatpay-serial']).toBe(certificate.serialNo);
    expect(first).toEqual({ status: 204, body: '' });
    expect(duplicate).toEqual({ status: 204, body: '' });
    expect(await settled(token, appointment.id, order.paymentId)).toEqual(APPLIED_ONCE);
  });

  it('forged under the certificate serial, tampered or naming an unlisted serial: 401 FAIL, nothing changes', async () => {
    // Prepare
    const certificate = s.sandbox.platformCertificates.list()[0]!;
    const { token, appointment, order, raws } = await capturedPayment();
    const genuine = raws[0]!;
    const forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged: RawNotification = {
      headers: wechatpaySignatureHeaders(
        genuine.body,
        { privateKey: forgerKey, serial: certificate.serialNo },
        clock,
      ),
      body: genuine.body,
    };
    const tampered = {
      ...genuine,
      body: genuine.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '),
    };
    const unlisted = { ...genuine, headers: { ...genuine.headers, 'wechatpay-serial': '6'.repeat(40) } };

    // Act
    const refusals = [
      await s.postNotification(forged),
      await s.postNotification(tampered),
      await s.postNotification(unlisted),
    ];
    const afterRefusals = await s.paymentOf(token, appointment.id);
    const accepted = await s.postNotification(genuine);

    // Assess
    expect(refusals.map((r) => [r.status, json(r)])).toEqual([
      [401, FAIL_SIGNATURE],
      [401, FAIL_SIGNATURE],
      [401, FAIL_SIGNATURE],
    ]);
    expect(afterRefusals.status).toBe('paying');
    expect(accepted.status).toBe(204);
    expect((await settled(token, appointment.id, order.paymentId)).ledgerLines).toBe(1);
  });

  it('a new certificate signing notifications: the unknown serial makes the API download again, then it applies', async () => {
    // Prepare: WeChat lists a second certificate and signs notifications with it
    const warm = await s.hold();
    await s.pay(warm.token, warm.appointment.id); // by now the API has downloaded the certificates
    const next = s.sandbox.platformCertificates.publish();
    s.sandbox.platformCertificates.signWith(next.serialNo, 'notifications');
    advance(2 * MINUTE);
    const { token, appointment } = await s.hold();
    const order = await s.pay(token, appointment.id);

    // Act: delivered by the sandbox straight to the API
    await s.sandbox.pay(order.outTradeNo);

    // Assess
    const deliveries = s.sandbox.deliveries().filter((d) => d.outTradeNo === order.outTradeNo);
    expect(deliveries.map((d) => d.status)).toEqual([204]);
    expect(await settled(token, appointment.id, order.paymentId)).toMatchObject({
      payment: 'paid',
      appointment: 'booked',
      ledgerLines: 1,
    });
  });

  it('certificates that cannot be downloaded now: 500 with WeChat’s FAIL body; the re-sent notification applies', async () => {
    // Prepare: a certificate the API has not seen signs the notification; WeChat's API then fails once
    const rotated = s.sandbox.platformCertificates.publish();
    s.sandbox.platformCertificates.signWith(rotated.serialNo, 'notifications');
    advance(2 * MINUTE);
    const { token, appointment, order, raws } = await capturedPayment();
    s.sandbox.setSwitches({ failNextRequests: 1 });

    // Act
    const unavailable = await s.postNotification(raws[0]!);
    const meanwhile = await s.paymentOf(token, appointment.id);
    advance(2 * MINUTE);
    const resent = await s.postNotification(raws[0]!);

    // Assess
    expect(unavailable.status).toBe(500);
    expect(json(unavailable)).toEqual(FAIL_5XX);
    expect(meanwhile.status).toBe('paying');
    expect(resent).toEqual({ status: 204, body: '' });
    expect((await settled(token, appointment.id, order.paymentId)).ledgerLines).toBe(1);
  });

  it('DynamoDB unavailable: 500 with WeChat’s FAIL body, and the re-sent notification applies once', async () => {
    // Prepare: the payment store points at a port nothing listens on
    const { token, appointment, order, raws } = await capturedPayment();
    const working = s.api.deps.payments;
    const deadTable = createTable({
      tableName: s.api.deps.table.name,
      dynamoEndpoint: `http://127.0.0.1:${await findFreePort()}`,
      region: 'cn-north-1',
    });
    s.api.deps.payments = createPaymentStore(deadTable);

    // Act
    const unavailable = await s.postNotification(raws[0]!).finally(() => {
      s.api.deps.payments = working;
    });
    const resent = await s.postNotification(raws[0]!);

    // Assess
    expect(unavailable.status).toBe(500);
    expect(json(unavailable)).toEqual(FAIL_5XX);
    expect(resent).toEqual({ status: 204, body: '' });
    expect(await settled(token, appointment.id, order.paymentId)).toMatchObject({
      payment: 'paid',
      ledgerLines: 1,
      confirmations: 1,
    });
  });
});

describe('POST /v1/payments/wechat/notify, merchant moving to the public key (both kinds)', () => {
  useStack('payboth', 'both');

  it('copies signed with the public key and with the certificate all verify; the payment applies once', async () => {
    // Prepare
    s.sandbox.setSwitches({ duplicates: 4 });
    const { token, appointment, order, raws } = await capturedPayment(4);

    // Act
    const answers = [];
    for (const raw of raws) answers.push(await s.postNotification(raw));

    // Assess
    expect(new Set(raws.map((r) => r.headers['wechatpay-serial']))).toEqual(
      new Set([s.sandbox.platform.publicKeyId, s.sandbox.platformCertificates.list()[0]?.serialNo]),
    );
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204, 204]);
    expect(await settled(token, appointment.id, order.paymentId)).toEqual(APPLIED_ONCE);
    expect(order.amountFen).toBe(FEE_FEN);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import type { MessageListResponse, PaymentIssueView } from '@jiuyi/shared';
import { wechatpaySignatureHeaders } from '../../functions/src/adapters/wechat-pay/signing';
import { call, devToken } from '../support/http';
import { FEE_FEN, MINUTE, PAY_NOW, startPaymentStack, type PaymentStack } from '../support/payment-fixtures';

jest.setTimeout(30_000);

let s: PaymentStack;
beforeAll(async () => {
  s = await startPaymentStack('payapi');
});
afterEach(() => s.reset());
afterAll(async () => s.stop());

describe('POST /v1/appointments/{id}/payment', () => {
  it('pays over HTTP: signed requestPayment parameters, the sandbox pays, the booking is confirmed', async () => {
    // Prepare
    const { token, appointment } = await s.hold();
    expect(appointment.status).toBe('pending_payment');
    // Act
    const order = await s.pay(token, appointment.id);
    await s.sandbox.pay(order.outTradeNo);
    // Assess
    expect(order.amountFen).toBe(FEE_FEN);
    expect(order.holdExpiresAt).toBe(appointment.holdExpiresAt);
    expect(order.requestPayment.package).toMatch(/^prepay_id=wx/);
    expect(order.requestPayment.signType).toBe('RSA');
    expect(order.sandboxPayUrl).toContain(`${s.sandbox.url}/sandbox/pay?prepay_id=`);
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('booked');
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'paid', amountFen: FEE_FEN, refundedFen: 0, refunds: [] });
    expect(payment.transactionId).toMatch(/^4200\d{24}$/);
    const messages = await call<MessageListResponse>(s.api.url, 'GET', '/v1/messages', { token });
    expect(messages.body.items.map((m) => m.title)).toContain('支付成功，预约已确认');
  });

  it('asking again during the hold returns the same order; after payment it is refused', async () => {
    const { token, appointment } = await s.hold();
    const first = await s.pay(token, appointment.id);
    const second = await s.pay(token, appointment.id);
    expect(second.paymentId).toBe(first.paymentId);
    expect(second.outTradeNo).toBe(first.outTradeNo);
    expect(second.requestPayment.package).toBe(first.requestPayment.package);
    await s.sandbox.pay(first.outTradeNo);
    const third = await s.requestPayment(token, appointment.id);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('PAYMENT_ALREADY_PAID');
  });

  it('concurrent first requests share one order', async () => {
    const { token, appointment } = await s.hold();
    const results = await Promise.all([1, 2, 3, 4].map(() => s.requestPayment(token, appointment.id)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.paymentId)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.requestPayment.package)).size).toBe(1);
  });

  it('after the hold ends: 409 PAYMENT_HOLD_EXPIRED; someone else’s appointment: 404', async () => {
    const { token, appointment } = await s.hold();
    const other = await s.hold();
    expect((await s.requestPayment(other.token, appointment.id)).status).toBe(404);
    s.setClock(new Date(PAY_NOW.getTime() + 16 * MINUTE));
    const late = await s.requestPayment(token, appointment.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('PAYMENT_HOLD_EXPIRED');
  });

  it('a free booking needs no payment; no payment yet reads as 404', async () => {
    // Prepare
    const { slotIds } = await s.fixtures.makeSession('free', {
      capacityOnline: 2,
      feeFen: 0,
      date: '2025-10-15',
    });
    const account = await s.fixtures.makeAccount(1);
    const free = await s.fixtures.book(account.token, slotIds[0]!, account.patientIds[0]!);
    const { token, appointment } = await s.hold();
    // Act
    const refused = await s.requestPayment(account.token, free.body.id);
    const none = await call<{ error: { code: string } }>(
      s.api.url,
      'GET',
      `/v1/appointments/${appointment.id}/payment`,
      {
        token,
      },
    );
    // Assess
    expect(free.body.status).toBe('booked');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PAYMENT_NOT_REQUIRED');
    expect(none.status).toBe(404);
  });

  it('refuses an unknown field in the body with 400', async () => {
    const { token, appointment } = await s.hold();
    const res = await s.requestPayment(token, appointment.id, { amountFen: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /v1/payments/wechat/notify', () => {
  it('forged, tampered and stale notifications get 401 and change nothing; the genuine one applies once', async () => {
    // Prepare: capture the genuine notification instead of letting it through.
    const receiver = await s.captureNotifications();
    const before = receiver.received.length;
    const { token, appointment } = await s.hold();
    const order = await s.pay(token, appointment.id);
    await s.sandbox.pay(order.outTradeNo);
    const genuine = (await receiver.waitFor(before + 1))[before]!;
    const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forgedHeaders = wechatpaySignatureHeaders(
      genuine.body,
      { privateKey: attacker, serial: s.sandbox.platform.publicKeyId },
      PAY_NOW,
    );
    const tamperedBody = genuine.body.replace(
      /"ciphertext":"(.)/,
      (_, c: string) => `"ciphertext":"${c === 'A' ? 'B' : 'A'}`,
    );
    // Act
    const forged = await s.postNotification({ headers: forgedHeaders, body: genuine.body });
    const tampered = await s.postNotification({ headers: genuine.headers, body: tamperedBody });
    const unsigned = await s.postNotification({ headers: {}, body: genuine.body });
    s.setClock(new Date(PAY_NOW.getTime() + 6 * MINUTE));
    const stale = await s.postNotification(genuine);
    s.setClock(PAY_NOW);
    const afterRefusals = await s.paymentOf(token, appointment.id);
    const accepted = await s.postNotification(genuine);
    const duplicate = await s.postNotification(genuine);
    // Assess
    for (const refused of [forged, tampered, unsigned, stale]) {
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toEqual({ code: 'FAIL', message: '签名验证失败' });
    }
    expect(afterRefusals.status).toBe('paying');
    expect(accepted).toEqual({ status: 204, body: '' });
    expect(duplicate).toEqual({ status: 204, body: '' });
    expect((await s.paymentOf(token, appointment.id)).status).toBe('paid');
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('booked');
    const ledger = await s.api.deps.payments.ledger('2025-10-13');
    expect(ledger.filter((l) => l.paymentId === order.paymentId)).toHaveLength(1);
    const messages = await call<MessageListResponse>(s.api.url, 'GET', '/v1/messages', { token });
    expect(messages.body.items.filter((m) => m.title === '支付成功，预约已确认')).toHaveLength(1);
  });

  it('duplicated deliveries (sandbox switch ×3) book once', async () => {
    s.sandbox.setSwitches({ duplicates: 3 });
    const { token, appointment } = await s.hold();
    const order = await s.pay(token, appointment.id);
    await s.sandbox.pay(order.outTradeNo);
    const deliveries = s.sandbox.deliveries().filter((d) => d.outTradeNo === order.outTradeNo);
    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    const ledger = await s.api.deps.payments.ledger('2025-10-13');
    expect(ledger.filter((l) => l.paymentId === order.paymentId)).toHaveLength(1);
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('booked');
  });

  it('reordered notifications (newest first) each apply to their own order', async () => {
    s.sandbox.setSwitches({ reorder: true });
    const a = await s.hold();
    const b = await s.hold();
    const orderA = await s.pay(a.token, a.appointment.id);
    const orderB = await s.pay(b.token, b.appointment.id);
    await s.sandbox.pay(orderA.outTradeNo);
    await s.sandbox.pay(orderB.outTradeNo);
    expect((await s.paymentOf(a.token, a.appointment.id)).status).toBe('paying');
    s.sandbox.setSwitches({ reorder: false, duplicates: 2 });
    expect(await s.sandbox.flushHeld()).toBe(2);
    const sent = s.sandbox
      .deliveries()
      .filter((d) => d.outcome === 'delivered')
      .slice(-4);
    expect(sent.map((d) => d.outTradeNo)).toEqual([
      orderB.outTradeNo,
      orderB.outTradeNo,
      orderA.outTradeNo,
      orderA.outTradeNo,
    ]);
    expect((await s.appointmentOf(a.token, a.appointment.id)).status).toBe('booked');
    expect((await s.appointmentOf(b.token, b.appointment.id)).status).toBe('booked');
  });

  it('an amount that does not match confirms nothing and is listed for staff', async () => {
    // Prepare: the stored amount differs from what WeChat was asked to collect.
    const { token, appointment } = await s.hold();
    const order = await s.pay(token, appointment.id);
    await s.setExpectedAmount(order.paymentId, FEE_FEN - 300);
    // Act
    await s.sandbox.pay(order.outTradeNo);
    // Assess
    expect(
      s.sandbox
        .deliveries()
        .filter((d) => d.outTradeNo === order.outTradeNo)
        .map((d) => d.status),
    ).toEqual([204]);
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('pending_payment');
    expect((await s.paymentOf(token, appointment.id)).status).toBe('paying');
    const staff = await devToken(s.api.url, 'payapi-staff', 'outpatient_staff');
    const issues = await call<{ items: PaymentIssueView[] }>(s.api.url, 'GET', '/v1/payment-issues', {
      token: staff,
    });
    expect(issues.status).toBe(200);
    expect(issues.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'amount_mismatch',
          paymentId: order.paymentId,
          expectedFen: FEE_FEN - 300,
          reportedFen: FEE_FEN,
        }),
      ]),
    );
    const ledger = await s.api.deps.payments.ledger('2025-10-13');
    expect(ledger.filter((l) => l.paymentId === order.paymentId)).toHaveLength(0);
  });
});

import { toShanghaiIso, type MessageListResponse, type PaymentIssueView } from '@jiuyi/shared';
import { applyOrderFacts } from '../../functions/src/use-cases/payments/confirm-payment';
import type { ErrorBody } from '../support/appointment-fixtures';
import { call, devToken } from '../support/http';
import { FEE_FEN, PAY_NOW, startPaymentStack, type PaymentStack } from '../support/payment-fixtures';

jest.setTimeout(30_000);

let s: PaymentStack;
beforeAll(async () => {
  s = await startPaymentStack('paymismatch');
});
afterEach(() => s.reset());
afterAll(async () => s.stop());

/** What WeChat was asked to collect (FEE_FEN) differs from what the payment now expects. */
const EXPECTED_FEN = FEE_FEN - 300;
const LEDGER_DATE = '2025-10-13';

/** A patient pays FEE_FEN for a payment whose stored amount is EXPECTED_FEN: flagged, nothing confirmed. */
async function mismatchedPayment() {
  const { token, appointment } = await s.hold();
  const order = await s.pay(token, appointment.id);
  await s.setExpectedAmount(order.paymentId, EXPECTED_FEN);
  await s.sandbox.pay(order.outTradeNo);
  const issue = (await s.api.deps.payments.listIssues(100)).find(
    (i) => i.kind === 'amount_mismatch' && i.paymentId === order.paymentId,
  );
  if (!issue) throw new Error('the mismatch was not flagged');
  return { token, appointment, order, issue };
}

function refundIssue(token: string, issueId: string, body: unknown = { reason: '支付金额与挂号费不符' }) {
  return call<PaymentIssueView & ErrorBody>(
    s.api.url,
    'POST',
    `/v1/payment-issues/${encodeURIComponent(issueId)}/refund`,
    { token, body },
  );
}

const refundDeliveries = (outTradeNo: string) =>
  s.sandbox.deliveries().filter((d) => d.outTradeNo === outTradeNo && d.eventType === 'REFUND.SUCCESS');

describe('POST /v1/payment-issues/{id}/refund', () => {
  it('refunds the reported amount in full: WeChat, ledger, issue resolved, audited, booking not confirmed', async () => {
    // Prepare
    const { token, appointment, order, issue } = await mismatchedPayment();
    const staff = await devToken(s.api.url, 'paymismatch-staff-1', 'outpatient_staff');
    // Act
    const res = await refundIssue(staff, issue.id);
    await s.sandbox.idle();
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: issue.id,
      kind: 'amount_mismatch',
      resolution: { amountFen: FEE_FEN, reason: '支付金额与挂号费不符', at: toShanghaiIso(PAY_NOW) },
    });
    const refundId = res.body.resolution?.refundId ?? '';
    const deliveries = refundDeliveries(order.outTradeNo);
    expect(deliveries.map((d) => d.status)).toEqual([204]);
    const wechat = await (await s.ports()).gateway.queryRefund(deliveries[0]?.outRefundNo ?? '');
    expect(wechat).toMatchObject({ status: 'SUCCESS', refundFen: FEE_FEN, totalFen: FEE_FEN });
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN, refundingFen: 0 });
    expect(payment.refunds).toEqual([
      expect.objectContaining({ id: refundId, amountFen: FEE_FEN, status: 'succeeded' }),
    ]);
    const ledger = (await s.api.deps.payments.ledger(LEDGER_DATE)).filter(
      (l) => l.paymentId === order.paymentId,
    );
    expect(ledger.map((l) => [l.kind, l.amountFen]).sort()).toEqual([
      ['payment', FEE_FEN],
      ['refund', FEE_FEN],
    ]);
    const issues = await call<{ items: PaymentIssueView[] }>(s.api.url, 'GET', '/v1/payment-issues', {
      token: staff,
    });
    expect(issues.body.items.find((i) => i.id === issue.id)?.resolution).toMatchObject({
      refundId,
      refundStatus: 'succeeded',
      amountFen: FEE_FEN,
    });
    const audit = (await s.paymentItems(order.paymentId)).filter((i) => i.type === 'payment_audit');
    expect(audit.map((a) => a.data)).toEqual([
      expect.objectContaining({
        action: 'mismatch_refund_requested',
        refundId,
        amountFen: FEE_FEN,
        reason: '支付金额与挂号费不符',
        actor: expect.objectContaining({ role: 'outpatient_staff' }),
        at: toShanghaiIso(PAY_NOW),
      }),
    ]);
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('pending_payment');
    const messages = await call<MessageListResponse>(s.api.url, 'GET', '/v1/messages', { token });
    expect(messages.body.items.map((m) => m.title)).toEqual(
      expect.arrayContaining(['支付金额有误，预约未完成，将全额退款', '退款成功']),
    );
  });

  it('two members of staff pressing at once refund once; a repeat is a clear 409', async () => {
    // Prepare
    const { token, appointment, order, issue } = await mismatchedPayment();
    const [a, b] = await Promise.all([
      devToken(s.api.url, 'paymismatch-staff-2', 'outpatient_staff'),
      devToken(s.api.url, 'paymismatch-admin', 'admin'),
    ]);
    // Act
    const results = await Promise.all([refundIssue(a, issue.id), refundIssue(b, issue.id)]);
    await s.sandbox.idle();
    const repeat = await refundIssue(a, issue.id);
    // Assess
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('PAYMENT_ISSUE_ALREADY_RESOLVED');
    expect(repeat.status).toBe(409);
    expect(repeat.body.error.code).toBe('PAYMENT_ISSUE_ALREADY_RESOLVED');
    expect(refundDeliveries(order.outTradeNo)).toHaveLength(1);
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment.refunds).toHaveLength(1);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN });
    const ledger = (await s.api.deps.payments.ledger(LEDGER_DATE)).filter(
      (l) => l.paymentId === order.paymentId,
    );
    expect(ledger).toHaveLength(2);
    const audit = (await s.paymentItems(order.paymentId)).filter((i) => i.type === 'payment_audit');
    expect(audit).toHaveLength(1);
  });

  it('a duplicate mismatched notification after the refund changes nothing', async () => {
    // Prepare
    const { token, appointment, order, issue } = await mismatchedPayment();
    const staff = await devToken(s.api.url, 'paymismatch-staff-3', 'outpatient_staff');
    await refundIssue(staff, issue.id);
    await s.sandbox.idle();
    // Act: WeChat repeats its payment notification
    const ports = await s.ports();
    const reported = await ports.gateway.queryOrder(order.outTradeNo);
    const outcome = await applyOrderFacts(ports, reported, PAY_NOW);
    // Assess
    expect(outcome).toBe('flagged');
    expect(await s.paymentOf(token, appointment.id)).toMatchObject({
      status: 'refunded',
      refundedFen: FEE_FEN,
    });
    const again = (await s.api.deps.payments.listIssues(100)).filter((i) => i.paymentId === order.paymentId);
    expect(again).toHaveLength(1);
    expect(again[0]?.resolution?.refundId).toBeDefined();
  });

  it('a patient is refused 403; an unknown id 404; another kind of issue 409; no reason 400', async () => {
    // Prepare
    const { token, issue } = await mismatchedPayment();
    const staff = await devToken(s.api.url, 'paymismatch-staff-4', 'outpatient_staff');
    await s.api.deps.payments.flagIssue({
      id: 'unknown_order-0123456789abcdef0123456789abcdef-4200000000000000000000000001',
      kind: 'unknown_order',
      outTradeNo: '0123456789abcdef0123456789abcdef',
      transactionId: '4200000000000000000000000001',
      reportedFen: FEE_FEN,
      detail: '收到未知商户订单号的支付',
      at: toShanghaiIso(PAY_NOW),
    });
    // Act
    const patient = await refundIssue(token, issue.id);
    const unknown = await refundIssue(staff, 'amount_mismatch-00000000-0000-4000-8000-000000000000-42');
    const otherKind = await refundIssue(
      staff,
      'unknown_order-0123456789abcdef0123456789abcdef-4200000000000000000000000001',
    );
    const noReason = await refundIssue(staff, issue.id, {});
    // Assess
    expect(patient.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('PAYMENT_ISSUE_NOT_FOUND');
    expect(otherKind.status).toBe(409);
    expect(otherKind.body.error.code).toBe('PAYMENT_ISSUE_NOT_REFUNDABLE');
    expect(noReason.status).toBe(400);
    const still = (await s.api.deps.payments.getIssue(issue.id))?.resolution;
    expect(still).toBeUndefined();
  });
});

import { toShanghaiIso } from '@jiuyi/shared';
import type {
  MessageListResponse,
  StaffPaymentView,
  StaffRefundView,
  Statement,
  StatementSummary,
} from '@jiuyi/shared';
import { releaseHold } from '../../functions/src/use-cases/appointments/release-expired-holds';
import { releaseExpiredHolds } from '../../functions/src/use-cases/appointments/release-expired-holds';
import { closeAppointmentOrder } from '../../functions/src/use-cases/payments/close-unpaid-payment';
import { reconcilePayments } from '../../functions/src/use-cases/payments/reconcile-payments';
import type { ErrorBody } from '../support/appointment-fixtures';
import { call, devToken } from '../support/http';
import { FEE_FEN, MINUTE, PAY_NOW, startPaymentStack, type PaymentStack } from '../support/payment-fixtures';

jest.setTimeout(30_000);

let s: PaymentStack;
beforeAll(async () => {
  s = await startPaymentStack('payrefund');
});
afterEach(() => s.reset());
afterAll(async () => s.stop());

const later = (minutes: number) => new Date(PAY_NOW.getTime() + minutes * MINUTE);

async function paidBooking() {
  const h = await s.hold();
  const order = await s.pay(h.token, h.appointment.id);
  await s.sandbox.pay(order.outTradeNo);
  return { ...h, order };
}

function cancel(token: string, appointmentId: string) {
  return call<{ status: string; refundRequired?: boolean } & ErrorBody>(
    s.api.url,
    'POST',
    `/v1/appointments/${appointmentId}/cancel`,
    { token, body: {} },
  );
}

describe('refunds', () => {
  it('cancelling a paid booking refunds the payment in full; the refund notification settles it', async () => {
    // Prepare
    const { token, appointment, order } = await paidBooking();
    const bookedBefore = await s.fixtures.bookedOnline(s.slotId);
    // Act
    const res = await cancel(token, appointment.id);
    await s.sandbox.idle();
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', refundRequired: true });
    expect(await s.fixtures.bookedOnline(s.slotId)).toBe(bookedBefore - 1);
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN, refundingFen: 0 });
    expect(payment.refunds).toEqual([
      expect.objectContaining({ amountFen: FEE_FEN, status: 'succeeded', cause: 'appointment_cancelled' }),
    ]);
    const refundNotes = s.sandbox
      .deliveries()
      .filter((d) => d.outTradeNo === order.outTradeNo && d.eventType === 'REFUND.SUCCESS');
    expect(refundNotes.map((d) => d.status)).toEqual([204]);
    const messages = await call<MessageListResponse>(s.api.url, 'GET', '/v1/messages', { token });
    expect(messages.body.items.map((m) => m.title)).toContain('退款成功');
    const due = await s.api.deps.payments.listRefundsDue(toShanghaiIso(later(60)), 100);
    expect(due.map((a) => a.id)).not.toContain(appointment.id);
  });

  it('a transient refund error is retried until WeChat accepts it', async () => {
    const { token, appointment } = await paidBooking();
    s.sandbox.setSwitches({ failNextRequests: 2 });
    const res = await cancel(token, appointment.id);
    await s.sandbox.idle();
    expect(res.status).toBe(200);
    expect(s.sandbox.switches().failNextRequests).toBe(0);
    expect((await s.paymentOf(token, appointment.id)).status).toBe('refunded');
  });

  it('a refund still failing after the retries waits in `requested` and the reconciliation sends it', async () => {
    const { token, appointment } = await paidBooking();
    s.sandbox.setSwitches({ failNextRequests: 3 });
    expect((await cancel(token, appointment.id)).status).toBe(200);
    const waiting = await s.paymentOf(token, appointment.id);
    expect(waiting.status).toBe('refunding');
    expect(waiting.refunds.map((r) => r.status)).toEqual(['requested']);
    s.setClock(later(2));
    const report = await reconcilePayments(await s.ports(), later(2));
    await s.sandbox.idle();
    expect(report.refunds.sent).toBeGreaterThanOrEqual(1);
    expect((await s.paymentOf(token, appointment.id)).status).toBe('refunded');
  });

  it('a payment that lands after its hold was released is refunded in full and the patient told', async () => {
    // Prepare: the payer pays in time, the notification is late, the hold is released meanwhile.
    const receiver = await s.captureNotifications();
    const before = receiver.received.length;
    const { token, appointment, accountId } = await s.hold();
    const order = await s.pay(token, appointment.id);
    await s.sandbox.pay(order.outTradeNo);
    const late = (await receiver.waitFor(before + 1))[before]!;
    s.deliverToApi();
    const record = await s.api.deps.appointments.get(accountId, appointment.id);
    // WeChat cannot be reached to close the order, so the release goes ahead without it.
    const unreachable = { appointments: s.api.deps.appointments, closeHoldOrder: async () => 'unresolved' };
    expect(await releaseHold(unreachable, record!, later(16))).toBe(true);
    // Act
    const res = await s.postNotification(late);
    await s.sandbox.idle();
    // Assess
    expect(res.status).toBe(204);
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('cancelled');
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN });
    expect(payment.refunds).toEqual([
      expect.objectContaining({ cause: 'hold_released', status: 'succeeded' }),
    ]);
    const titles = (
      await call<MessageListResponse>(s.api.url, 'GET', '/v1/messages', { token })
    ).body.items.map((m) => m.title);
    expect(titles).toEqual(expect.arrayContaining(['支付到账时号源已释放，将全额退款', '退款成功']));
  });

  it('the scheduled release closes the unpaid WeChat order first, so nothing can be paid after', async () => {
    const { token, appointment, order } = await (async () => {
      const h = await s.hold();
      return { ...h, order: await s.pay(h.token, h.appointment.id) };
    })();
    const ports = await s.ports();
    const result = await releaseExpiredHolds(
      {
        appointments: s.api.deps.appointments,
        closeHoldOrder: (a) => closeAppointmentOrder(ports, a, later(16)),
      },
      later(16),
    );
    expect(result.released).toBeGreaterThanOrEqual(1);
    expect((await s.paymentOf(token, appointment.id)).status).toBe('closed');
    expect((await ports.gateway.queryOrder(order.outTradeNo)).tradeState).toBe('CLOSED');
    await expect(s.sandbox.pay(order.outTradeNo)).rejects.toThrow();
  });

  it('a refund WeChat ends ABNORMAL is failed, the money counts as paid again, and staff see it', async () => {
    const { token, appointment, order } = await paidBooking();
    s.sandbox.setSwitches({ refundOutcome: 'ABNORMAL' });
    expect((await cancel(token, appointment.id)).status).toBe(200);
    await s.sandbox.idle();
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'paid', refundedFen: 0, refundingFen: 0 });
    expect(payment.refunds.map((r) => r.status)).toEqual(['failed']);
    const staff = await devToken(s.api.url, 'payrefund-issues', 'admin');
    const issues = await call<{ items: Array<{ kind: string; paymentId?: string }> }>(
      s.api.url,
      'GET',
      '/v1/payment-issues',
      { token: staff },
    );
    expect(issues.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'refund_failed', paymentId: order.paymentId }),
      ]),
    );
  });

  it('staff refund: reason required, amount checked, who/when/why audited', async () => {
    const { token, appointment, order } = await paidBooking();
    const staff = await devToken(s.api.url, 'payrefund-staff', 'outpatient_staff');
    const { accountId: staffId } = await s.api.deps.tokens.verify(staff);
    const path = `/v1/payments/${order.paymentId}/refunds`;
    const noReason = await call<ErrorBody>(s.api.url, 'POST', path, { token: staff, body: {} });
    const tooMuch = await call<ErrorBody>(s.api.url, 'POST', path, {
      token: staff,
      body: { reason: '检查项目未执行', amountFen: FEE_FEN + 1 },
    });
    const res = await call<StaffRefundView>(s.api.url, 'POST', path, {
      token: staff,
      body: { reason: '检查项目未执行', amountFen: 500 },
    });
    await s.sandbox.idle();
    expect(noReason.status).toBe(400);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('REFUND_AMOUNT_EXCEEDED');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountFen: 500, cause: 'staff', reason: '检查项目未执行' });
    expect(res.body.requestedBy).toEqual({ accountId: staffId, role: 'outpatient_staff' });
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'paid', refundedFen: 500, refundingFen: 0 });
    const audit = (await s.paymentItems(order.paymentId)).filter((i) => String(i.sk).startsWith('AUDIT#'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({
      action: 'refund_requested',
      amountFen: 500,
      reason: '检查项目未执行',
      actor: { accountId: staffId, role: 'outpatient_staff' },
      at: res.body.requestedAt,
    });
    const list = await call<{ items: StaffPaymentView[] }>(s.api.url, 'GET', '/v1/payments?date=2025-10-13', {
      token: staff,
    });
    const listed = list.body.items.find((p) => p.id === order.paymentId);
    expect(listed?.refunds[0]?.requestedBy?.accountId).toBe(staffId);
  });
});

describe('reconciliation', () => {
  it('a dropped payment notification is found by querying WeChat and the booking confirmed', async () => {
    s.sandbox.setSwitches({ drop: true });
    const { token, appointment, order } = await paidBooking();
    expect(
      s.sandbox
        .deliveries()
        .filter((d) => d.outTradeNo === order.outTradeNo)
        .map((d) => d.outcome),
    ).toEqual(['dropped']);
    expect((await s.paymentOf(token, appointment.id)).status).toBe('paying');
    s.setClock(later(2));
    const report = await reconcilePayments(await s.ports(), later(2));
    expect(report.payments.booked).toBeGreaterThanOrEqual(1);
    expect((await s.appointmentOf(token, appointment.id)).status).toBe('booked');
    expect((await s.paymentOf(token, appointment.id)).status).toBe('paid');
  });

  it('a refund whose notification was dropped is settled by querying WeChat', async () => {
    const { token, appointment } = await paidBooking();
    s.sandbox.setSwitches({ drop: true, refundDelayMs: 50 });
    expect((await cancel(token, appointment.id)).status).toBe(200);
    await s.sandbox.idle();
    const waiting = await s.paymentOf(token, appointment.id);
    expect(waiting.refunds.map((r) => r.status)).toEqual(['processing']);
    s.setClock(later(2));
    const report = await reconcilePayments(await s.ports(), later(2));
    expect(report.refunds.success).toBeGreaterThanOrEqual(1);
    expect(await s.paymentOf(token, appointment.id)).toMatchObject({
      status: 'refunded',
      refundedFen: FEE_FEN,
    });
  });

  it('a paid booking cancelled by another flow (e.g. a suspension) is refunded by the reconciliation', async () => {
    // Prepare: released with refundRequired, as the suspension settlement does, no refund started.
    const { token, appointment, accountId } = await paidBooking();
    const record = await s.api.deps.appointments.get(accountId, appointment.id);
    const at = '2025-10-13T09:00:00.000+08:00';
    expect(
      await s.api.deps.appointments.release(record!, { reason: 'patient', at, refundRequired: true }),
    ).toBe(true);
    expect(await s.api.deps.payments.listRefundsDue(at, 100)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: appointment.id })]),
    );
    // Act: twice, as overlapping runs would.
    const first = await reconcilePayments(await s.ports(), later(1));
    await reconcilePayments(await s.ports(), later(2));
    await s.sandbox.idle();
    // Assess
    expect(first.refundsDue.refunding).toBeGreaterThanOrEqual(1);
    const payment = await s.paymentOf(token, appointment.id);
    expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN });
    expect(payment.refunds).toHaveLength(1);
    expect(await s.api.deps.payments.listRefundsDue(toShanghaiIso(later(5)), 100)).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ id: appointment.id })]),
    );
  });

  it('an unpaid order past its hold is closed by the reconciliation', async () => {
    const h = await s.hold();
    await s.pay(h.token, h.appointment.id);
    s.setClock(later(17));
    await reconcilePayments(await s.ports(), later(17));
    expect((await s.paymentOf(h.token, h.appointment.id)).status).toBe('closed');
  });
});

describe('statements', () => {
  it('totals of a day match its lines; staff list days and download the CSV', async () => {
    // Prepare: one more payment and one refund on top of whatever this file did before.
    const staff = await devToken(s.api.url, 'payrefund-statements', 'admin');
    const before = await call<Statement>(s.api.url, 'GET', '/v1/payment-statements/2025-10-13', {
      token: staff,
    });
    const kept = await paidBooking();
    const refunded = await paidBooking();
    await cancel(refunded.token, refunded.appointment.id);
    await s.sandbox.idle();
    // Act
    const day = await call<Statement>(s.api.url, 'GET', '/v1/payment-statements/2025-10-13', {
      token: staff,
    });
    const days = await call<{ items: StatementSummary[] }>(
      s.api.url,
      'GET',
      '/v1/payment-statements?from=2025-10-12&to=2025-10-13',
      { token: staff },
    );
    const csv = await fetch(`${s.api.url}/v1/payment-statements/2025-10-13/csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const text = await csv.text();
    // Assess
    expect(day.status).toBe(200);
    expect(day.body.paymentCount).toBe(before.body.paymentCount + 2);
    expect(day.body.paymentsFen).toBe(before.body.paymentsFen + 2 * FEE_FEN);
    expect(day.body.refundsFen).toBe(before.body.refundsFen + FEE_FEN);
    const sum = (kind: string) =>
      day.body.lines.filter((l) => l.kind === kind).reduce((total, l) => total + l.amountFen, 0);
    expect(day.body.paymentsFen).toBe(sum('payment'));
    expect(day.body.refundsFen).toBe(sum('refund'));
    expect(day.body.netFen).toBe(day.body.paymentsFen - day.body.refundsFen);
    expect(day.body.lines.map((l) => l.outTradeNo)).toContain(kept.order.outTradeNo);
    expect(days.body.items.map((d) => d.date)).toEqual(['2025-10-12', '2025-10-13']);
    expect(days.body.items[0]).toMatchObject({ paymentCount: 0, netFen: 0 });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('statement-2025-10-13.csv');
    const rows = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('类型,时间,商户订单号,微信支付单号,商户退款单号,金额(分),金额(元),说明');
    expect(rows.filter((r) => r.startsWith('收款,') || r.startsWith('退款,'))).toHaveLength(
      day.body.lines.length,
    );
    expect(rows.at(-1)).toContain(`净额,2025-10-13,,,,${day.body.netFen},`);
    const patient = await call<ErrorBody>(s.api.url, 'GET', '/v1/payment-statements/2025-10-13/csv', {
      token: kept.token,
    });
    expect(patient.status).toBe(403);
  });
});

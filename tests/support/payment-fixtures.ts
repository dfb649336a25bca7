import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  appointmentPaymentResponseSchema,
  paymentViewSchema,
  type AppointmentPaymentResponse,
  type AppointmentView,
  type PaymentView,
} from '@jiuyi/shared';
import type { RawNotification } from '../../functions/src/ports/payment-gateway';
import {
  startWechatPaySandbox,
  type WechatPaySandbox,
  type WechatPaySandboxOptions,
} from '../../functions/src/local/wechat-pay-sandbox/sandbox';
import {
  startNotificationReceiver,
  type NotificationReceiver,
} from '../../functions/src/local/wechat-pay-sandbox/notification-receiver';
import { paymentPortsOf } from '../../functions/src/handlers/payment-ports';
import type { PaymentPorts } from '../../functions/src/use-cases/payments/payment-ports';
import { appointmentFixtures, type ErrorBody } from './appointment-fixtures';
import { call } from './http';
import { startTestApi, type TestApi } from './test-stack';

/** Monday 13 October 2025, 09:00 Shanghai (the seed materialises the following week). */
export const PAY_NOW = new Date('2025-10-13T01:00:00Z');
export const SESSION_DATE = '2025-10-15';
export const FEE_FEN = 1500;
export const MINUTE = 60_000;

/**
 * A test API wired to its own WeChat Pay sandbox, both on one movable clock: requests, responses
 * and notifications are signed and checked against the same time, as in production. The sandbox
 * and the API's client share the verify mode (`publicKey` unless given).
 */
export async function startPaymentStack(
  prefix: string,
  options: Pick<WechatPaySandboxOptions, 'verifyMode'> = {},
) {
  let clock = PAY_NOW;
  const now = () => clock;
  const sandbox: WechatPaySandbox = await startWechatPaySandbox({ now, ...options });
  const api: TestApi = await startTestApi({ now }, { wechatPay: sandbox });
  const fixtures = appointmentFixtures(api, prefix);
  const { slotIds } = await fixtures.makeSession('pay', {
    capacityOnline: 40,
    feeFen: FEE_FEN,
    date: SESSION_DATE,
  });
  const slotId = slotIds[0] as string;
  const apiNotifyUrl = api.deps.paymentSettings.notifyUrl;
  let receiver: NotificationReceiver | undefined;

  /** A patient with one fresh pending_payment appointment. */
  async function hold(): Promise<{ token: string; accountId: string; appointment: AppointmentView }> {
    const account = await fixtures.makeAccount(1);
    const res = await fixtures.book(account.token, slotId, account.patientIds[0] as string);
    if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: account.token, accountId: account.accountId, appointment: res.body };
  }

  function requestPayment(token: string, appointmentId: string, body: Record<string, unknown> = {}) {
    return call<AppointmentPaymentResponse & ErrorBody>(
      api.url,
      'POST',
      `/v1/appointments/${appointmentId}/payment`,
      {
        token,
        body,
      },
    );
  }

  async function pay(token: string, appointmentId: string): Promise<AppointmentPaymentResponse> {
    const res = await requestPayment(token, appointmentId);
    if (res.status !== 200) throw new Error(`payment: ${res.status} ${JSON.stringify(res.body)}`);
    return appointmentPaymentResponseSchema.parse(res.body);
  }

  async function paymentOf(token: string, appointmentId: string): Promise<PaymentView> {
    const res = await call<PaymentView>(api.url, 'GET', `/v1/appointments/${appointmentId}/payment`, {
      token,
    });
    if (res.status !== 200) throw new Error(`payment view: ${res.status} ${JSON.stringify(res.body)}`);
    return paymentViewSchema.parse(res.body);
  }

  async function appointmentOf(token: string, appointmentId: string): Promise<AppointmentView> {
    return (await call<AppointmentView>(api.url, 'GET', `/v1/appointments/${appointmentId}`, { token })).body;
  }

  /** From now on WeChat's notifications go to a recorder, for the test to deliver (or tamper with) itself. */
  async function captureNotifications(): Promise<NotificationReceiver> {
    receiver ??= await startNotificationReceiver();
    api.deps.paymentSettings = { ...api.deps.paymentSettings, notifyUrl: receiver.url };
    return receiver;
  }

  function deliverToApi(): void {
    api.deps.paymentSettings = { ...api.deps.paymentSettings, notifyUrl: apiNotifyUrl };
  }

  /** Posts a notification to the API as WeChat would: the exact body and WeChat's headers. */
  async function postNotification(raw: RawNotification): Promise<{ status: number; body: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [k, v] of Object.entries(raw.headers))
      if (v !== undefined && k.toLowerCase().startsWith('wechatpay-')) headers[k] = v;
    const res = await fetch(apiNotifyUrl, { method: 'POST', headers, body: raw.body });
    return { status: res.status, body: await res.text() };
  }

  /** Every item of one payment's partition (payment, refunds, audit entries). */
  async function paymentItems(paymentId: string): Promise<Record<string, unknown>[]> {
    const { Items = [] } = await api.deps.table.doc.send(
      new QueryCommand({
        TableName: api.deps.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `PAYMENT#${paymentId}` },
        ConsistentRead: true,
      }),
    );
    return Items;
  }

  /** Changes what the stored payment expects after WeChat was asked for its amount: a mismatch to come. */
  async function setExpectedAmount(paymentId: string, amountFen: number): Promise<void> {
    await api.deps.table.doc.send(
      new UpdateCommand({
        TableName: api.deps.table.name,
        Key: { pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' },
        UpdateExpression: 'SET #d.amountFen = :changed',
        ExpressionAttributeNames: { '#d': 'data' },
        ExpressionAttributeValues: { ':changed': amountFen },
      }),
    );
  }

  async function ports(): Promise<PaymentPorts> {
    return paymentPortsOf(api.deps);
  }

  /** Undoes what a test may have changed: the clock, the notification target and the sandbox's switches. */
  function reset(): void {
    clock = PAY_NOW;
    deliverToApi();
    sandbox.setSwitches({
      duplicates: 1,
      reorder: false,
      drop: false,
      failNextRequests: 0,
      refundDelayMs: 0,
      refundOutcome: 'SUCCESS',
    });
  }

  return {
    api,
    sandbox,
    fixtures,
    slotId,
    setClock: (next: Date) => {
      clock = next;
    },
    now,
    hold,
    requestPayment,
    pay,
    paymentOf,
    appointmentOf,
    captureNotifications,
    deliverToApi,
    postNotification,
    paymentItems,
    setExpectedAmount,
    ports,
    reset,
    async stop() {
      await receiver?.close();
      await sandbox.close();
      await api.stop();
    },
  };
}

export type PaymentStack = Awaited<ReturnType<typeof startPaymentStack>>;

import Taro from '@tarojs/taro';
import { appointmentPaymentResponseSchema, paymentViewSchema } from '@jiuyi/shared';
import type { AppointmentPaymentResponse, PaymentView } from '@jiuyi/shared';
import { ApiError } from './client';
import { authedRequest } from './session';

const paymentPath = (appointmentId: string) =>
  `/v1/appointments/${encodeURIComponent(appointmentId)}/payment`;

/** POST /v1/appointments/{id}/payment — the WeChat Pay order for the hold (the same one on a retry). */
export async function startPayment(
  appointmentId: string,
  returnUrl?: string,
): Promise<AppointmentPaymentResponse> {
  return authedRequest(paymentPath(appointmentId), appointmentPaymentResponseSchema, {
    method: 'POST',
    body: returnUrl ? { returnUrl } : {},
  });
}

/** GET /v1/appointments/{id}/payment — the receipt and refunds; undefined before any payment was started. */
export async function getPayment(appointmentId: string): Promise<PaymentView | undefined> {
  try {
    return await authedRequest(paymentPath(appointmentId), paymentViewSchema);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'ROUTE_NOT_FOUND'))
      return undefined;
    throw error;
  }
}

export type PayOutcome = 'paid' | 'cancelled' | 'failed' | 'redirected';

/**
 * Opens WeChat's payment sheet on weapp. In the H5 local demo there is no sheet: the browser goes to
 * the sandbox's pay page, which comes back to `returnUrl` with `sandbox_pay=ok|cancel|fail`.
 */
export async function pay(order: AppointmentPaymentResponse, returnUrl: string): Promise<PayOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    if (!order.sandboxPayUrl) return 'failed';
    const joiner = order.sandboxPayUrl.includes('?') ? '&' : '?';
    const url = order.sandboxPayUrl.includes('return=')
      ? order.sandboxPayUrl
      : `${order.sandboxPayUrl}${joiner}return=${encodeURIComponent(returnUrl)}`;
    window.location.href = url;
    return 'redirected';
  }
  try {
    await Taro.requestPayment({ ...order.requestPayment });
    return 'paid';
  } catch (error) {
    const message = (error as { errMsg?: string } | undefined)?.errMsg ?? '';
    return message.includes('cancel') ? 'cancelled' : 'failed';
  }
}

import { DomainError, toShanghaiIso, type ErrorCode } from '@jiuyi/shared';
import { WechatPayError } from '../../ports/payment-gateway';
import type { PaymentRecord } from '../../ports/payment-store';
import type { PaymentPorts } from './payment-ports';

type PrepayPorts = Pick<PaymentPorts, 'gateway' | 'payments' | 'settings'>;

/** WeChat's answer to an order as the patient's error. */
function orderError(error: WechatPayError): DomainError {
  if (error.code === 'ORDERPAID') return new DomainError('PAYMENT_ALREADY_PAID');
  if (error.code === 'ORDER_CLOSED') return new DomainError('PAYMENT_HOLD_EXPIRED');
  return new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', { details: { provider: error.code } });
}

/**
 * Places the WeChat order of a `created` payment, expiring with its hold, and records its prepay id;
 * a concurrent request doing the same gets the same id from WeChat, and the one that recorded it
 * second reads it back. `lostRace` is the error when the payment moved on meanwhile.
 */
export async function obtainPrepayId(
  ports: PrepayPorts,
  payment: PaymentRecord,
  now: Date,
  lostRace: ErrorCode,
): Promise<string> {
  let prepayId: string;
  try {
    ({ prepayId } = await ports.gateway.createJsapiOrder({
      outTradeNo: payment.outTradeNo,
      description: payment.description,
      amountFen: payment.amountFen,
      payerOpenid: payment.payerOpenid,
      timeExpire: new Date(payment.expiresAt),
      notifyUrl: ports.settings.notifyUrl,
    }));
  } catch (error) {
    if (error instanceof WechatPayError) throw orderError(error);
    throw error;
  }
  if (await ports.payments.markPaying(payment, prepayId, toShanghaiIso(now))) return prepayId;
  const current = await ports.payments.get(payment.id);
  if (current?.status === 'paying' && current.prepayId) return current.prepayId;
  throw new DomainError(lostRace);
}

/**
 * What the mini-program pays with: fresh signed `requestPayment` parameters and, in stage local,
 * the sandbox's pay page (which returns to `returnUrl`).
 */
export function payParameters(
  ports: Pick<PaymentPorts, 'gateway' | 'settings'>,
  prepayId: string,
  returnUrl: string | undefined,
) {
  const sandbox = ports.settings.sandboxUrl;
  const returnPart = returnUrl ? `&return=${encodeURIComponent(returnUrl)}` : '';
  return {
    requestPayment: ports.gateway.buildRequestPaymentParams(prepayId, ports.settings.appId),
    ...(sandbox
      ? { sandboxPayUrl: `${sandbox}/sandbox/pay?prepay_id=${encodeURIComponent(prepayId)}${returnPart}` }
      : {}),
  };
}

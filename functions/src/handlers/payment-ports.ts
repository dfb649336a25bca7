import type { Deps } from '../composition';
import { unreachablePaymentGateway } from '../adapters/wechat-pay/build-payment-gateway';
import type { PaymentPorts } from '../use-cases/payments/payment-ports';

/** The payment use cases' ports from the process's dependencies (the gateway may load keys first). */
export async function paymentPortsOf(deps: Deps): Promise<PaymentPorts> {
  return {
    payments: deps.payments,
    appointments: deps.appointments,
    // Keys that cannot be loaded now must not break cancellations: the calls fail as transient instead.
    gateway: await deps
      .paymentGateway()
      .catch((error: unknown) =>
        unreachablePaymentGateway(error instanceof Error ? error.message : 'WeChat Pay keys unavailable'),
      ),
    payer: deps.payer,
    settings: deps.paymentSettings,
    bills: deps.bills,
    his: deps.his,
  };
}

/** Who handles money on the hospital's side: payment lists, refunds, issues and statements. */
export const PAYMENT_STAFF = ['admin', 'outpatient_staff'] as const;

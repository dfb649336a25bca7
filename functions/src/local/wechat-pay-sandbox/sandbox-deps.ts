import type { Deps } from '../../composition';
import { createWechatPayClient } from '../../adapters/wechat-pay/client';
import { fixedPaymentGateway } from '../../adapters/wechat-pay/build-payment-gateway';
import type { WechatPaySandbox } from './sandbox';

/**
 * The payment dependencies of an API that talks to a running sandbox: a real v3 client on the
 * sandbox's generated keys, notifications to `apiUrl`, and the pay page for the H5 build.
 * `now` must be the clock the sandbox runs on, or signatures look stale to one side.
 */
export function sandboxPaymentDeps(
  sandbox: WechatPaySandbox,
  apiUrl: string,
  now?: () => Date,
): Pick<Deps, 'paymentGateway' | 'paymentSettings'> {
  const client = createWechatPayClient({ ...sandbox.clientConfig(), ...(now ? { now } : {}) });
  return {
    paymentGateway: fixedPaymentGateway(client),
    paymentSettings: {
      appId: sandbox.merchant.appId,
      notifyUrl: `${apiUrl}/v1/payments/wechat/notify`,
      sandboxUrl: sandbox.url,
    },
  };
}

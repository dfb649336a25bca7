import type { AppConfig } from '../../config';
import { isWechatPayConfigured } from '../../wechat-pay-config';
import {
  NotificationVerificationError,
  WechatPayError,
  type PaymentGateway,
} from '../../ports/payment-gateway';
import { ssmSecret } from '../aws/ssm-secret';
import { createWechatPayClient, WECHAT_PAY_BASE_URL } from './client';

/** Resolves the gateway when first needed: production keys are read from SSM once per cold start. */
export type PaymentGatewayProvider = () => Promise<PaymentGateway>;

/**
 * A gateway that cannot reach any provider: every call fails as a transient WeChat Pay error, so
 * payments answer 503, refunds wait for the reconciliation, and nothing else (a cancellation) breaks.
 */
export function unreachablePaymentGateway(reason: string): PaymentGateway {
  const fail = (): never => {
    throw new WechatPayError({ status: 0, code: 'GATEWAY_UNAVAILABLE', message: reason, transient: true });
  };
  return {
    createJsapiOrder: async () => fail(),
    queryOrder: async () => fail(),
    closeOrder: async () => fail(),
    refund: async () => fail(),
    queryRefund: async () => fail(),
    buildRequestPaymentParams: () => fail(),
    parseNotification: () => Promise.reject(new NotificationVerificationError('UNKNOWN_PUBLIC_KEY', reason)),
  };
}

/** A provider for a stage with no payment provider wired. */
export function unavailablePaymentGateway(): PaymentGatewayProvider {
  return () => Promise.resolve(unreachablePaymentGateway('WeChat Pay is not configured'));
}

/** A provider for a client that is already built (the local sandbox, tests). */
export function fixedPaymentGateway(gateway: PaymentGateway): PaymentGatewayProvider {
  return () => Promise.resolve(gateway);
}

/**
 * Production WeChat Pay: merchant id, serial, verify mode and public key id from the environment;
 * the merchant private key, the APIv3 key and (modes `publicKey`, `both`) the WeChat Pay public
 * key from SSM SecureStrings. Stage `local` gets the sandbox from the local stack instead (see
 * local-stack.ts), so here it is unavailable.
 */
export function buildPaymentGateway(cfg: AppConfig): PaymentGatewayProvider {
  const pay = cfg.wechatPay;
  if (!isWechatPayConfigured(pay)) return unavailablePaymentGateway();
  const { mchId, merchantSerialNo, verifyMode } = pay;
  const privateKey = ssmSecret(cfg.region, pay.merchantPrivateKeyParam);
  const apiV3Key = ssmSecret(cfg.region, pay.apiV3KeyParam);
  const publicKeyParam = verifyMode === 'platformCertificate' ? undefined : pay.platformPublicKeyParam;
  const publicKey = publicKeyParam ? ssmSecret(cfg.region, publicKeyParam) : () => Promise.resolve(undefined);
  let gateway: Promise<PaymentGateway> | undefined;
  return () => {
    gateway ??= Promise.all([privateKey(), apiV3Key(), publicKey()]).then(([pem, v3, platformPem]) =>
      createWechatPayClient({
        baseUrl: pay.baseUrl ?? WECHAT_PAY_BASE_URL,
        mchId,
        appId: cfg.wechatAppId,
        merchantSerialNo,
        merchantPrivateKeyPem: pem,
        verifyMode,
        ...(platformPem && pay.platformPublicKeyId
          ? { platformPublicKeyPem: platformPem, platformPublicKeyId: pay.platformPublicKeyId }
          : {}),
        ...(pay.platformCertificateSerial
          ? { platformCertificateSerial: pay.platformCertificateSerial }
          : {}),
        apiV3Key: v3,
      }),
    );
    // A failed read must not be cached for the life of the function.
    gateway.catch(() => {
      gateway = undefined;
    });
    return gateway;
  };
}

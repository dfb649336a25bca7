import type { z } from 'zod';
import {
  NotificationVerificationError,
  WechatPayError,
  type PaymentGateway,
  type RequestPaymentParams,
} from '../../ports/payment-gateway';
import { parseWechatPayNotification } from './notification';
import { createPlatformCertificateStore, type PlatformCertificateStore } from './platform-certificates';
import {
  buildAuthorizationHeader,
  createNonce,
  signSha256Rsa,
  signedMessage,
  toPrivateKey,
  toPublicKey,
  unixSeconds,
  type PlatformKey,
  type WechatpaySignedMessage,
} from './signing';
import { createWechatpayVerifier, type VerifyMode } from './verifier';
import {
  errorWireSchema,
  prepayWireSchema,
  refundWireSchema,
  toBeijingRfc3339,
  toOrderStatus,
  toRefundResult,
  transactionWireSchema,
} from './wire';

export const WECHAT_PAY_BASE_URL = 'https://api.mch.weixin.qq.com';

export interface WechatPayClientConfig {
  /** `https://api.mch.weixin.qq.com` in production; the sandbox's URL locally. */
  baseUrl: string;
  mchId: string;
  appId: string;
  /** Serial number of the merchant API certificate whose private key signs our requests. */
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  /**
   * How WeChat's responses and notifications are verified (`publicKey` unless set): the public
   * key, platform certificates from `GET /v3/certificates`, or both, picked by `Wechatpay-Serial`.
   */
  verifyMode?: VerifyMode;
  /** The WeChat Pay public key that signs responses and notifications (modes `publicKey`, `both`). */
  platformPublicKeyPem?: string;
  /** `PUB_KEY_ID_…`, sent back by WeChat as `Wechatpay-Serial` (modes `publicKey`, `both`). */
  platformPublicKeyId?: string;
  /** Pins the platform certificate that must sign the first certificate download (optional). */
  platformCertificateSerial?: string;
  /** The 32-character APIv3 key that encrypts notification resources. */
  apiV3Key: string;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** Per-request timeout; a timeout is a transient error. */
  timeoutMs?: number;
}

/** Codes WeChat documents as "retry the same request later". */
const TRANSIENT_CODES = new Set([
  'SYSTEM_ERROR',
  'SYSTEMERROR',
  'BANKERROR',
  'FREQUENCY_LIMITED',
  'USERPAYING',
]);

interface CallSpec<T> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** `undefined` for endpoints that answer 204 with no body. */
  schema?: z.ZodType<T>;
}

/** The gateway, and in certificate modes the certificate cache it verifies with (for diagnostics). */
export interface WechatPayClient extends PaymentGateway {
  readonly platformCertificates?: PlatformCertificateStore;
}

interface RawAnswer extends WechatpaySignedMessage {
  status: number;
  ok: boolean;
}

function publicKeyOf(config: WechatPayClientConfig, mode: VerifyMode): PlatformKey | undefined {
  if (mode === 'platformCertificate') return undefined;
  if (!config.platformPublicKeyPem || !config.platformPublicKeyId) {
    throw new Error(`WeChat Pay verify mode ${mode} needs the WeChat Pay public key and its id`);
  }
  return { publicKey: toPublicKey(config.platformPublicKeyPem), publicKeyId: config.platformPublicKeyId };
}

/**
 * A WeChat Pay API v3 client (JSAPI payments and refunds) on `fetch` and `node:crypto` only:
 * every request is signed with the merchant key, every answer's signature is verified before it
 * is believed, with the WeChat Pay public key or a platform certificate as `Wechatpay-Serial` says.
 */
export function createWechatPayClient(config: WechatPayClientConfig): WechatPayClient {
  const merchantKey = toPrivateKey(config.merchantPrivateKeyPem);
  const mode = config.verifyMode ?? 'publicKey';
  const publicKey = publicKeyOf(config, mode);
  const fetchImpl = config.fetchImpl ?? fetch;
  const now = config.now ?? (() => new Date());
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 10_000;
  const certificates =
    mode === 'publicKey'
      ? undefined
      : createPlatformCertificateStore({
          apiV3Key: config.apiV3Key,
          ...(config.platformCertificateSerial ? { expectedSerial: config.platformCertificateSerial } : {}),
          ...(publicKey ? { publicKey } : {}),
          async download() {
            const answer = await send({ method: 'GET', path: '/v3/certificates' });
            if (!answer.ok) throw toWechatPayError(answer.status, answer.body);
            return answer;
          },
        });
  const verifier = createWechatpayVerifier({
    ...(publicKey ? { publicKey } : {}),
    ...(certificates ? { certificates } : {}),
  });

  /** Signs and sends one request; the answer is returned unverified. */
  async function send(spec: { method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<RawAnswer> {
    const body = spec.body === undefined ? '' : JSON.stringify(spec.body);
    const authorization = buildAuthorizationHeader({
      mchId: config.mchId,
      serialNo: config.merchantSerialNo,
      privateKey: merchantKey,
      method: spec.method,
      canonicalUrl: spec.path,
      body,
      timestamp: unixSeconds(now()),
      nonce: createNonce(),
    });
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${spec.path}`, {
        method: spec.method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'User-Agent': 'jiuyi-wechatpay/1 (node)',
          ...(publicKey ? { 'Wechatpay-Serial': publicKey.publicKeyId } : {}),
          ...(spec.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(spec.method === 'POST' ? { body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new WechatPayError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: `${spec.method} ${spec.path} failed: ${(error as Error).message}`,
        transient: true,
        cause: error,
      });
    }
    return {
      status: response.status,
      ok: response.ok,
      headers: Object.fromEntries(response.headers.entries()),
      body: text,
    };
  }

  async function call<T>(spec: CallSpec<T>): Promise<T | undefined> {
    const answer = await send(spec);
    if (answer.ok || answer.headers['wechatpay-signature'] !== undefined) {
      try {
        await verifier.verify(answer, now());
      } catch (error) {
        if (!(error instanceof NotificationVerificationError)) throw error;
        // We cannot tell what happened; retrying is safe because every call is idempotent by our numbers.
        throw new WechatPayError({
          status: answer.status,
          code: 'RESPONSE_SIGNATURE_INVALID',
          message: error.message,
          transient: true,
        });
      }
    }
    if (!answer.ok) throw toWechatPayError(answer.status, answer.body);
    if (!spec.schema) return undefined;
    return parseBody(answer.body, spec.schema, answer.status, spec.path);
  }

  async function required<T>(spec: CallSpec<T> & { schema: z.ZodType<T> }): Promise<T> {
    const result = await call(spec);
    if (result === undefined) throw new Error('unreachable: a schema was given');
    return result;
  }

  const mchQuery = `mchid=${encodeURIComponent(config.mchId)}`;
  const seg = encodeURIComponent;

  return {
    ...(certificates ? { platformCertificates: certificates } : {}),

    async createJsapiOrder(input) {
      const wire = await required({
        method: 'POST',
        path: '/v3/pay/transactions/jsapi',
        body: {
          appid: config.appId,
          mchid: config.mchId,
          description: input.description,
          out_trade_no: input.outTradeNo,
          time_expire: toBeijingRfc3339(input.timeExpire),
          notify_url: input.notifyUrl,
          amount: { total: input.amountFen, currency: 'CNY' },
          payer: { openid: input.payerOpenid },
        },
        schema: prepayWireSchema,
      });
      return { prepayId: wire.prepay_id };
    },

    async queryOrder(outTradeNo) {
      const wire = await required({
        method: 'GET',
        path: `/v3/pay/transactions/out-trade-no/${seg(outTradeNo)}?${mchQuery}`,
        schema: transactionWireSchema,
      });
      return toOrderStatus(wire);
    },

    async closeOrder(outTradeNo) {
      await call({
        method: 'POST',
        path: `/v3/pay/transactions/out-trade-no/${seg(outTradeNo)}/close`,
        body: { mchid: config.mchId },
      });
    },

    async refund(input) {
      const wire = await required({
        method: 'POST',
        path: '/v3/refund/domestic/refunds',
        body: {
          out_trade_no: input.outTradeNo,
          out_refund_no: input.outRefundNo,
          reason: input.reason,
          notify_url: input.notifyUrl,
          amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
        },
        schema: refundWireSchema,
      });
      return toRefundResult(wire);
    },

    async queryRefund(outRefundNo) {
      const wire = await required({
        method: 'GET',
        path: `/v3/refund/domestic/refunds/${seg(outRefundNo)}`,
        schema: refundWireSchema,
      });
      return toRefundResult(wire);
    },

    buildRequestPaymentParams(prepayId, appId) {
      const timeStamp = unixSeconds(now());
      const nonceStr = createNonce();
      const pkg = `prepay_id=${prepayId}` as const;
      const paySign = signSha256Rsa(signedMessage(appId, timeStamp, nonceStr, pkg), merchantKey);
      return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign } satisfies RequestPaymentParams;
    },

    parseNotification(raw, at) {
      return parseWechatPayNotification(raw, at, {
        verifier,
        apiV3Key: config.apiV3Key,
        mchId: config.mchId,
      });
    },
  };
}

function parseBody<T>(text: string, schema: z.ZodType<T>, status: number, path: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new WechatPayError({
      status,
      code: 'UNEXPECTED_RESPONSE',
      message: `${path} answered with an unexpected body: ${text.slice(0, 200)}`,
      transient: false,
    });
  }
  return parsed.data;
}

/** WeChat's `{ code, message }` error body as a typed error; 5xx and documented retry codes are transient. */
export function toWechatPayError(status: number, text: string): WechatPayError {
  let code = `HTTP_${status}`;
  let message = text.slice(0, 200);
  try {
    const parsed = errorWireSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      code = parsed.data.code;
      message = parsed.data.message ?? '';
    }
  } catch {
    // Not JSON (a proxy's error page, say): keep the HTTP status as the code.
  }
  const transient = status >= 500 || status === 429 || TRANSIENT_CODES.has(code);
  return new WechatPayError({ status, code, message, transient });
}

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { RefundStatus } from '../../ports/payment-gateway';
import type { WechatPayClientConfig } from '../../adapters/wechat-pay/client';
import { encryptResource } from '../../adapters/wechat-pay/aes-gcm';
import {
  createNonce,
  isFreshTimestamp,
  parseAuthorizationHeader,
  signedMessage,
  toPublicKey,
  verifySha256Rsa,
  wechatpaySignatureHeaders,
} from '../../adapters/wechat-pay/signing';
import type { VerifyMode } from '../../adapters/wechat-pay/verifier';
import { toBeijingRfc3339 } from '../../adapters/wechat-pay/wire';
import {
  SandboxApiError,
  SandboxLedger,
  refundJson,
  refundNotificationJson,
  transactionJson,
  type SandboxOrder,
  type SandboxRefund,
} from './ledger';
import { Notifier, type DeliveryRecord, type DeliverySwitches } from './notifier';
import { isSafeReturnUrl, renderMessagePage, renderPayPage, returnUrlWithResult } from './pay-page';
import { createSandboxSigners, type SandboxCertificates } from './signers';

export interface WechatPaySandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  mchId?: string;
  appId?: string;
  /** Bring your own merchant key; by default the sandbox generates one and hands out the private half. */
  merchant?: { serialNo: string; publicKeyPem: string };
  apiV3Key?: string;
  now?: () => Date;
  /**
   * How this merchant verifies WeChat Pay (`publicKey` unless set): the sandbox signs with its
   * WeChat Pay public key, with a platform certificate (served by `GET /v3/certificates`), or,
   * for a merchant moving to the public key, with each in turn.
   */
  verifyMode?: VerifyMode;
}

export interface SandboxSwitches extends DeliverySwitches {
  /** Answer this many upcoming API calls with 500 SYSTEM_ERROR. */
  failNextRequests: number;
  /** How long a refund stays PROCESSING before it settles. */
  refundDelayMs: number;
  /** How refunds settle. */
  refundOutcome: Exclude<RefundStatus, 'PROCESSING'>;
}

export interface WechatPaySandbox {
  url: string;
  merchant: { mchId: string; appId: string; serialNo: string; publicKeyPem: string; privateKeyPem?: string };
  /** The WeChat Pay public key (it signs only in modes `publicKey` and `both`). */
  platform: { publicKeyPem: string; publicKeyId: string };
  verifyMode: VerifyMode;
  /** Platform certificates (modes `platformCertificate` and `both`): list, publish, switch, withdraw. */
  platformCertificates: SandboxCertificates;
  apiV3Key: string;
  /** Everything `createWechatPayClient` needs to talk to this sandbox (needs the generated merchant key). */
  clientConfig(): WechatPayClientConfig;
  switches(): SandboxSwitches;
  setSwitches(patch: Partial<SandboxSwitches>): SandboxSwitches;
  /** The payer pays; resolves when the TRANSACTION.SUCCESS notification is sent, held or dropped. */
  pay(outTradeNo: string): Promise<void>;
  /** Sends held notifications newest first; resolves with how many. */
  flushHeld(): Promise<number>;
  /** Resolves once every delayed notification and pending refund settlement is done. */
  idle(): Promise<void>;
  deliveries(): readonly DeliveryRecord[];
  close(): Promise<void>;
}

const DEFAULT_SWITCHES: SandboxSwitches = {
  duplicates: 1,
  delayMs: 0,
  reorder: false,
  drop: false,
  retryDelaysMs: [],
  failNextRequests: 0,
  refundDelayMs: 0,
  refundOutcome: 'SUCCESS',
};

const switchesSchema = z
  .object({
    duplicates: z.number().int().min(1).max(20),
    delayMs: z.number().int().min(0).max(600_000),
    reorder: z.boolean(),
    drop: z.boolean(),
    retryDelaysMs: z.array(z.number().int().min(0).max(600_000)).max(10),
    failNextRequests: z.number().int().min(0).max(100),
    refundDelayMs: z.number().int().min(0).max(600_000),
    refundOutcome: z.enum(['SUCCESS', 'ABNORMAL', 'CLOSED']),
  })
  .partial()
  .strict();

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SandboxApiError(413, 'PARAM_ERROR', '请求体过大'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxApiError(400, 'PARAM_ERROR', '请求体不是有效的 JSON');
  }
}

function generateRsaPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * A local WeChat Pay API v3 that speaks the real protocol: it checks our request signatures,
 * signs its answers with its own WeChat Pay public key or platform certificate (`verifyMode`),
 * serves `GET /v3/certificates`, keeps orders and refunds in memory, serves a payment page for
 * the H5 build, and sends signed, AES-GCM encrypted notifications, with switches for
 * duplicates, delay, reordering and loss. Keys and certificates are generated at start; nothing
 * secret is ever written down.
 */
export async function startWechatPaySandbox(
  options: WechatPaySandboxOptions = {},
): Promise<WechatPaySandbox> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const mchId = options.mchId ?? '1230000109';
  const appId = options.appId ?? 'wx8888888888888888';
  const verifyMode = options.verifyMode ?? 'publicKey';
  const signers = createSandboxSigners(verifyMode, now);
  const merchantPair = options.merchant ? undefined : generateRsaPair();
  const merchant = {
    mchId,
    appId,
    serialNo: options.merchant?.serialNo ?? randomBytes(20).toString('hex').toUpperCase(),
    publicKeyPem: options.merchant?.publicKeyPem ?? merchantPair?.publicKeyPem ?? '',
    ...(merchantPair ? { privateKeyPem: merchantPair.privateKeyPem } : {}),
  };
  const merchantPublicKey = toPublicKey(merchant.publicKeyPem);
  const apiV3Key = options.apiV3Key ?? createNonce(32);
  let switches: SandboxSwitches = { ...DEFAULT_SWITCHES };
  const ledger = new SandboxLedger({ mchId, appId });
  const notifier = new Notifier(
    () => signers.signerFor('notification'),
    now,
    () => switches,
  );

  function envelope(eventType: string, summary: string, originalType: string, resource: unknown): string {
    return JSON.stringify({
      id: randomUUID(),
      create_time: toBeijingRfc3339(now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: {
        original_type: originalType,
        ...encryptResource(JSON.stringify(resource), apiV3Key, originalType),
      },
    });
  }

  function notifyPaid(order: SandboxOrder): Promise<void> {
    const body = envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', transactionJson(order));
    const eventId = (JSON.parse(body) as { id: string }).id;
    return notifier.dispatch({
      url: order.notifyUrl,
      eventId,
      eventType: 'TRANSACTION.SUCCESS',
      outTradeNo: order.outTradeNo,
      body,
    });
  }

  function notifyRefund(refund: SandboxRefund): Promise<void> {
    if (!refund.notifyUrl) return Promise.resolve();
    const summary = {
      SUCCESS: '退款成功',
      ABNORMAL: '退款异常',
      CLOSED: '退款关闭',
      PROCESSING: '退款处理中',
    }[refund.status];
    const eventType = `REFUND.${refund.status}`;
    const body = envelope(eventType, summary, 'refund', refundNotificationJson(refund, mchId));
    const eventId = (JSON.parse(body) as { id: string }).id;
    return notifier.dispatch({
      url: refund.notifyUrl,
      eventId,
      eventType,
      outTradeNo: refund.outTradeNo,
      outRefundNo: refund.outRefundNo,
      body,
    });
  }

  function payAndNotify(outTradeNo: string): Promise<void> {
    return notifyPaid(ledger.pay(outTradeNo, now()));
  }

  function setSwitches(patch: Partial<SandboxSwitches>): SandboxSwitches {
    switches = { ...switches, ...switchesSchema.parse(patch) };
    return { ...switches };
  }

  function sendSigned(res: ServerResponse, status: number, body?: unknown): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      'Request-ID': randomUUID(),
      ...wechatpaySignatureHeaders(text, signers.signerFor('response'), now()),
    });
    res.end(text);
  }

  /** Our half of the protocol: WeChat refuses any request whose signature does not check out. */
  function checkSignature(req: IncomingMessage, body: string): void {
    const auth = parseAuthorizationHeader(req.headers.authorization);
    const valid =
      auth !== undefined &&
      auth.mchid === mchId &&
      auth.serial_no === merchant.serialNo &&
      isFreshTimestamp(auth.timestamp, now()) &&
      verifySha256Rsa(
        signedMessage(req.method ?? '', req.url ?? '', auth.timestamp, auth.nonce_str, body),
        auth.signature,
        merchantPublicKey,
      );
    if (!valid) throw new SandboxApiError(401, 'SIGN_ERROR', '签名错误，请检查后再试');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    checkSignature(req, body);
    if (switches.failNextRequests > 0) {
      switches = { ...switches, failNextRequests: switches.failNextRequests - 1 };
      throw new SandboxApiError(500, 'SYSTEM_ERROR', '系统异常，请稍后重试');
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const order = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    const refundQuery = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && path === '/v3/certificates') {
      if (verifyMode === 'publicKey') {
        throw new SandboxApiError(404, 'RESOURCE_NOT_EXISTS', '该商户使用微信支付公钥验签，没有平台证书');
      }
      return sendSigned(res, 200, signers.listing(apiV3Key));
    }
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') {
      return sendSigned(res, 200, {
        prepay_id: ledger.createJsapiOrder(parseJsonBody(body), now()).prepayId,
      });
    }
    if (order && method === 'GET' && !order[2]) {
      return sendSigned(
        res,
        200,
        transactionJson(ledger.queryOrder(decodeURIComponent(order[1] ?? ''), url.searchParams.get('mchid'))),
      );
    }
    if (order && method === 'POST' && order[2]) {
      ledger.closeOrder(decodeURIComponent(order[1] ?? ''), parseJsonBody(body));
      return sendSigned(res, 204);
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') {
      const { refund, created } = ledger.createRefund(parseJsonBody(body), now());
      if (created) {
        void notifier.later(switches.refundDelayMs, () =>
          notifyRefund(ledger.settleRefund(refund.outRefundNo, switches.refundOutcome, now())),
        );
      }
      return sendSigned(res, 200, refundJson(refund));
    }
    if (refundQuery && method === 'GET') {
      return sendSigned(
        res,
        200,
        refundJson(ledger.mustFindRefund(decodeURIComponent(refundQuery[1] ?? ''))),
      );
    }
    throw new SandboxApiError(404, 'NOT_FOUND', `沙箱未实现 ${method} ${path}`);
  }

  function sendHtml(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  }

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  async function handleSandbox(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: string,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === '/sandbox/pay' && method === 'GET') {
      const order = ledger.findByPrepayId(url.searchParams.get('prepay_id') ?? '');
      const returnUrl = url.searchParams.get('return');
      if (!order) return sendHtml(res, 404, renderMessagePage('订单不存在或支付链接已失效'));
      if (!isSafeReturnUrl(returnUrl)) return sendHtml(res, 400, renderMessagePage('返回地址无效'));
      return sendHtml(res, 200, renderPayPage(order, returnUrl, now()));
    }
    if (path === '/sandbox/pay' && method === 'POST') {
      const form = new URLSearchParams(body);
      const order = ledger.findByPrepayId(form.get('prepay_id') ?? '');
      const returnUrl = form.get('return');
      if (!order) return sendHtml(res, 404, renderMessagePage('订单不存在或支付链接已失效'));
      if (!isSafeReturnUrl(returnUrl)) return sendHtml(res, 400, renderMessagePage('返回地址无效'));
      let result: 'ok' | 'cancel' | 'fail' = 'cancel';
      if (form.get('action') === 'pay') {
        try {
          void payAndNotify(order.outTradeNo);
          result = 'ok';
        } catch (error) {
          if (!(error instanceof SandboxApiError)) throw error;
          result = 'fail';
        }
      }
      res.writeHead(303, { Location: returnUrlWithResult(returnUrl, result) });
      return void res.end();
    }
    if (path === '/sandbox/control' && method === 'GET') return sendJson(res, 200, switches);
    if (path === '/sandbox/control' && method === 'POST') {
      const parsed = switchesSchema.safeParse(parseJsonBody(body));
      if (!parsed.success) return sendJson(res, 400, { code: 'PARAM_ERROR', message: parsed.error.message });
      return sendJson(res, 200, setSwitches(parsed.data));
    }
    const payMatch = /^\/sandbox\/orders\/([^/]+)\/pay$/.exec(path);
    if (payMatch && method === 'POST') {
      await payAndNotify(decodeURIComponent(payMatch[1] ?? ''));
      return sendJson(
        res,
        200,
        transactionJson(ledger.findOrder(decodeURIComponent(payMatch[1] ?? '')) as SandboxOrder),
      );
    }
    if (path === '/sandbox/flush-held' && method === 'POST')
      return sendJson(res, 200, { sent: await notifier.flushHeld() });
    if (path === '/sandbox/deliveries' && method === 'GET') return sendJson(res, 200, notifier.records);
    if (path === '/sandbox/config' && method === 'GET') return sendJson(res, 200, publicConfig());
    return sendJson(res, 404, { code: 'NOT_FOUND', message: `沙箱未实现 ${method} ${path}` });
  }

  function publicConfig(): Omit<WechatPayClientConfig, 'fetchImpl' | 'now' | 'merchantPrivateKeyPem'> & {
    merchantPrivateKeyPem?: string;
  } {
    return {
      baseUrl: sandboxUrl,
      mchId,
      appId,
      merchantSerialNo: merchant.serialNo,
      ...(merchant.privateKeyPem ? { merchantPrivateKeyPem: merchant.privateKeyPem } : {}),
      verifyMode,
      // A merchant on platform certificates has no WeChat Pay public key to configure.
      ...(verifyMode === 'platformCertificate'
        ? {}
        : {
            platformPublicKeyPem: signers.publicKey.publicKeyPem,
            platformPublicKeyId: signers.publicKey.publicKeyId,
          }),
      apiV3Key,
    };
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const isApi = url.pathname.startsWith('/v3/');
    readBody(req)
      .then((body) => (isApi ? handleApi(req, res, url, body) : handleSandbox(req, res, url, body)))
      .catch((error: unknown) => {
        if (res.headersSent) return;
        const apiError =
          error instanceof SandboxApiError
            ? error
            : new SandboxApiError(
                500,
                'SYSTEM_ERROR',
                error instanceof Error ? error.message : String(error),
              );
        if (isApi) sendSigned(res, apiError.status, { code: apiError.code, message: apiError.message });
        else sendJson(res, apiError.status, { code: apiError.code, message: apiError.message });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const sandboxUrl = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url: sandboxUrl,
    merchant,
    platform: { ...signers.publicKey },
    verifyMode,
    platformCertificates: signers.certificates,
    apiV3Key,
    clientConfig() {
      if (!merchant.privateKeyPem)
        throw new Error('The sandbox was given a merchant key; configure the client with yours');
      return { ...publicConfig(), merchantPrivateKeyPem: merchant.privateKeyPem };
    },
    switches: () => ({ ...switches }),
    setSwitches,
    pay: (outTradeNo) => {
      try {
        return payAndNotify(outTradeNo);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    flushHeld: () => notifier.flushHeld(),
    idle: () => notifier.idle(),
    deliveries: () => [...notifier.records],
    async close() {
      notifier.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

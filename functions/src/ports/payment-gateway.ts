/**
 * The payment provider as the use cases see it. Shaped after WeChat Pay API v3 (JSAPI orders,
 * refunds, signed and encrypted notifications) because that is the only provider we ship;
 * every amount is an integer number of fen (分) so nothing is ever rounded.
 */

/** WeChat Pay's `trade_state` values for an order. */
export type TradeState = 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'USERPAYING' | 'PAYERROR' | 'REVOKED';

/** WeChat Pay's refund `status` values. */
export type RefundStatus = 'SUCCESS' | 'PROCESSING' | 'ABNORMAL' | 'CLOSED';

export interface CreateJsapiOrderInput {
  /** Our order number: 6–32 characters of `[A-Za-z0-9_\-|*]`, unique per merchant. */
  outTradeNo: string;
  /** Shown to the payer in WeChat; at most 127 characters. */
  description: string;
  amountFen: number;
  payerOpenid: string;
  /** After this instant WeChat refuses to take the payment (the booking hold's end). */
  timeExpire: Date;
  notifyUrl: string;
}

export interface OrderStatus {
  outTradeNo: string;
  tradeState: TradeState;
  /** Present once paid. */
  transactionId?: string;
  /** The order total. */
  amountFen?: number;
  /** What the payer actually paid (differs from the total only with coupons). */
  payerTotalFen?: number;
  successTime?: Date;
  payerOpenid?: string;
}

export interface RefundInput {
  outTradeNo: string;
  /** Our refund number, 1–64 characters; reusing it with the same amounts returns the first refund. */
  outRefundNo: string;
  refundFen: number;
  /** The original order total; WeChat rejects a refund whose total does not match the order. */
  totalFen: number;
  reason: string;
  notifyUrl: string;
}

export interface RefundResult {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  status: RefundStatus;
  refundFen: number;
  totalFen: number;
  successTime?: Date;
}

/** What `wx.requestPayment` / `Taro.requestPayment` takes, signed by the merchant key. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: `prepay_id=${string}`;
  signType: 'RSA';
  paySign: string;
}

/** The raw HTTP request WeChat Pay sent to our notify URL; `body` must be the exact bytes received. */
export interface RawNotification {
  headers: Record<string, string | undefined>;
  body: string;
}

interface NotificationBase {
  /** WeChat's event id; duplicates of one notification carry the same id. */
  eventId: string;
  eventType: string;
  createTime: Date;
}

export interface TransactionNotification extends NotificationBase {
  kind: 'transaction';
  outTradeNo: string;
  transactionId: string;
  tradeState: TradeState;
  amountFen: number;
  payerTotalFen: number;
  payerOpenid?: string;
  successTime?: Date;
}

export interface RefundNotification extends NotificationBase {
  kind: 'refund';
  outTradeNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
  status: RefundStatus;
  refundFen: number;
  totalFen: number;
  successTime?: Date;
}

export type PaymentNotification = TransactionNotification | RefundNotification;

/** The payment provider. Every method throws `WechatPayError` on a provider or network failure. */
export interface PaymentGateway {
  createJsapiOrder(input: CreateJsapiOrderInput): Promise<{ prepayId: string }>;
  /** Throws `WechatPayError` with code `ORDER_NOT_EXIST` (404) for an unknown order. */
  queryOrder(outTradeNo: string): Promise<OrderStatus>;
  /** Closing an unpaid or already closed order succeeds; a paid one throws code `ORDERPAID`. */
  closeOrder(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<RefundResult>;
  queryRefund(outRefundNo: string): Promise<RefundResult>;
  /** Signs the parameters the mini-program passes to `requestPayment`. */
  buildRequestPaymentParams(prepayId: string, appId: string): RequestPaymentParams;
  /**
   * Verifies, decrypts and types a notification, or throws `NotificationVerificationError`. May
   * download platform certificates first, so it can also throw a transient `WechatPayError`.
   */
  parseNotification(raw: RawNotification, now: Date): Promise<PaymentNotification>;
}

/**
 * A failed call to the provider. `transient` says whether the same request may succeed if
 * retried unchanged (5xx, rate limits, network failures, unverifiable responses); a permanent
 * error needs a different request or a human.
 */
export class WechatPayError extends Error {
  readonly status: number;
  readonly code: string;
  readonly transient: boolean;

  constructor(init: { status: number; code: string; message: string; transient: boolean; cause?: unknown }) {
    super(`${init.code}: ${init.message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'WechatPayError';
    this.status = init.status;
    this.code = init.code;
    this.transient = init.transient;
  }
}

export type NotificationRejection =
  | 'BAD_SIGNATURE'
  | 'STALE_TIMESTAMP'
  | 'UNKNOWN_PUBLIC_KEY'
  | 'UNKNOWN_CERTIFICATE'
  | 'DECRYPT_FAILED'
  | 'MALFORMED';

/**
 * A notification we must not act on. The notify handler answers it with a 4xx/5xx so that a
 * genuine notification is re-sent by WeChat; a forged one just goes away.
 */
export class NotificationVerificationError extends Error {
  readonly reason: NotificationRejection;

  constructor(reason: NotificationRejection, message: string) {
    super(`${reason}: ${message}`);
    this.name = 'NotificationVerificationError';
    this.reason = reason;
  }
}

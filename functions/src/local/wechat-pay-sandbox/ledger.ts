import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { RefundStatus, TradeState } from '../../ports/payment-gateway';
import { toBeijingRfc3339 } from '../../adapters/wechat-pay/wire';

/**
 * The sandbox's in-memory merchant account: orders and refunds with the rules WeChat Pay applies
 * to them, answered with WeChat's status codes and error codes. No HTTP and no crypto here.
 */

/** An error the sandbox answers as WeChat would: `{ code, message }` with this HTTP status. */
export class SandboxApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'SandboxApiError';
    this.status = status;
    this.code = code;
  }
}

export interface SandboxOrder {
  outTradeNo: string;
  prepayId: string;
  appId: string;
  mchId: string;
  description: string;
  totalFen: number;
  payerOpenid: string;
  timeExpire: Date;
  notifyUrl: string;
  state: TradeState;
  transactionId?: string;
  successTime?: Date;
}

export interface SandboxRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
  status: RefundStatus;
  createTime: Date;
  successTime?: Date;
}

const outTradeNo = z
  .string()
  .regex(/^[A-Za-z0-9_\-|*]{6,32}$/, 'out_trade_no must be 6-32 of [A-Za-z0-9_-|*]');
const httpUrl = z.url({ protocol: /^https?$/ }).max(256);
const rfc3339 = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'RFC 3339');

const jsapiOrderSchema = z.object({
  appid: z.string().min(1).max(32),
  mchid: z.string().min(1).max(32),
  description: z.string().min(1).max(127),
  out_trade_no: outTradeNo,
  time_expire: rfc3339.optional(),
  notify_url: httpUrl,
  amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').optional() }),
  payer: z.object({ openid: z.string().min(1).max(128) }),
});

const refundSchema = z
  .object({
    transaction_id: z.string().optional(),
    out_trade_no: z.string().optional(),
    out_refund_no: z
      .string()
      .regex(/^[A-Za-z0-9_\-|*@]{1,64}$/, 'out_refund_no must be 1-64 of [A-Za-z0-9_-|*@]'),
    reason: z.string().max(80).optional(),
    notify_url: httpUrl.optional(),
    amount: z.object({
      refund: z.number().int().positive(),
      total: z.number().int().positive(),
      currency: z.literal('CNY'),
    }),
  })
  .refine((r) => r.transaction_id !== undefined || r.out_trade_no !== undefined, {
    message: 'transaction_id or out_trade_no is required',
  });

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxApiError(
      400,
      'PARAM_ERROR',
      `输入源"/body/${issue?.path.join('/') ?? ''}"映射到值字段失败: ${issue?.message}`,
    );
  }
  return parsed.data;
}

function digits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(randomInt(10));
  return out;
}

/** The merchant's orders and refunds, keyed as WeChat keys them. */
export class SandboxLedger {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly byPrepayId = new Map<string, SandboxOrder>();
  private readonly refunds = new Map<string, SandboxRefund>();

  constructor(private readonly merchant: { mchId: string; appId: string }) {}

  /** `POST /v3/pay/transactions/jsapi`. Re-ordering with identical parameters returns the same prepay id. */
  createJsapiOrder(body: unknown, now: Date): SandboxOrder {
    const req = parseOrThrow(jsapiOrderSchema, body);
    if (req.mchid !== this.merchant.mchId) throw new SandboxApiError(400, 'MCH_NOT_EXISTS', '商户号不存在');
    if (req.appid !== this.merchant.appId) {
      throw new SandboxApiError(400, 'APPID_MCHID_NOT_MATCH', 'AppID和mch_id不匹配');
    }
    const timeExpire = req.time_expire ? new Date(req.time_expire) : new Date(now.getTime() + 2 * 3600_000);
    const existing = this.orders.get(req.out_trade_no);
    if (existing) {
      if (existing.state === 'CLOSED') throw new SandboxApiError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') {
        throw new SandboxApiError(400, 'ORDERPAID', '该订单已支付');
      }
      const same =
        existing.totalFen === req.amount.total &&
        existing.payerOpenid === req.payer.openid &&
        existing.description === req.description &&
        existing.timeExpire.getTime() === timeExpire.getTime();
      if (!same) throw new SandboxApiError(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      return existing;
    }
    if (timeExpire.getTime() <= now.getTime()) {
      throw new SandboxApiError(400, 'INVALID_REQUEST', 'time_expire 已过期，请重新设置订单失效时间');
    }
    const stamp = toBeijingRfc3339(now).replace(/\D/g, '').slice(0, 14);
    const order: SandboxOrder = {
      outTradeNo: req.out_trade_no,
      prepayId: `wx${stamp}${randomBytes(10).toString('hex')}`,
      appId: req.appid,
      mchId: req.mchid,
      description: req.description,
      totalFen: req.amount.total,
      payerOpenid: req.payer.openid,
      timeExpire,
      notifyUrl: req.notify_url,
      state: 'NOTPAY',
    };
    this.orders.set(order.outTradeNo, order);
    this.byPrepayId.set(order.prepayId, order);
    return order;
  }

  /** `GET /v3/pay/transactions/out-trade-no/{no}?mchid=`. */
  queryOrder(no: string, mchId: string | null): SandboxOrder {
    if (mchId !== this.merchant.mchId)
      throw new SandboxApiError(400, 'PARAM_ERROR', 'mchid 与请求商户不一致');
    return this.mustFindOrder(no);
  }

  /** `POST …/{no}/close`: unpaid → CLOSED; closing twice is fine; a paid order cannot be closed. */
  closeOrder(no: string, body: unknown): void {
    const req = parseOrThrow(z.object({ mchid: z.string().min(1) }), body);
    if (req.mchid !== this.merchant.mchId) throw new SandboxApiError(400, 'MCH_NOT_EXISTS', '商户号不存在');
    const order = this.mustFindOrder(no);
    if (order.state === 'SUCCESS' || order.state === 'REFUND') {
      throw new SandboxApiError(400, 'ORDERPAID', '订单已支付');
    }
    order.state = 'CLOSED';
  }

  findByPrepayId(prepayId: string): SandboxOrder | undefined {
    return this.byPrepayId.get(prepayId);
  }

  findOrder(no: string): SandboxOrder | undefined {
    return this.orders.get(no);
  }

  /** The payer confirms: only an unpaid, unexpired order can be paid. */
  pay(no: string, now: Date): SandboxOrder {
    const order = this.mustFindOrder(no);
    if (order.state !== 'NOTPAY')
      throw new SandboxApiError(400, 'ORDER_NOT_PAYABLE', `订单状态为 ${order.state}，不能支付`);
    if (order.timeExpire.getTime() <= now.getTime()) {
      throw new SandboxApiError(400, 'ORDER_EXPIRED', '订单已超过支付时限');
    }
    order.state = 'SUCCESS';
    order.transactionId = `4200${digits(24)}`;
    order.successTime = now;
    return order;
  }

  /**
   * `POST /v3/refund/domestic/refunds`. The same out_refund_no with the same amounts returns the
   * first refund, as WeChat does. Asking for more than is left answers 403 NOT_ENOUGH: in WeChat
   * that code means the merchant balance cannot cover the refund, the only "not enough money"
   * answer a caller has to handle either way.
   */
  createRefund(body: unknown, now: Date): { refund: SandboxRefund; created: boolean } {
    const req = parseOrThrow(refundSchema, body);
    const order = req.out_trade_no
      ? this.orders.get(req.out_trade_no)
      : [...this.orders.values()].find((o) => o.transactionId === req.transaction_id);
    if (!order) throw new SandboxApiError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const existing = this.refunds.get(req.out_refund_no);
    if (existing) {
      if (existing.outTradeNo === order.outTradeNo && existing.refundFen === req.amount.refund) {
        return { refund: existing, created: false };
      }
      throw new SandboxApiError(400, 'INVALID_REQUEST', '退款单号已存在，且请求参数与原退款申请不一致');
    }
    if ((order.state !== 'SUCCESS' && order.state !== 'REFUND') || !order.transactionId) {
      throw new SandboxApiError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    }
    if (req.amount.total !== order.totalFen) {
      throw new SandboxApiError(400, 'INVALID_REQUEST', '订单金额与原订单金额不一致');
    }
    if (req.amount.refund > order.totalFen - this.refundedFen(order.outTradeNo)) {
      throw new SandboxApiError(403, 'NOT_ENOUGH', '可退金额不足');
    }
    const refund: SandboxRefund = {
      outRefundNo: req.out_refund_no,
      refundId: `5030${digits(25)}`,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      refundFen: req.amount.refund,
      totalFen: order.totalFen,
      ...(req.reason ? { reason: req.reason } : {}),
      ...(req.notify_url ? { notifyUrl: req.notify_url } : {}),
      status: 'PROCESSING',
      createTime: now,
    };
    this.refunds.set(refund.outRefundNo, refund);
    return { refund, created: true };
  }

  /** The bank answers: a PROCESSING refund becomes SUCCESS, ABNORMAL or CLOSED. */
  settleRefund(outRefundNo: string, outcome: Exclude<RefundStatus, 'PROCESSING'>, now: Date): SandboxRefund {
    const refund = this.mustFindRefund(outRefundNo);
    if (refund.status !== 'PROCESSING') return refund;
    refund.status = outcome;
    if (outcome === 'SUCCESS') {
      refund.successTime = now;
      const order = this.orders.get(refund.outTradeNo);
      if (order) order.state = 'REFUND';
    }
    return refund;
  }

  /** `GET /v3/refund/domestic/refunds/{out_refund_no}`. */
  mustFindRefund(outRefundNo: string): SandboxRefund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new SandboxApiError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return refund;
  }

  private mustFindOrder(no: string): SandboxOrder {
    const order = this.orders.get(no);
    if (!order) throw new SandboxApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return order;
  }

  /** Refunded or in flight: closed refunds give their money back to the refundable balance. */
  private refundedFen(no: string): number {
    let sum = 0;
    for (const r of this.refunds.values())
      if (r.outTradeNo === no && r.status !== 'CLOSED') sum += r.refundFen;
    return sum;
  }
}

/** WeChat's JSON for a transaction, as query answers and TRANSACTION.* notifications carry it. */
export function transactionJson(order: SandboxOrder): Record<string, unknown> {
  const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
  const desc: Record<TradeState, string> = {
    SUCCESS: '支付成功',
    NOTPAY: '订单未支付',
    CLOSED: '订单已关闭',
    REFUND: '转入退款',
    USERPAYING: '用户支付中',
    PAYERROR: '支付失败',
    REVOKED: '已撤销',
  };
  return {
    appid: order.appId,
    mchid: order.mchId,
    out_trade_no: order.outTradeNo,
    ...(paid ? { transaction_id: order.transactionId, trade_type: 'JSAPI', bank_type: 'OTHERS' } : {}),
    trade_state: order.state,
    trade_state_desc: desc[order.state],
    attach: '',
    ...(paid && order.successTime ? { success_time: toBeijingRfc3339(order.successTime) } : {}),
    payer: { openid: order.payerOpenid },
    amount: paid
      ? { total: order.totalFen, payer_total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' }
      : { total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' },
  };
}

/** WeChat's JSON for a refund, as the refund endpoints answer it. */
export function refundJson(refund: SandboxRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: toBeijingRfc3339(refund.successTime) } : {}),
    create_time: toBeijingRfc3339(refund.createTime),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      settlement_refund: refund.refundFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
  };
}

/** The decrypted resource of a REFUND.* notification. */
export function refundNotificationJson(refund: SandboxRefund, mchId: string): Record<string, unknown> {
  return {
    mchid: mchId,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successTime ? { success_time: toBeijingRfc3339(refund.successTime) } : {}),
    user_received_account: '支付用户零钱',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
    },
  };
}

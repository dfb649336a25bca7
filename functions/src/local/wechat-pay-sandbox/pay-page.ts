import type { SandboxOrder } from './ledger';

/**
 * The sandbox's stand-in for WeChat's payment sheet. The H5 build cannot call
 * `Taro.requestPayment`, so it navigates here with `?prepay_id=…&return=<its own URL>`; the
 * buttons post back, and the browser is sent to `return` with `sandbox_pay=ok|cancel|fail`.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only absolute http(s) URLs may be returned to, so the page cannot be turned into a script launcher. */
export function isSafeReturnUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The return URL with the result appended. A hash-router URL (`…/#/pages/pay/index?id=1`) gets
 * it inside the hash, where the H5 router reads its query; any other URL gets it in the search.
 */
export function returnUrlWithResult(returnUrl: string, result: 'ok' | 'cancel' | 'fail'): string {
  const url = new URL(returnUrl);
  if (url.hash.startsWith('#/')) {
    url.hash = `${url.hash}${url.hash.includes('?') ? '&' : '?'}sandbox_pay=${result}`;
  } else {
    url.searchParams.set('sandbox_pay', result);
  }
  return url.toString();
}

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const STYLE = `
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
         background: #ededed; color: #111; }
  main { max-width: 480px; margin: 0 auto; padding: 32px 20px; text-align: center; }
  .badge { display: inline-block; font-size: 14px; color: #fff; background: #fa5151; border-radius: 4px; padding: 2px 8px; }
  h1 { font-size: 20px; font-weight: normal; margin: 16px 0 4px; }
  .amount { font-size: 44px; font-weight: bold; margin: 12px 0 28px; }
  .meta { font-size: 15px; color: #666; margin-bottom: 32px; word-break: break-all; }
  button { display: block; width: 100%; font-size: 22px; padding: 18px 0; margin: 14px 0; border: 0; border-radius: 8px; }
  .pay { background: #07c160; color: #fff; }
  .cancel { background: #fff; color: #111; }
  .notice { font-size: 18px; margin: 24px 0; }
  a { font-size: 20px; color: #576b95; }`;

function page(title: string, content: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><span class="badge">沙箱环境 · 不会真实扣款</span>${content}</main></body></html>`
  );
}

/** The confirmation page: what is being paid for, how much, and two big buttons. */
export function renderPayPage(order: SandboxOrder, returnUrl: string, now: Date): string {
  const header = `<h1>${escapeHtml(order.description)}</h1><div class="amount">¥${yuan(order.totalFen)}</div>`;
  const meta = `<div class="meta">订单号 ${escapeHtml(order.outTradeNo)}</div>`;
  const back = `<a id="sandbox-return" href="${escapeHtml(returnUrlWithResult(returnUrl, 'fail'))}">返回</a>`;
  if (order.state !== 'NOTPAY') {
    const notice = order.state === 'CLOSED' ? '订单已关闭，无法支付' : '该订单已支付，请勿重复支付';
    return page('微信支付', `${header}${meta}<p class="notice">${notice}</p>${back}`);
  }
  if (order.timeExpire.getTime() <= now.getTime()) {
    return page('微信支付', `${header}${meta}<p class="notice">订单已超过支付时限，请重新下单</p>${back}`);
  }
  const hidden =
    `<input type="hidden" name="prepay_id" value="${escapeHtml(order.prepayId)}">` +
    `<input type="hidden" name="return" value="${escapeHtml(returnUrl)}">`;
  const form =
    `<form method="post" action="/sandbox/pay">${hidden}` +
    `<button id="sandbox-pay" class="pay" type="submit" name="action" value="pay">支付</button>` +
    `<button id="sandbox-cancel" class="cancel" type="submit" name="action" value="cancel">取消</button></form>`;
  return page('微信支付', `${header}${meta}${form}`);
}

/** A plain message page for a bad link. */
export function renderMessagePage(message: string): string {
  return page('微信支付', `<p class="notice">${escapeHtml(message)}</p>`);
}

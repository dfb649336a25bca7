import { DomainError } from '@jiuyi/shared';
import type { WechatSessionPort } from '../../ports/wechat-session';

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * The production code2Session call. The app secret is read lazily (Secrets Manager/SSM) and the
 * session_key is dropped here: it never leaves the server and nothing needs it yet.
 */
export function createWechatCode2Session(options: {
  appId: string;
  appSecret: () => Promise<string>;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}): WechatSessionPort {
  const base = options.baseUrl ?? 'https://api.weixin.qq.com';
  const fetchImpl = options.fetchImpl ?? fetch;
  return {
    async exchange(code) {
      const url = new URL('/sns/jscode2session', base);
      url.search = new URLSearchParams({
        appid: options.appId,
        secret: await options.appSecret(),
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      const res = await fetchImpl(url, { signal: AbortSignal.timeout(3000) });
      const answer = (await res.json()) as Code2SessionAnswer;
      if (!res.ok || answer.errcode || !answer.openid) {
        throw new DomainError('WECHAT_LOGIN_FAILED', { details: { errcode: answer.errcode ?? res.status } });
      }
      return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
    },
  };
}

import type { ChannelOutcome, MessageChannel, RecipientDirectory } from '../../ports/message-channel';
import { templateData, type SubscribeTemplateConfig } from './subscribe-message-config';

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/** Token errors after which a fresh token is fetched and the send repeated once. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** The user has not subscribed (or used up a one-time subscription). */
const NOT_SUBSCRIBED = 43101;

export interface AccessTokenOptions {
  appId: string;
  appSecret: () => Promise<string>;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  clock?: () => number;
  /** Refresh this long before WeChat's expiry, so a token never expires mid-request. */
  marginMs?: number;
}

export interface AccessTokenSource {
  get(): Promise<string>;
  /** Drops `token` if it is still the cached one (a concurrent refresh may have replaced it). */
  invalidate(token: string): void;
}

/**
 * The mini-program's access token from `/cgi-bin/token`, cached until shortly before it expires
 * and fetched by one request however many sends ask at once. Each fetch starts a new token (the
 * old one lives on for five minutes), so many warm instances should share one via
 * `/cgi-bin/stable_token` when volume grows.
 */
export function createAccessTokenSource(options: AccessTokenOptions): AccessTokenSource {
  const base = options.baseUrl ?? 'https://api.weixin.qq.com';
  const fetchImpl = options.fetchImpl ?? fetch;
  const clock = options.clock ?? Date.now;
  const margin = options.marginMs ?? 5 * 60_000;
  let cached: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const fetchToken = async () => {
    const url = new URL('/cgi-bin/token', base);
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: options.appId,
      secret: await options.appSecret(),
    }).toString();
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(3000) });
    const answer = (await res.json()) as WechatAnswer;
    if (!res.ok || answer.errcode || !answer.access_token || !answer.expires_in) {
      throw new Error(`access token refused: ${answer.errcode ?? res.status}`);
    }
    cached = { token: answer.access_token, expiresAt: clock() + answer.expires_in * 1000 - margin };
    return answer.access_token;
  };

  return {
    async get() {
      if (cached && clock() < cached.expiresAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

export interface SubscribeChannelOptions {
  tokens: AccessTokenSource;
  directory: RecipientDirectory;
  templates: SubscribeTemplateConfig;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  /** Which build of the mini-program the message opens. */
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * WeChat subscribe messages (`/cgi-bin/message/subscribe/send`). A refused or used-up subscription
 * (43101), an account without an openid and a kind without a template are `skipped`: the message
 * is already in the in-app centre. A timeout is `unknown` (it may have been delivered).
 */
export function createWechatSubscribeChannel(options: SubscribeChannelOptions): MessageChannel {
  const base = options.baseUrl ?? 'https://api.weixin.qq.com';
  const fetchImpl = options.fetchImpl ?? fetch;

  const post = async (token: string, body: unknown): Promise<WechatAnswer> => {
    const url = new URL('/cgi-bin/message/subscribe/send', base);
    url.searchParams.set('access_token', token);
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return (await res.json()) as WechatAnswer;
  };

  return {
    name: 'wechat_subscribe',
    async send(message): Promise<ChannelOutcome> {
      const template = options.templates[message.kind];
      if (!template) return { kind: 'skipped', reason: 'no_template' };
      const data = templateData(template, message);
      if (!data)
        return { kind: 'failed', reason: `message lacks a field of template ${template.templateId}` };
      const touser = await options.directory.openidOf(message.recipientAccountId);
      if (!touser) return { kind: 'skipped', reason: 'no_address' };
      const body = {
        touser,
        template_id: template.templateId,
        page: message.link.replace(/^\//, ''),
        data,
        miniprogram_state: options.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      };
      try {
        let token = await options.tokens.get();
        let answer = await post(token, body);
        if (answer.errcode !== undefined && STALE_TOKEN.has(answer.errcode)) {
          options.tokens.invalidate(token);
          token = await options.tokens.get();
          answer = await post(token, body);
        }
        if (!answer.errcode) return { kind: 'sent' };
        if (answer.errcode === NOT_SUBSCRIBED) return { kind: 'skipped', reason: 'not_subscribed' };
        return { kind: 'failed', reason: `errcode ${answer.errcode}` };
      } catch (error) {
        if (isTimeout(error)) return { kind: 'unknown', reason: 'timeout' };
        throw error;
      }
    },
  };
}

import Taro from '@tarojs/taro';
import { meResponseSchema } from '@jiuyi/shared';
import type { AuthResponse } from '@jiuyi/shared';
import type { z } from 'zod';
import { refreshTokens, signInAsPersona, signInWithWechatCode } from './auth-api';
import type { PersonaSignIn } from './auth-api';
import { ApiError, getToken, request, setToken } from './client';
import type { RequestOptions } from './client';

const REFRESH_KEY = 'jiuyi.refreshToken';
const DEMO_CODE_KEY = 'jiuyi.h5DemoCode';

function getRefreshToken(): string | undefined {
  const value: unknown = Taro.getStorageSync(REFRESH_KEY);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Keeps both tokens so the next launch (and the next expiry) needs no new login. */
export function saveSession(auth: AuthResponse): void {
  setToken(auth.token);
  Taro.setStorageSync(REFRESH_KEY, auth.refreshToken);
}

/** Forgets the session; the next authorised call signs in again. */
export function clearSession(): void {
  setToken(undefined);
  Taro.removeStorageSync(REFRESH_KEY);
}

/**
 * H5 has no wx.login, so each browser keeps one random code; the local stage's code2Session maps
 * the same code to the same openid, so a demo user finds their profiles again after a reload.
 */
function h5DemoCode(): string {
  const stored: unknown = Taro.getStorageSync(DEMO_CODE_KEY);
  if (typeof stored === 'string' && stored !== '') return stored;
  const random = Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join('');
  const code = `h5-demo-${random}`;
  Taro.setStorageSync(DEMO_CODE_KEY, code);
  return code;
}

async function loginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return h5DemoCode();
  const { code } = await Taro.login();
  if (!code) throw new ApiError('WECHAT_LOGIN_FAILED', 401);
  return code;
}

// One sign-in or refresh at a time: pages that load several things at once share it.
let pending: Promise<void> | undefined;

function once(task: () => Promise<void>): Promise<void> {
  pending ??= task().finally(() => {
    pending = undefined;
  });
  return pending;
}

/** Signs in through WeChat (or the H5 demo code) and stores the session. */
export function login(): Promise<void> {
  return once(async () => {
    saveSession(await signInWithWechatCode(await loginCode()));
  });
}

/** Makes sure a session token is stored, signing in if there is none. */
export async function ensureSession(): Promise<void> {
  if (!getToken()) await login();
}

/** Refreshes the session; when the refresh token is gone or refused, signs in again instead. */
function renewSession(): Promise<void> {
  return once(async () => {
    const refreshToken = getRefreshToken();
    try {
      if (!refreshToken) throw new ApiError('UNAUTHENTICATED', 401);
      saveSession(await refreshTokens(refreshToken));
    } catch {
      clearSession();
      saveSession(await signInWithWechatCode(await loginCode()));
    }
  });
}

/**
 * `request` for endpoints that need a signed-in user: signs in first when needed, and on a 401
 * (expired token, or an account the server no longer knows) renews the session once and retries.
 */
export async function authedRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  await ensureSession();
  try {
    return await request(path, schema, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    await renewSession();
    return request(path, schema, options);
  }
}

export type Me = z.infer<typeof meResponseSchema>;

/** GET /v1/me — the signed-in account and the stage (the persona switcher shows only on `local`). */
export async function getMe(): Promise<Me> {
  return authedRequest('/v1/me', meResponseSchema);
}

/** Signs in as a demo persona (local stage only) and keeps that session. */
export async function switchPersona(persona: PersonaSignIn): Promise<Me['account']> {
  const auth = await signInAsPersona(persona);
  saveSession(auth);
  return auth.account;
}

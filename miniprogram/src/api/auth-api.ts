import { authResponseSchema } from '@jiuyi/shared';
import type { AuthResponse, Role } from '@jiuyi/shared';
import { request } from './client';

/** POST /v1/auth/wechat — a `wx.login` code (or the H5 demo code) → session and refresh tokens. */
export async function signInWithWechatCode(code: string): Promise<AuthResponse> {
  return request('/v1/auth/wechat', authResponseSchema, { method: 'POST', body: { code } });
}

export interface PersonaSignIn {
  openid: string;
  role: Role;
  institutionId?: string;
  specialty?: string;
  doctorId?: string;
}

/** POST /v1/auth/dev — local stage only: signs in as a demo persona of any role. */
export async function signInAsPersona(persona: PersonaSignIn): Promise<AuthResponse> {
  return request('/v1/auth/dev', authResponseSchema, { method: 'POST', body: persona });
}

/** POST /v1/auth/refresh — trades a refresh token for fresh tokens carrying the account's current role. */
export async function refreshTokens(refreshToken: string): Promise<AuthResponse> {
  return request('/v1/auth/refresh', authResponseSchema, { method: 'POST', body: { refreshToken } });
}

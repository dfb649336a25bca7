import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { ERROR_CATALOGUE, errorResponseSchema } from '@jiuyi/shared';
import type { ErrorCode } from '@jiuyi/shared';

/** Failures the client detects itself, before or instead of a server answer. */
const CLIENT_ERRORS = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  INVALID_RESPONSE: '服务返回的数据有误，请稍后再试',
  UNKNOWN_ERROR: '系统繁忙，请稍后再试',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;
export type ApiErrorCode = ErrorCode | ClientErrorCode;

function isClientErrorCode(code: ApiErrorCode): code is ClientErrorCode {
  return Object.prototype.hasOwnProperty.call(CLIENT_ERRORS, code);
}

function defaultMessage(code: ApiErrorCode): string {
  return isClientErrorCode(code) ? CLIENT_ERRORS[code] : ERROR_CATALOGUE[code].message;
}

/** A failed API call, carrying the Chinese message a patient can read as-is. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ApiErrorCode, status: number, message?: string, details?: Record<string, unknown>) {
    super(message ?? defaultMessage(code));
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

const TOKEN_KEY = 'jiuyi.token';

/** The bearer token from storage, if the user has logged in. */
export function getToken(): string | undefined {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Stores (or, with `undefined`, forgets) the bearer token sent with every later request. */
export function setToken(token: string | undefined): void {
  if (token === undefined) Taro.removeStorageSync(TOKEN_KEY);
  else Taro.setStorageSync(TOKEN_KEY, token);
}

/** H5 is served from the same origin as the API (the web server proxies /v1); weapp needs an absolute URL. */
export function apiBase(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

/** Turns a non-2xx answer into an ApiError, keeping the server's Chinese message. */
function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorResponseSchema.safeParse(body);
  if (!parsed.success) return new ApiError(status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN_ERROR', status);
  const { code, message, details } = parsed.data.error;
  return new ApiError(isErrorCode(code) ? code : 'UNKNOWN_ERROR', status, message, details);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const pairs = Object.entries(query ?? {}).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const search = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${apiBase()}${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls the API and returns the body parsed with `schema`.
 * Every failure (network, error status, unexpected shape) becomes an ApiError, so pages handle one type.
 */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const token = getToken();
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) header['Content-Type'] = 'application/json';

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: buildUrl(path, options.query),
      method: options.method ?? 'GET',
      header,
      data: options.body,
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }

  if (response.statusCode < 200 || response.statusCode >= 300)
    throw toApiError(response.statusCode, response.data);
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) throw new ApiError('INVALID_RESPONSE', response.statusCode);
  return parsed.data;
}

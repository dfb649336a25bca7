import type { Role } from '@jiuyi/shared';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for tests: sends a body as JSON and reads JSON back (204 → null). */
export async function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** Signs in a persona through the local-only dev login. */
export async function devToken(
  baseUrl: string,
  openid: string,
  role: Role = 'patient',
  extra: { institutionId?: string; specialty?: string; doctorId?: string } = {},
): Promise<string> {
  const res = await call<{ token: string }>(baseUrl, 'POST', '/v1/auth/dev', {
    body: { openid, role, ...extra },
  });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

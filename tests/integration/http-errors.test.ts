import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api.stop());

async function errorOf(res: Response): Promise<{ code: string; message: string; details?: unknown }> {
  const body = (await res.json()) as { error: { code: string; message: string; details?: unknown } };
  return body.error;
}

describe('bad input gets a 4xx with a stable code and a Chinese message, never a 500', () => {
  it('unknown route → JSON 404 ROUTE_NOT_FOUND with a request id', async () => {
    const res = await fetch(`${api.url}/v1/nowhere`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect((await errorOf(res)).code).toBe('ROUTE_NOT_FOUND');
  });

  it('wrong method on a known path → 405', async () => {
    const res = await fetch(`${api.url}/v1/guide/branches`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect((await errorOf(res)).code).toBe('METHOD_NOT_ALLOWED');
  });

  it('unknown query parameter → 400 UNKNOWN_QUERY_PARAMETER naming it', async () => {
    const res = await fetch(`${api.url}/v1/guide/services?colour=red`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('UNKNOWN_QUERY_PARAMETER');
    expect(JSON.stringify(error.details)).toContain('colour');
  });

  it('over-long search → 400 VALIDATION_FAILED with a Chinese message for the field', async () => {
    const res = await fetch(`${api.url}/v1/guide/services?q=${encodeURIComponent('挂'.repeat(40))}`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ in: 'query', fields: { q: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await fetch(`${api.url}/v1/auth/wechat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code": ',
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('MALFORMED_JSON');
  });

  it('a body that is not JSON → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await fetch(`${api.url}/v1/auth/wechat`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'code=abc',
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await fetch(`${api.url}/v1/auth/wechat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(70 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps a valid caller-supplied x-request-id', async () => {
    const res = await fetch(`${api.url}/v1/health`, { headers: { 'x-request-id': 'test-request-0001' } });
    expect(res.headers.get('x-request-id')).toBe('test-request-0001');
  });

  it('a garbage bearer token → 401 UNAUTHENTICATED, even on a public route', async () => {
    const res = await fetch(`${api.url}/v1/health`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('UNAUTHENTICATED');
  });
});

import {
  guideBranchListResponseSchema,
  guideServiceListResponseSchema,
  guideServiceSchema,
} from '@jiuyi/shared';
import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api.stop());

describe('the hospital service guide over HTTP on DynamoDB Local', () => {
  it('lists the eleven services of the guide in their order, with the handling lists', async () => {
    // Act
    const res = await fetch(`${api.url}/v1/guide/services`);
    // Assess
    expect(res.status).toBe(200);
    const body = guideServiceListResponseSchema.parse(await res.json());
    expect(body.items).toHaveLength(11);
    expect(body.items.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(body.items[0]?.name).toContain('挂号');
    expect(body.rules.prohibited.length).toBeGreaterThan(0);
    expect(body.rules.toleratedMissing.length).toBeGreaterThan(0);
  });

  it('finds the records-copy service by a word a patient would type', async () => {
    const res = await fetch(`${api.url}/v1/guide/services?q=${encodeURIComponent('复印')}`);
    const body = guideServiceListResponseSchema.parse(await res.json());
    expect(body.items.map((s) => s.id)).toContain('records-copy');
    expect(body.items.length).toBeLessThan(11);
  });

  it('answers an empty list, not an error, when nothing matches', async () => {
    const res = await fetch(`${api.url}/v1/guide/services?q=${encodeURIComponent('火星旅行')}`);
    expect(res.status).toBe(200);
    expect(guideServiceListResponseSchema.parse(await res.json()).items).toEqual([]);
  });

  it('opens one service with documents, channels and phones', async () => {
    const res = await fetch(`${api.url}/v1/guide/services/registration`);
    expect(res.status).toBe(200);
    const service = guideServiceSchema.parse(await res.json());
    expect(service.requiredDocuments.length).toBeGreaterThan(0);
    expect(service.channels).toEqual(expect.arrayContaining(['window', 'online', 'phone']));
    expect(service.phones.some((p) => p.number.startsWith('0411-'))).toBe(true);
  });

  it('gives a JSON 404 for a service that does not exist', async () => {
    const res = await fetch(`${api.url}/v1/guide/services/no-such-service`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('lists the campuses, branches and alliance members with phones', async () => {
    const res = await fetch(`${api.url}/v1/guide/branches`);
    const body = guideBranchListResponseSchema.parse(await res.json());
    expect(body.items.some((b) => b.kind === 'campus')).toBe(true);
    expect(body.items.some((b) => b.kind === 'alliance_member')).toBe(true);
  });

  it('answers health once seeded', async () => {
    const res = await fetch(`${api.url}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

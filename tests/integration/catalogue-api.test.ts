import {
  addDays,
  departmentSchema,
  doctorSchema,
  sessionListResponseSchema,
  shanghaiDate,
} from '@jiuyi/shared';
import { DEMO_DATA } from '../../functions/src/seed';
import { materialiseSessions } from '../../functions/src/use-cases/appointments/materialise-sessions';
import { call } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

// Monday 13 October 2025, 09:00 Shanghai: a plain week with no holiday.
const NOW = new Date('2025-10-13T01:00:00Z');
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: () => NOW });
});
afterAll(async () => api.stop());

type ErrorBody = { error: { code: string } };

describe('catalogue', () => {
  it('lists every seeded department for anyone', async () => {
    const res = await call<{ items: unknown[] }>(api.url, 'GET', '/v1/departments');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((d) => departmentSchema.parse(d).id).sort();
    expect(ids).toEqual(DEMO_DATA.departments.map((d) => d.id).sort());
  });

  it('lists a department’s doctors most senior first, with fee in fen', async () => {
    const res = await call<{ items: unknown[] }>(api.url, 'GET', '/v1/departments/dept-ortho-spine/doctors');
    expect(res.status).toBe(200);
    const doctors = res.body.items.map((d) => doctorSchema.parse(d));
    expect(doctors.map((d) => d.id)).toEqual([
      'doc-spine-01',
      'doc-spine-02',
      'doc-spine-03',
      'doc-spine-04',
    ]);
    expect(doctors[0]).toMatchObject({ title: 'chief_physician', feeFen: 5000 });
  });

  it('answers 404 for an unknown department', async () => {
    const res = await call<ErrorBody>(api.url, 'GET', '/v1/departments/dept-nope/doctors');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('sessions', () => {
  it('shows the booking window’s sessions with slots and remaining online numbers', async () => {
    // Act
    const res = await call(
      api.url,
      'GET',
      '/v1/sessions?departmentId=dept-ortho-spine&from=2025-10-13&to=2025-10-19',
    );
    // Assess: 韩立诚 works Monday, Wednesday and Saturday mornings.
    expect(res.status).toBe(200);
    const { items } = sessionListResponseSchema.parse(res.body);
    const chief = items.filter((s) => s.doctor.id === 'doc-spine-01');
    expect(chief.map((s) => `${s.date}/${s.period}`)).toEqual([
      '2025-10-13/am',
      '2025-10-15/am',
      '2025-10-18/am',
    ]);
    const first = chief[0]!;
    expect(first).toMatchObject({
      departmentId: 'dept-ortho-spine',
      status: 'open',
      doctor: { name: '韩立诚', title: 'chief_physician' },
    });
    expect(first.slots[0]).toMatchObject({
      start: '2025-10-13T08:00:00.000+08:00',
      end: '2025-10-13T08:30:00.000+08:00',
      feeFen: 5000,
    });
    expect(first.slots.every((s) => s.remainingOnline === s.capacityOnline)).toBe(true);
    expect(first.slots.reduce((n, s) => n + s.capacityOnline, 0)).toBe(14);
  });

  it('materialises idempotently: a second run writes nothing', async () => {
    const again = await materialiseSessions(api.deps, shanghaiDate(NOW), 8);
    expect(again.planned).toBeGreaterThan(0);
    expect(again.written).toBe(0);
  });

  it('refuses a range over 14 days, a reversed range and unknown parameters', async () => {
    const from = '2025-10-13';
    const wide = await call<ErrorBody>(
      api.url,
      'GET',
      `/v1/sessions?departmentId=dept-ortho-spine&from=${from}&to=${addDays(from, 14)}`,
    );
    const widest = await call(
      api.url,
      'GET',
      `/v1/sessions?departmentId=dept-ortho-spine&from=${from}&to=${addDays(from, 13)}`,
    );
    const reversed = await call<ErrorBody>(
      api.url,
      'GET',
      `/v1/sessions?departmentId=dept-ortho-spine&from=${from}&to=2025-10-12`,
    );
    const unknown = await call<ErrorBody>(
      api.url,
      'GET',
      `/v1/sessions?departmentId=x&from=${from}&to=${from}&vip=1`,
    );
    expect([wide.status, wide.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(widest.status).toBe(200);
    expect([reversed.status, reversed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'UNKNOWN_QUERY_PARAMETER']);
  });
});

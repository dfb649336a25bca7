import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { doctorTemplatesResponseSchema, sessionIdOf, type DoctorTemplatesResponse } from '@jiuyi/shared';
import { scheduleKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import { materialiseSessions } from '../../functions/src/use-cases/appointments/materialise-sessions';
import { call, devToken } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

jest.setTimeout(60_000);

// Monday 13 October 2025, 09:00 Shanghai; the seed materialises 13–20 October.
const NOW = new Date('2025-10-13T01:00:00Z');
let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi({ now: () => NOW });
  admin = await devToken(api.url, 'templates-admin', 'admin');
});
afterAll(async () => api.stop());

type ErrorBody = { error: { code: string; details?: { fields?: Record<string, string> } } };
const path = (doctorId: string) => `/v1/admin/doctors/${doctorId}/templates`;
const put = (doctorId: string, templates: unknown[]) =>
  call<DoctorTemplatesResponse & ErrorBody>(api.url, 'PUT', path(doctorId), {
    token: admin,
    body: { templates },
  });

async function session(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await api.deps.table.doc.send(
    new GetCommand({ TableName: api.deps.table.name, Key: scheduleKeys.session(id), ConsistentRead: true }),
  );
  return Item;
}

describe('editing weekly templates', () => {
  it('lists a doctor’s week with the reserves it will use', async () => {
    const res = await call<DoctorTemplatesResponse>(api.url, 'GET', path('doc-spine-01'), { token: admin });
    expect(res.status).toBe(200);
    const view = doctorTemplatesResponseSchema.parse(res.body);
    expect(view.items.map((t) => `${t.weekday}${t.period}`)).toEqual(['1am', '3am', '6am']);
    expect(view.items[0]).toMatchObject({
      capacity: 20,
      slotMinutes: 30,
      onSiteReservePercent: 20,
      defaultQuota: true,
    });
  });

  it.each([
    [{ weekday: 2, period: 'am', capacity: 10, slotMinutes: 31 }, 'templates.0.slotMinutes'],
    [{ weekday: 8, period: 'am', capacity: 10 }, 'templates.0.weekday'],
    [{ weekday: 2, period: 'noon', capacity: 10 }, 'templates.0.period'],
    [{ weekday: 2, period: 'am', capacity: 0 }, 'templates.0.capacity'],
    [
      { weekday: 2, period: 'am', capacity: 10, onSiteReservePercent: 80, referralReservePercent: 30 },
      'templates.0.referralReservePercent',
    ],
    [
      { weekday: 2, period: 'am', capacity: 10, onSiteReservePercent: 20 },
      'templates.0.onSiteReservePercent',
    ],
    [{ weekday: 2, period: 'am', capacity: 10, colour: 'red' }, 'templates.0'],
  ])('refuses %j naming %s', async (template, field) => {
    const res = await put('doc-spine-02', [template]);
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(res.body.error.details)).toContain(field);
  });

  it('refuses two entries for one half day and an unknown doctor', async () => {
    const twice = await put('doc-spine-02', [
      { weekday: 2, period: 'am', capacity: 10 },
      { weekday: 2, period: 'am', capacity: 12 },
    ]);
    const nobody = await put('doc-nobody', [{ weekday: 2, period: 'am', capacity: 10 }]);
    expect([twice.status, twice.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([nobody.status, nobody.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('changes the sessions materialised afterwards and leaves published ones alone', async () => {
    // Prepare: doc-spine-01 works Monday, Wednesday and Saturday mornings; Monday 20 October is published.
    const published = await session(sessionIdOf('doc-spine-01', '2025-10-20', 'am'));
    expect(published).toBeDefined();

    // Act: the week becomes Monday and Tuesday afternoons with 20-minute slots and its own reserves.
    const res = await put('doc-spine-01', [
      { weekday: 1, period: 'am', capacity: 12, slotMinutes: 15 },
      { weekday: 2, period: 'pm', capacity: 22, onSiteReservePercent: 50, referralReservePercent: 0 },
    ]);
    await materialiseSessions(api.deps, '2025-10-20', 8);

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.items.map((t) => [t.weekday, t.period, t.slotMinutes, t.onSiteReservePercent])).toEqual([
      [1, 'am', 15, 20],
      [2, 'pm', 20, 50],
    ]);
    expect(await session(sessionIdOf('doc-spine-01', '2025-10-20', 'am'))).toEqual(published);
    expect(await session(sessionIdOf('doc-spine-01', '2025-10-22', 'am'))).toBeUndefined();
    expect(await session(sessionIdOf('doc-spine-01', '2025-10-27', 'am'))).toMatchObject({ capacity: 12 });
    const tuesday = await call<{
      items: Array<{
        doctor: { id: string };
        period: string;
        slots: Array<{ start: string; capacityOnline: number }>;
      }>;
    }>(api.url, 'GET', '/v1/sessions?departmentId=dept-ortho-spine&from=2025-10-21&to=2025-10-21');
    const pm = tuesday.body.items.find((s) => s.doctor.id === 'doc-spine-01' && s.period === 'pm');
    expect(pm?.slots).toHaveLength(11);
    expect(pm?.slots[1]?.start).toBe('2025-10-21T13:20:00.000+08:00');
    // 22 numbers with half kept on site: 11 online.
    expect(pm?.slots.reduce((n, s) => n + s.capacityOnline, 0)).toBe(11);
  });
});

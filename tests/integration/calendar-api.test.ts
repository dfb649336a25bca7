import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  calendarStatusResponseSchema,
  calendarYearListResponseSchema,
  calendarYearSchema,
  sessionIdOf,
  type CalendarYear,
} from '@jiuyi/shared';
import { calendarKeys } from '../../functions/src/adapters/dynamodb/calendar-keys';
import { scheduleKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import type { Deps } from '../../functions/src/composition';
import { seedDemoData } from '../../functions/src/local/seed-demo-data';
import { materialiseSessions } from '../../functions/src/use-cases/appointments/materialise-sessions';
import { call, devToken } from '../support/http';
import { createTestDeps, startTestApi, type TestApi } from '../support/test-stack';

jest.setTimeout(60_000);

// Monday 7 December 2026, 09:00 Shanghai: past 1 November, and 2027 is not published in the
// library, so the seeded calendar ends with 2026.
const NOW = new Date('2026-12-07T01:00:00Z');
const FIXED_2027 = ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03'];
// An arrangement as the hospital might enter it; the lunar dates are illustrative.
const SPRING_2027 = ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'];

let api: TestApi;
let admin: string;
let adminId: string;
let recordsStaff: string;

type ErrorBody = { error: { code: string; details?: { dates?: string[]; fields?: Record<string, string> } } };
const yearPath = (year: number | string) => `/v1/admin/calendar-years/${year}`;
const put = (year: number | string, body: unknown, token = admin) =>
  call<CalendarYear & ErrorBody>(api.url, 'PUT', yearPath(year), { token, body });
const get = (year: number) => call<CalendarYear>(api.url, 'GET', yearPath(year), { token: admin });

beforeAll(async () => {
  api = await startTestApi({ now: () => NOW });
  admin = await devToken(api.url, 'calendar-admin', 'admin');
  recordsStaff = await devToken(api.url, 'calendar-records', 'records_staff');
  const me = await call<{ account: { id: string } }>(api.url, 'GET', '/v1/me', { token: admin });
  adminId = me.body.account.id;
});
afterAll(async () => api.stop());

describe('the calendar years as seeded', () => {
  it('lists the library years as confirmed and offers the missing next year, with the November warning', async () => {
    // Act
    const res = await call(api.url, 'GET', '/v1/admin/calendar-years', { token: admin });

    // Assess
    expect(res.status).toBe(200);
    const list = calendarYearListResponseSchema.parse(res.body);
    expect(list.items.slice(0, 2)).toEqual([
      { year: 2027, confirmed: false, source: 'none', holidayCount: 0, workdayCount: 0 },
      expect.objectContaining({
        year: 2026,
        confirmed: true,
        source: 'library',
        holidayCount: 33,
        workdayCount: 6,
      }),
    ]);
    expect(list.warning).toMatchObject({ year: 2027, reason: 'next_year_unconfirmed' });
  });

  it('shows records staff the warning too, and refuses it to other roles', async () => {
    // Act
    const staff = await call(api.url, 'GET', '/v1/calendar/status', { token: recordsStaff });
    const patient = await call<ErrorBody>(api.url, 'GET', '/v1/calendar/status', {
      token: await devToken(api.url, 'calendar-patient', 'patient'),
    });

    // Assess
    expect(staff.status).toBe(200);
    expect(calendarStatusResponseSchema.parse(staff.body).warning).toMatchObject({ year: 2027 });
    expect(patient.status).toBe(403);
  });
});

describe('entering a year: refusals', () => {
  it.each([
    [
      'a date outside the year',
      { holidays: [...FIXED_2027, '2026-12-31'], workdays: [], confirmed: true },
      'CALENDAR_DATE_OUTSIDE_YEAR',
      ['2026-12-31'],
    ],
    [
      'a day both off and worked',
      { holidays: [...FIXED_2027, '2027-02-06'], workdays: ['2027-02-06'], confirmed: true },
      'CALENDAR_DAY_BOTH_OFF_AND_ON',
      ['2027-02-06'],
    ],
    [
      'a make-up working day on a weekday',
      { holidays: FIXED_2027, workdays: ['2027-02-08'], confirmed: false },
      'CALENDAR_WORKDAY_NOT_WEEKEND',
      ['2027-02-08'],
    ],
    [
      'a confirmed year without 1 October',
      { holidays: FIXED_2027.filter((d) => d !== '2027-10-01'), workdays: [], confirmed: true },
      'CALENDAR_FIXED_HOLIDAY_MISSING',
      ['2027-10-01'],
    ],
  ])('refuses %s with a named error naming the dates', async (_, body, code, dates) => {
    // Act
    const res = await put(2027, body);

    // Assess
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details?.dates).toEqual(dates);
  });

  it.each([
    ['2027', { holidays: ['2027-02-30'], workdays: [], confirmed: false }, 'holidays.0'],
    ['2027', { holidays: [], workdays: [], confirmed: 'yes' }, 'confirmed'],
    ['2027', { holidays: [], workdays: [], confirmed: false, note: 'x' }, ''],
    ['27', { holidays: [], workdays: [], confirmed: false }, 'year'],
    ['2100', { holidays: [], workdays: [], confirmed: false }, 'year'],
  ])('refuses year %s with body %j as VALIDATION_FAILED', async (year, body, field) => {
    const res = await put(year, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    if (field) expect(Object.keys(res.body.error.details?.fields ?? {})).toContain(field);
  });

  it('refuses a non-admin with 403', async () => {
    const res = await put(2027, { holidays: FIXED_2027, workdays: [], confirmed: true }, recordsStaff);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('stored nothing and audited nothing for any refusal', async () => {
    const res = await get(2027);
    expect(res.body).toEqual({
      year: 2027,
      holidays: [],
      workdays: [],
      confirmed: false,
      source: 'none',
      history: [],
    });
  });
});

describe('entering and correcting a year', () => {
  it('saves a confirmed year with an audit entry (who, when, before, after) and lifts the warning', async () => {
    // Prepare: unsorted, with a repeat, as a hand-typed list may be.
    const holidays = [...SPRING_2027.slice(0, 3), ...FIXED_2027, SPRING_2027[0]!];

    // Act
    const res = await put(2027, { holidays, workdays: ['2027-02-20'], confirmed: true });

    // Assess
    expect(res.status).toBe(200);
    const year = calendarYearSchema.parse(res.body);
    expect(year).toMatchObject({
      year: 2027,
      holidays: [...new Set(holidays)].sort(),
      workdays: ['2027-02-20'],
      confirmed: true,
      source: 'hospital',
      updatedAt: '2026-12-07T09:00:00.000+08:00',
      updatedByAccountId: adminId,
    });
    expect(year.history).toEqual([
      {
        at: '2026-12-07T09:00:00.000+08:00',
        accountId: adminId,
        after: { holidays: [...new Set(holidays)].sort(), workdays: ['2027-02-20'], confirmed: true },
      },
    ]);
    const status = await call(api.url, 'GET', '/v1/calendar/status', { token: recordsStaff });
    expect(status.body).toEqual({});
  });

  it('records a correction with the arrangement before it', async () => {
    // Prepare
    const before = (await get(2027)).body;
    const corrected = [...FIXED_2027, ...SPRING_2027].sort();

    // Act
    const res = await put(2027, { holidays: corrected, workdays: ['2027-02-20'], confirmed: true });

    // Assess
    expect(res.status).toBe(200);
    const year = calendarYearSchema.parse(res.body);
    expect(year.holidays).toEqual(corrected);
    expect(year.history).toHaveLength(2);
    expect(year.history[0]).toMatchObject({
      accountId: adminId,
      before: { holidays: before.holidays, workdays: before.workdays, confirmed: true },
      after: { holidays: corrected },
    });
    const { Items } = await api.deps.table.doc.send(
      new QueryCommand({
        TableName: api.deps.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': calendarKeys.partition, ':p': calendarKeys.changePrefix(2027) },
      }),
    );
    expect(Items).toHaveLength(2);
  });

  it('lets concurrent saves of one year through one at a time: no change lost, every one audited', async () => {
    // Prepare: eight admins' saves of 2028 at once, each a different draft.
    const drafts = Array.from({ length: 8 }, (_, i) => ({
      holidays: ['2028-01-01', `2028-03-${String(i + 10).padStart(2, '0')}`],
      workdays: [],
      confirmed: false,
    }));

    // Act
    const results = await Promise.all(drafts.map((d) => put(2028, d)));

    // Assess
    const saved = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(saved.length).toBeGreaterThanOrEqual(1);
    refused.forEach((r) => expect([r.status, r.body.error.code]).toEqual([409, 'CONCURRENT_MODIFICATION']));
    const year = (await get(2028)).body;
    // Each audited change starts from the one before it: a chain, never two from the same state.
    expect(year.history).toHaveLength(saved.length);
    const oldestFirst = [...year.history].reverse();
    expect(oldestFirst[0]!.before).toBeUndefined();
    oldestFirst.slice(1).forEach((change, i) => expect(change.before).toEqual(oldestFirst[i]!.after));
    expect({ holidays: year.holidays, workdays: year.workdays, confirmed: year.confirmed }).toEqual(
      oldestFirst.at(-1)!.after,
    );
    const { Item } = await api.deps.table.doc.send(
      new GetCommand({ TableName: api.deps.table.name, Key: calendarKeys.year(2028), ConsistentRead: true }),
    );
    expect(Item?.version).toBe(saved.length);
  });
});

describe('a corrected year changes the sessions materialised', () => {
  // 2029, illustrative: 10–17 February off (12 Feb a Monday), Saturday 24 February worked.
  const FIXED_2029 = FIXED_2027.map((d) => d.replace('2027', '2029'));
  const SPRING_2029 = [
    '2029-02-10',
    '2029-02-11',
    '2029-02-12',
    '2029-02-13',
    '2029-02-14',
    '2029-02-15',
    '2029-02-16',
    '2029-02-17',
  ];
  // 许嘉宁 (doc-spine-03) has Monday afternoon clinics and none on Saturdays.
  const mondayPm = (date: string) => scheduleKeys.session(sessionIdOf('doc-spine-03', date, 'pm'));
  const exists = async (deps: Deps, date: string) =>
    (
      await deps.table.doc.send(
        new GetCommand({ TableName: deps.table.name, Key: mondayPm(date), ConsistentRead: true }),
      )
    ).Item !== undefined;

  it('plans an unconfirmed year with plain weekdays, and a confirmed one with its holidays and make-up day', async () => {
    // Prepare: a second table where 2029 stays unconfirmed.
    const unconfirmed = await createTestDeps({ now: () => NOW });
    await seedDemoData(unconfirmed);
    const saved = await put(2029, {
      holidays: [...FIXED_2029, ...SPRING_2029],
      workdays: ['2029-02-24'],
      confirmed: true,
    });

    // Act
    await materialiseSessions(unconfirmed, '2029-02-12', 14);
    await materialiseSessions(api.deps, '2029-02-12', 14);

    // Assess
    expect(saved.status).toBe(200);
    expect([await exists(unconfirmed, '2029-02-12'), await exists(unconfirmed, '2029-02-24')]).toEqual([
      true,
      false,
    ]);
    expect([await exists(api.deps, '2029-02-12'), await exists(api.deps, '2029-02-24')]).toEqual([
      false,
      true,
    ]);
    expect(await exists(api.deps, '2029-02-19')).toBe(true);
  });
});

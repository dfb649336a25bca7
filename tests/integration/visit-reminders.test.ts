import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { messageListResponseSchema, type MessageKind } from '@jiuyi/shared';
import { appointmentKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import { createDueTimerStore } from '../../functions/src/adapters/dynamodb/due-timer-store';
import { markNoShows } from '../../functions/src/use-cases/appointments/mark-no-shows';
import { fireDueTimers } from '../../functions/src/use-cases/messages/fire-due-timers';
import { appointmentFixtures, at } from '../support/appointment-fixtures';
import { call } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

// Seeding a fresh table takes seconds on a shared machine.
jest.setTimeout(60_000);

// Saturday 18 October 2025, 10:00 Shanghai; the visits are on Monday 20 October.
const START = at('2025-10-18T10:00:00');
let clock = START;
let api: TestApi;
let fx: ReturnType<typeof appointmentFixtures>;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  fx = appointmentFixtures(api, 'remind');
});
afterEach(() => {
  clock = START;
});
afterAll(async () => api.stop());

const timers = () => createDueTimerStore(api.deps.table);
const fireAt = (iso: string) => fireDueTimers(timers(), at(iso));

const REMINDERS: readonly MessageKind[] = [
  'visit_reminder_evening',
  'visit_reminder_soon',
  'no_show_warning',
];

/** The reminders in the account's message centre, oldest first (the booking's own messages aside). */
async function kindsOf(token: string): Promise<MessageKind[]> {
  return (await reminders(token)).map((m) => m.kind);
}

async function reminders(token: string) {
  const res = await call(api.url, 'GET', '/v1/messages', { token });
  return messageListResponseSchema
    .parse(res.body)
    .items.filter((m) => REMINDERS.includes(m.kind))
    .reverse();
}

/** A free number in the 08:00 slot of a session on 20 October, booked at `bookedAt`. */
async function bookVisit(name: string, bookedAt = START) {
  const { slotIds } = await fx.makeSession(name, { capacityOnline: 2, feeFen: 0, date: '2025-10-20' });
  const account = await fx.makeAccount();
  clock = bookedAt;
  const booked = await fx.book(account.token, slotIds[0] ?? '', account.patientIds[0] ?? '');
  if (booked.status !== 201) throw new Error(`book: ${JSON.stringify(booked.body)}`);
  expect(booked.body.status).toBe('booked');
  return { ...account, appointmentId: booked.body.id };
}

describe('visit reminders (Asia/Shanghai times)', () => {
  it('fire at 20:00 the evening before and 30 minutes before the slot, never early', async () => {
    // Prepare
    const visit = await bookVisit('times');

    // Act / Assess: each boundary, one millisecond before and exactly on it
    await fireAt('2025-10-19T19:59:59.999');
    expect(await kindsOf(visit.token)).toEqual([]);
    await fireAt('2025-10-19T20:00:00');
    expect(await kindsOf(visit.token)).toEqual(['visit_reminder_evening']);
    await fireAt('2025-10-20T07:29:59.999');
    expect(await kindsOf(visit.token)).toEqual(['visit_reminder_evening']);
    await fireAt('2025-10-20T07:30:00');
    expect(await kindsOf(visit.token)).toEqual(['visit_reminder_evening', 'visit_reminder_soon']);
  });

  it('leave the no-show warning to the no-show job at session end: one warning, not two', async () => {
    // Prepare
    const visit = await bookVisit('noshow');

    // Act: both jobs run at 11:30 (twice, as overlapping schedules may)
    for (let run = 0; run < 2; run += 1) {
      await fireAt('2025-10-20T11:30:00');
      await markNoShows(api.deps, at('2025-10-20T11:30:00'));
    }

    // Assess
    const warnings = (await reminders(visit.token)).filter((m) => m.kind === 'no_show_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.body).toContain('90 天内第 1 次');
  });

  it('fire once even when the job runs twice and two runs overlap', async () => {
    // Prepare
    const visit = await bookVisit('once');

    // Act
    await Promise.all([fireAt('2025-10-19T20:00:00'), fireAt('2025-10-19T20:00:00')]);
    await fireAt('2025-10-19T20:01:00');
    await Promise.all([
      fireAt('2025-10-20T07:30:00'),
      fireAt('2025-10-20T07:30:00'),
      fireAt('2025-10-20T07:31:00'),
    ]);

    // Assess
    expect(await kindsOf(visit.token)).toEqual(['visit_reminder_evening', 'visit_reminder_soon']);
    const [evening] = await reminders(visit.token);
    expect(evening?.body).toContain('明天 08:00');
    expect(evening?.link).toBe(`/pages/appointment-detail/index?id=${visit.appointmentId}`);
  });

  it('a cancelled visit takes its reminders with it: none ever fires', async () => {
    // Prepare
    const visit = await bookVisit('cancelled');
    const aggregate = { type: 'appointment', id: visit.appointmentId };
    expect(await timers().get(aggregate, 'evening-before')).toBeDefined();

    // Act
    const cancelled = await call(api.url, 'POST', `/v1/appointments/${visit.appointmentId}/cancel`, {
      token: visit.token,
    });
    for (const time of ['2025-10-19T20:00:00', '2025-10-20T07:30:00']) await fireAt(time);

    // Assess
    expect(cancelled.status).toBe(200);
    expect(await timers().get(aggregate, 'evening-before')).toBeUndefined();
    expect(await timers().get(aggregate, 'slot-soon')).toBeUndefined();
    expect(await kindsOf(visit.token)).toEqual([]);
  });

  it('a status change that did not cancel the timers still stops them (the guard)', async () => {
    // Prepare: a flow that knows nothing of reminders moves the visit on
    const visit = await bookVisit('guarded');
    await api.deps.table.doc.send(
      new UpdateCommand({
        TableName: api.deps.table.name,
        Key: appointmentKeys.appointment(visit.accountId, visit.appointmentId),
        UpdateExpression: 'SET #d.#s = :done',
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: { ':done': 'completed' },
      }),
    );

    // Act
    const summary = await fireAt('2025-10-19T20:00:00');

    // Assess
    expect(summary.obsolete).toBeGreaterThanOrEqual(1);
    expect(await kindsOf(visit.token)).toEqual([]);
    expect(
      await timers().get({ type: 'appointment', id: visit.appointmentId }, 'evening-before'),
    ).toBeUndefined();
  });

  it('a booking made after 20:00 the evening before gets no evening reminder, only the later ones', async () => {
    // Prepare
    const visit = await bookVisit('late', at('2025-10-19T21:00:00'));

    // Act
    await fireAt('2025-10-20T07:30:00');

    // Assess
    expect(
      await timers().get({ type: 'appointment', id: visit.appointmentId }, 'evening-before'),
    ).toBeUndefined();
    expect(await kindsOf(visit.token)).toEqual(['visit_reminder_soon']);
  });

  it('a reminder whose visit has begun is dropped, not sent late', async () => {
    // Prepare
    const visit = await bookVisit('stale');

    // Act: the job was down from before 20:00 until the visit started
    const summary = await fireAt('2025-10-20T08:00:01');

    // Assess
    expect(summary.obsolete).toBeGreaterThanOrEqual(2);
    expect(await kindsOf(visit.token)).toEqual([]);
  });
});

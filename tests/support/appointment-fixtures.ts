import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { slotIdOf, type AppointmentView, type ClinicPeriod, type PlannedSession } from '@jiuyi/shared';
import { scheduleKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import { call, devToken } from './http';
import { makePatientInput } from './identities';
import type { TestApi } from './test-stack';

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** A Shanghai wall-clock instant, written as the contract writes times. */
export const at = (iso: string) => new Date(`${iso}+08:00`);

const SLOT_TIMES: Record<ClinicPeriod, Array<[string, string]>> = {
  am: [
    ['08:00', '08:30'],
    ['08:30', '09:00'],
  ],
  pm: [
    ['13:00', '13:30'],
    ['13:30', '14:00'],
  ],
};

/** Fixtures for the booking flows over one test API: sessions, accounts with patients, bookings. */
export function appointmentFixtures(api: TestApi, prefix: string) {
  let seed = 0;

  /** A session of its own doctor with two slots whose online capacity the test chooses; returns slot ids. */
  async function makeSession(
    name: string,
    o: { capacityOnline: number; feeFen?: number; date: string; period?: ClinicPeriod },
  ): Promise<{ sessionId: string; slotIds: string[] }> {
    const period = o.period ?? 'am';
    const id = `${prefix}-${name}_${o.date}_${period}`;
    const plan: PlannedSession = {
      id,
      departmentId: 'dept-ortho-spine',
      doctor: {
        id: `${prefix}-${name}`,
        name: '测试医生',
        title: 'attending_physician',
        departmentId: 'dept-ortho-spine',
        feeFen: o.feeFen ?? 1500,
      },
      date: o.date,
      period,
      capacity: o.capacityOnline * 2,
      quota: { onSite: 0, referral: 0, online: o.capacityOnline * 2 },
      slotMinutes: 30,
      slots: SLOT_TIMES[period].map(([start, end], index) => ({
        id: slotIdOf(id, start),
        index,
        start: `${o.date}T${start}:00.000+08:00`,
        end: `${o.date}T${end}:00.000+08:00`,
        capacity: o.capacityOnline,
        capacityOnline: o.capacityOnline,
      })),
    };
    await api.deps.schedule.putSessionIfAbsent(plan, '脊柱外科');
    return { sessionId: id, slotIds: plan.slots.map((s) => s.id) };
  }

  /** A patient account with `count` 就诊人; `inputs` are what was registered (for ID checks). */
  async function makeAccount(count = 1) {
    const token = await devToken(api.url, `${prefix}-${randomUUID()}`, 'patient');
    const patientIds: string[] = [];
    const inputs: Array<ReturnType<typeof makePatientInput>> = [];
    for (let i = 0; i < count; i += 1) {
      seed += 1;
      const input = makePatientInput(seed, { relation: i === 0 ? 'self' : 'family' });
      const res = await call<{ id: string }>(api.url, 'POST', '/v1/patients', { token, body: input });
      if (res.status !== 201) throw new Error(`patient: ${res.status} ${JSON.stringify(res.body)}`);
      patientIds.push(res.body.id);
      inputs.push(input);
    }
    const { accountId } = await api.deps.tokens.verify(token);
    return { token, accountId, patientIds, inputs };
  }

  function book(token: string, slotId: string, patientId: string, key: string = randomUUID()) {
    return call<AppointmentView & ErrorBody>(api.url, 'POST', '/v1/appointments', {
      token,
      body: { slotId, patientId },
      headers: { 'idempotency-key': key },
    });
  }

  async function bookedOnline(slotId: string): Promise<number> {
    const { Item } = await api.deps.table.doc.send(
      new GetCommand({
        TableName: api.deps.table.name,
        Key: scheduleKeys.slot(slotId),
        ConsistentRead: true,
      }),
    );
    return Number(Item?.bookedOnline);
  }

  return { makeSession, makeAccount, book, bookedOnline };
}

import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { slotIdOf, type DoctorTitle, type PlannedSession } from '@jiuyi/shared';
import { appointmentKeys, scheduleKeys } from '../../functions/src/adapters/dynamodb/appointment-keys';
import type { Deps } from '../../functions/src/composition';
import { call, devToken } from './http';
import { makePatientInput } from './identities';

/** A doctor's session of two 30-minute slots (08:00, 08:30 or 13:00, 13:30) whose numbers the test chooses. */
export interface SessionSpec {
  doctorId: string;
  departmentId: string;
  title?: DoctorTitle;
  date: string;
  period?: 'am' | 'pm';
  /** Online numbers per slot. */
  online: number;
  /** On-site reserve per slot. */
  onSite?: number;
  /** Referral reserve per slot. */
  referral?: number;
  feeFen?: number;
}

/** Writes the session (and a catalogue doctor, so doctor accounts can link to it); returns its slot ids. */
export async function makeSession(
  deps: Deps,
  spec: SessionSpec,
): Promise<{ sessionId: string; slotIds: string[] }> {
  const period = spec.period ?? 'am';
  const title = spec.title ?? 'attending_physician';
  const feeFen = spec.feeFen ?? 1500;
  const sessionId = `${spec.doctorId}_${spec.date}_${period}`;
  const starts = period === 'am' ? ['08:00', '08:30', '09:00'] : ['13:00', '13:30', '14:00'];
  const onSite = spec.onSite ?? 0;
  const referral = spec.referral ?? 0;
  const slots = [0, 1].map((i) => ({
    id: slotIdOf(sessionId, starts[i]!),
    index: i,
    start: `${spec.date}T${starts[i]}:00.000+08:00`,
    end: `${spec.date}T${starts[i + 1]}:00.000+08:00`,
    capacity: spec.online + onSite + referral,
    capacityOnline: spec.online,
    capacityOnSite: onSite,
    capacityReferral: referral,
  }));
  const doctor = {
    id: spec.doctorId,
    name: `医生${spec.doctorId.slice(-4)}`,
    title,
    departmentId: spec.departmentId,
    feeFen,
  };
  const plan: PlannedSession = {
    id: sessionId,
    departmentId: spec.departmentId,
    doctor,
    date: spec.date,
    period,
    capacity: 2 * (spec.online + onSite + referral),
    quota: { onSite: 2 * onSite, referral: 2 * referral, online: 2 * spec.online },
    slotMinutes: 30,
    slots,
  };
  await deps.catalogue.putAll({
    departments: [],
    doctors: [{ ...doctor, feeFen: Math.max(1, feeFen), specialty: '测试', introduction: '测试医生' }],
    templates: [],
  });
  await deps.schedule.putSessionIfAbsent(plan, `科室${spec.departmentId.slice(-4)}`);
  return { sessionId, slotIds: slots.map((s) => s.id) };
}

let seed = 0;

/** A patient account with one self profile; returns its token, account id, patient id and ID document. */
export async function makePatient(url: string, base = 0) {
  seed += 1;
  const input = makePatientInput(base + seed);
  const token = await devToken(url, `clinic-${randomUUID()}`, 'patient');
  const me = await call<{ account: { id: string } }>(url, 'GET', '/v1/me', { token });
  const res = await call<{ id: string }>(url, 'POST', '/v1/patients', { token, body: input });
  if (res.status !== 201) throw new Error(`patient: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    token,
    accountId: me.body.account.id,
    patientId: res.body.id,
    name: input.name,
    document: { idType: input.idType as 'resident_id', idNumber: input.idNumber },
  };
}

/** Books online with a fresh idempotency key. */
export function bookOnline<T>(url: string, token: string, slotId: string, patientId: string) {
  return call<T>(url, 'POST', '/v1/appointments', {
    token,
    body: { slotId, patientId },
    headers: { 'idempotency-key': randomUUID() },
  });
}

/** Stands in for a completed payment (the payment flow has its own tests): the hold becomes a paid booking. */
export async function markPaid(
  deps: Deps,
  a: { accountId: string; appointmentId: string; slotId: string },
): Promise<void> {
  await deps.table.doc.send(
    new UpdateCommand({
      TableName: deps.table.name,
      Key: appointmentKeys.appointment(a.accountId, a.appointmentId),
      UpdateExpression: 'SET #d.#s = :booked REMOVE #d.holdExpiresAt, gsi2pk, gsi2sk',
      ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
      ExpressionAttributeValues: { ':booked': 'booked' },
    }),
  );
  await deps.table.doc.send(
    new UpdateCommand({
      TableName: deps.table.name,
      Key: scheduleKeys.slot(a.slotId),
      UpdateExpression: 'REMOVE holds.#aid',
      ExpressionAttributeNames: { '#aid': a.appointmentId },
    }),
  );
}

/** A slot's counters as stored. */
export async function slotCounters(
  deps: Deps,
  slotId: string,
): Promise<{ bookedOnline: number; bookedOnSite: number }> {
  const { Item } = await deps.table.doc.send(
    new GetCommand({ TableName: deps.table.name, Key: scheduleKeys.slot(slotId), ConsistentRead: true }),
  );
  return { bookedOnline: Number(Item?.bookedOnline ?? 0), bookedOnSite: Number(Item?.bookedOnSite ?? 0) };
}

/** A slot's referral-reserve counter as stored. */
export async function referralCounter(deps: Deps, slotId: string): Promise<number> {
  const { Item } = await deps.table.doc.send(
    new GetCommand({ TableName: deps.table.name, Key: scheduleKeys.slot(slotId), ConsistentRead: true }),
  );
  return Number(Item?.bookedReferral ?? 0);
}

/** Overrides one slot's online capacity, for a test that needs slots of different sizes. */
export async function setCapacityOnline(deps: Deps, slotId: string, capacityOnline: number): Promise<void> {
  await deps.table.doc.send(
    new UpdateCommand({
      TableName: deps.table.name,
      Key: scheduleKeys.slot(slotId),
      UpdateExpression: 'SET capacityOnline = :n',
      ExpressionAttributeValues: { ':n': capacityOnline },
    }),
  );
}

import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { PlannedSession } from '@jiuyi/shared';
import { scheduleKeys } from '../../../functions/src/adapters/dynamodb/appointment-keys';
import type { Table } from '../../../functions/src/adapters/dynamodb/table';

/** What the table holds for the session after the burst, read back with consistent reads. */
export interface TableState {
  bookedOnline: number;
  /** Slots whose counter passed their online capacity: must be none. */
  overbookedSlots: string[];
  holds: number;
  appointmentIds: string[];
  distinctPatients: number;
  sessionGuards: number;
}

async function scanAll(table: Table): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.name, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Reads the slot counters, holds, appointments and guards of `session` straight from the table. */
export async function readSessionState(table: Table, session: PlannedSession): Promise<TableState> {
  const slots = await Promise.all(
    session.slots.map(async (slot) => {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: scheduleKeys.slot(slot.id), ConsistentRead: true }),
      );
      return { id: slot.id, capacityOnline: slot.capacityOnline, item: Item ?? {} };
    }),
  );
  const items = await scanAll(table);
  const appointments = items
    .filter((i) => i.type === 'appointment')
    .map((i) => i.data as { id: string; sessionId: string; patientId: string })
    .filter((a) => a.sessionId === session.id);
  return {
    bookedOnline: slots.reduce((n, s) => n + Number(s.item.bookedOnline), 0),
    overbookedSlots: slots.filter((s) => Number(s.item.bookedOnline) > s.capacityOnline).map((s) => s.id),
    holds: slots.reduce((n, s) => n + Object.keys((s.item.holds as object | undefined) ?? {}).length, 0),
    appointmentIds: appointments.map((a) => a.id),
    distinctPatients: new Set(appointments.map((a) => a.patientId)).size,
    sessionGuards: items.filter((i) => String(i.pk).startsWith(`SESSIONGUARD#${session.id}#`)).length,
  };
}

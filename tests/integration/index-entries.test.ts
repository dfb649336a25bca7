import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { bookOnline, makePatient, makeSession, markPaid } from '../support/clinic-fixtures';
import { cancelAppointment } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Every index entry the code writes is one docs/data-model.md lists, and the data model lists only
 * index partitions a store queries (reviewed with the queries when an entry is added: an entry nobody
 * reads costs a write per item for nothing). Items of the common flows are scanned after they ran.
 */
jest.setTimeout(120_000);

// Monday 13 October 2025, 09:00 Shanghai.
const NOW = new Date('2025-10-13T01:00:00Z');
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: () => NOW });
});
afterAll(async () => api.stop());

/** `gsi1pk = SESSIONS#<dept>` → gsi1 `SESSIONS#…`; `gsi2pk = HOLDS` → gsi2 `HOLDS`. */
function documentedPartitions(): Set<string> {
  const doc = readFileSync(resolve(__dirname, '../../docs/data-model.md'), 'utf8');
  const found = new Set<string>();
  for (const row of doc.split('\n').filter((l) => /\|\s*gsi[12]\s*\|\s*$/.test(l))) {
    const index = /\|\s*(gsi[12])\s*\|\s*$/.exec(row)![1]!;
    for (const m of row.matchAll(/`(?:gsi[12]pk = )?([A-Z]+(?:#[a-z]+)?)(#<[^>]+>)?`/g)) {
      if (!/^[A-Z]/.test(m[1]!)) continue;
      found.add(`${index} ${m[2] ? `${m[1]}#…` : m[1]}`);
    }
  }
  return found;
}

/** The family an index key belongs to: a fixed worklist name, or a prefix before an id or date. */
function familyOf(index: string, value: string, documented: Set<string>): string {
  if (documented.has(`${index} ${value}`)) return `${index} ${value}`;
  return `${index} ${value.split('#')[0]}#…`;
}

describe('index entries', () => {
  it('every index entry the flows write is in docs/data-model.md (entries nobody queries are not written)', async () => {
    // Prepare: a session, two patients; one books and cancels a paid number, one holds an unpaid one.
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'index-a',
      departmentId: 'dept-index-a',
      date: '2025-10-15',
      online: 2,
    });
    const [p1, p2] = [await makePatient(api.url, 700), await makePatient(api.url, 700)];
    const paid = await bookOnline<{ id: string }>(api.url, p1!.token, slotIds[0]!, p1!.patientId);
    await markPaid(api.deps, { accountId: p1!.accountId, appointmentId: paid.body.id, slotId: slotIds[0]! });
    await cancelAppointment(api.url, p1!.token, paid.body.id);
    await bookOnline(api.url, p2!.token, slotIds[1]!, p2!.patientId);
    // Act
    const { Items = [] } = await api.deps.table.doc.send(new ScanCommand({ TableName: api.deps.table.name }));
    // Assess
    const documented = documentedPartitions();
    const written = new Set<string>();
    for (const item of Items) {
      if (typeof item.gsi1pk === 'string') written.add(familyOf('gsi1', item.gsi1pk, documented));
      if (typeof item.gsi2pk === 'string') written.add(familyOf('gsi2', item.gsi2pk, documented));
    }
    expect(written.size).toBeGreaterThanOrEqual(5);
    expect([...written].filter((w) => !documented.has(w)).sort()).toEqual([]);
    expect([...written].sort()).toEqual(
      expect.arrayContaining(['gsi1 SESSIONS#…', 'gsi2 HOLDS', 'gsi2 REFUNDS#due']),
    );
  });
});

import { loadavg } from 'node:os';
import type { Deps } from '../../../functions/src/composition';
import { startDynamoDbLocal } from '../../../functions/src/local/dynamodb-local';
import { findFreePort } from '../../support/ports';
import { createTestDeps, startTestApi, type TestApi } from '../../support/test-stack';
import { copyCheckedItems, runBareLoop, type BareLoopResult } from './bare-loop';
import { fireBookings, type BurstResult } from './http-burst';
import { openRush, registerPeople, RELEASE_AT, type Person, type Rush } from './rush-setup';
import { logTransactions, type LoggedCalls, type TransactionLog } from './transaction-log';
import { readSessionState, type TableState } from './verify-table';
import { priceTransaction, totalWcu, type ActionCost } from './write-cost';

/** One rush on its own session, then the same transactions bare against a table of their own. */
export interface RushRound {
  rush: Rush;
  burst: BurstResult;
  calls: LoggedCalls;
  state: TableState;
  bare: BareLoopResult;
}

export interface RushRun {
  people: number;
  concurrency: number;
  rounds: RushRound[];
  /** The priced actions of the dearest committed booking, and the range of totals over all of them. */
  cost: { actions: ActionCost[]; minWcu: number; maxWcu: number; bookings: number };
  /** 1-minute load average when the rounds started: other work on the machine skews the figures. */
  loadAverage: number;
}

async function priceBookings(table: Deps['table'], rounds: readonly RushRound[]): Promise<RushRun['cost']> {
  const committed = rounds.flatMap((r) => r.calls.transactions.filter((t) => t.outcome === 'committed'));
  const priced = await Promise.all(committed.map((t) => priceTransaction(table, t.items)));
  const totals = priced.map(totalWcu);
  // With nothing committed the burst has failed already; the empty price keeps its report printable.
  const dearest = priced[totals.indexOf(Math.max(...totals))] ?? [];
  const [minWcu = 0, maxWcu = 0] = [Math.min(...totals), Math.max(...totals)].filter(Number.isFinite);
  return { actions: dearest, minWcu, maxWcu, bookings: committed.length };
}

async function runRound(
  api: TestApi,
  log: TransactionLog,
  people: readonly Person[],
  round: number,
  concurrency: number,
): Promise<RushRound> {
  const rush = await openRush(api, people, round);
  log.drain();
  const burst = await fireBookings(api.url, rush.attempts, concurrency);
  const calls = log.drain();
  const state = await readSessionState(api.deps.table, rush.session);
  const replay = await createTestDeps();
  await replay.schedule.putSessionIfAbsent(rush.session, rush.departmentName);
  await copyCheckedItems(
    api.deps.table,
    replay.table,
    calls.transactions.map((t) => t.items),
  );
  const bare = await runBareLoop(
    replay.table,
    calls.transactions.map((t) => t.items),
    concurrency,
  );
  return { rush, burst, calls, state, bare };
}

/**
 * The whole booking benchmark against one DynamoDB Local started for it:
 * 1. the local HTTP API with the real handlers, its clock at the 08:00 release;
 * 2. setup, untimed: the people (rush-setup.ts);
 * 3. per round: a fresh session, the burst over HTTP with every TransactWriteItems the stores send
 *    logged, the table read back, and the logged transactions replayed bare against a second table
 *    holding the same session; rounds alternate burst and bare so drift on a shared machine hits both;
 * 4. the committed bookings priced from their items.
 */
export async function runRush(people: number, concurrency: number, rounds: number): Promise<RushRun> {
  const db = await startDynamoDbLocal({ port: await findFreePort() });
  process.env.JIUYI_DYNAMODB_ENDPOINT = db.endpoint;
  try {
    const api = await startTestApi({ now: () => RELEASE_AT });
    try {
      const persons = await registerPeople(api, people);
      const log = logTransactions(api.deps.table.doc);
      const loadAverage = loadavg()[0] ?? Number.NaN;
      const results: RushRound[] = [];
      for (let round = 1; round <= rounds; round += 1)
        results.push(await runRound(api, log, persons, round, concurrency));
      const cost = await priceBookings(api.deps.table, results);
      return { people, concurrency, rounds: results, cost, loadAverage };
    } finally {
      await api.stop();
    }
  } finally {
    await db.stop();
  }
}

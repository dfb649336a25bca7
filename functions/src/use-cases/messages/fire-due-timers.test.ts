import type { DueTimer, DueTimerStore, FireOutcome } from '../../ports/due-timer';
import { fireDueTimers } from './fire-due-timers';

const NOW = new Date('2026-03-01T12:00:00Z');

function timer(step: string): DueTimer {
  return {
    aggregate: { type: 'test', id: 't-1' },
    step,
    dueAt: '2026-03-01T19:00:00.000+08:00',
    message: {
      kind: 'general',
      entityId: 't-1',
      recipientAccountId: 'a',
      title: 't',
      body: 'b',
      link: '/pages/index/index',
    },
  };
}

/** A queue of `count` due timers; `fire` answers from `outcomes` (or throws), and removes what it fired. */
function fakeStore(
  count: number,
  outcome: (step: string) => FireOutcome | Error,
): DueTimerStore & { asked: string[] } {
  let queue = Array.from({ length: count }, (_, i) => timer(`s-${i}`));
  const asked: string[] = [];
  return {
    asked,
    due: async (nowIso, limit) => {
      asked.push(nowIso);
      return queue.slice(0, limit);
    },
    fire: async (t) => {
      const result = outcome(t.step);
      if (result instanceof Error) throw result;
      if (result !== 'contended') queue = queue.filter((q) => q !== t);
      return result;
    },
    get: async () => undefined,
    schedule: async () => undefined,
    cancel: async () => undefined,
  };
}

describe('fireDueTimers', () => {
  it('reads the queue up to now in Shanghai time and drains it batch by batch', async () => {
    // Prepare
    const store = fakeStore(5, () => 'fired');
    // Act
    const summary = await fireDueTimers(store, NOW, { batchSize: 2 });
    // Assess
    expect(summary).toEqual({ fired: 5, gone: 0, obsolete: 0, contended: 0, errors: 0 });
    expect(store.asked).toEqual(Array(3).fill('2026-03-01T20:00:00.000+08:00'));
  });

  it('counts a failing timer and stops there, leaving the rest for the next run', async () => {
    const store = fakeStore(4, (step) => (step === 's-0' ? new Error('throttled') : 'fired'));
    const summary = await fireDueTimers(store, NOW, { batchSize: 2 });
    expect(summary).toMatchObject({ fired: 1, errors: 1 });
    expect(store.asked).toHaveLength(1);
  });

  it('does not spin on contended timers within one run', async () => {
    const store = fakeStore(2, () => 'contended');
    const summary = await fireDueTimers(store, NOW, { batchSize: 2, maxBatches: 5 });
    expect(summary.contended).toBe(2);
    expect(store.asked).toHaveLength(1);
  });
});

import { startOutboxPoller } from './outbox-poller';

describe('startOutboxPoller', () => {
  it('runs the sender repeatedly, never two runs at once, and stops after the run in progress', async () => {
    // Prepare
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const deliver = async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 15));
      runs += 1;
      active -= 1;
    };
    // Act
    const poller = startOutboxPoller({ deliver, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 80));
    await poller.stop();
    const runsAtStop = runs;
    await new Promise((r) => setTimeout(r, 30));
    // Assess
    expect(runsAtStop).toBeGreaterThanOrEqual(2);
    expect(maxActive).toBe(1);
    expect(active).toBe(0);
    expect(runs).toBe(runsAtStop);
  });

  it('reports a failed run and keeps polling', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const poller = startOutboxPoller({
      deliver: async () => {
        calls += 1;
        throw new Error('db down');
      },
      intervalMs: 5,
      onError: (e) => errors.push(e),
    });
    await new Promise((r) => setTimeout(r, 40));
    await poller.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBe(calls);
  });
});

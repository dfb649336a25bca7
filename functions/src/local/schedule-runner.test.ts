import { rateMs, startScheduleRunner } from './schedule-runner';

describe('rateMs', () => {
  it('reads EventBridge rate expressions and leaves cron alone', () => {
    expect(rateMs('rate(1 minute)')).toBe(60_000);
    expect(rateMs('rate(5 minutes)')).toBe(300_000);
    expect(rateMs('rate(2 hours)')).toBe(7_200_000);
    expect(rateMs('cron(0 18 * * ? *)')).toBeUndefined();
  });
});

describe('startScheduleRunner', () => {
  it('runs each rate entry on its timer and skips cron entries', async () => {
    // Prepare
    jest.useFakeTimers();
    const runs: string[] = [];
    const runner = startScheduleRunner({
      schedules: [
        { handler: 'every-minute', expression: 'rate(1 minute)', description: '' },
        { handler: 'nightly', expression: 'cron(0 18 * * ? *)', description: '' },
      ],
      load: async (handler) => async () => {
        runs.push(handler);
      },
    });
    // Act
    await jest.advanceTimersByTimeAsync(120_000);
    await runner.stop();
    jest.useRealTimers();
    // Assess
    expect(runner.running).toEqual(['every-minute']);
    expect(runs).toEqual(['every-minute', 'every-minute']);
  });
});

import { clockFor } from './composition';
import { loadConfig } from './config';

describe('the set clock (JIUYI_CLOCK_START)', () => {
  it('is read in stage local', () => {
    // Act
    const cfg = loadConfig({ JIUYI_STAGE: 'local', JIUYI_CLOCK_START: '2026-12-07T09:00:00+08:00' });

    // Assess: the clock starts at the instant given (it then runs on, so compare to the second).
    expect(cfg.clockStart).toBe('2026-12-07T09:00:00+08:00');
    expect(Math.floor(clockFor(cfg)().getTime() / 60_000)).toBe(Date.parse('2026-12-07T01:00:00Z') / 60_000);
  });

  it('is refused outside stage local', () => {
    expect(() =>
      loadConfig({
        JIUYI_STAGE: 'prod',
        JIUYI_CLOCK_START: '2026-12-07T09:00:00+08:00',
        JIUYI_TOKEN_SECRET: 'x'.repeat(32),
        JIUYI_KMS_KEY_ID: 'key',
        JIUYI_INDEX_KEY: 'y'.repeat(32),
        JIUYI_WECHAT_SECRET_PARAM: '/jiuyi/wechat',
      }),
    ).toThrow(/JIUYI_CLOCK_START is allowed only in the local stage/);
  });

  it('refuses an instant without an offset', () => {
    expect(() => loadConfig({ JIUYI_STAGE: 'local', JIUYI_CLOCK_START: '2026-12-07 09:00' })).toThrow(
      /JIUYI_CLOCK_START/,
    );
  });
});

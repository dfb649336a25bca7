import { loadHisConfig } from './his-config';

describe('loadHisConfig', () => {
  it('uses the demo HIS when no URL is set', () => {
    expect(loadHisConfig({}, 'local')).toEqual({ timeoutMs: 5000 });
  });

  it('reads the URL, the key parameter and the timeout', () => {
    const cfg = loadHisConfig(
      {
        JIUYI_HIS_URL: 'https://his.example/jiuyi/v1',
        JIUYI_HIS_KEY_PARAM: '/jiuyi/prod/his-key',
        JIUYI_HIS_TIMEOUT_MS: '3000',
      },
      'prod',
    );
    expect(cfg).toEqual({
      baseUrl: 'https://his.example/jiuyi/v1',
      signingKeyParam: '/jiuyi/prod/his-key',
      timeoutMs: 3000,
    });
  });

  it('refuses a URL without a key, an inline key in prod and a bad URL, naming the variable', () => {
    expect(() => loadHisConfig({ JIUYI_HIS_URL: 'https://his.example' }, 'local')).toThrow(
      /JIUYI_HIS_KEY_PARAM/,
    );
    expect(() =>
      loadHisConfig({ JIUYI_HIS_URL: 'https://his.example', JIUYI_HIS_KEY: 'k'.repeat(40) }, 'prod'),
    ).toThrow(/JIUYI_HIS_KEY_PARAM/);
    expect(() => loadHisConfig({ JIUYI_HIS_URL: 'ftp://his.example' }, 'local')).toThrow(/JIUYI_HIS_URL/);
  });
});

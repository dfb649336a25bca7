import { loadRealNameConfig } from './real-name-config';

describe('loadRealNameConfig', () => {
  it('reads the URL, the SSM parameter and the timeout', () => {
    const cfg = loadRealNameConfig(
      {
        JIUYI_REALNAME_URL: 'https://idcheck.example.com/v2',
        JIUYI_REALNAME_APPCODE_PARAM: '/jiuyi/prod/realname-appcode',
        JIUYI_REALNAME_TIMEOUT_MS: '2500',
      },
      'prod',
    );
    expect(cfg).toEqual({
      baseUrl: 'https://idcheck.example.com/v2',
      appCodeParam: '/jiuyi/prod/realname-appcode',
      timeoutMs: 2500,
    });
  });

  it('refuses a URL without a credential, an inline AppCode in prod and plain http in prod', () => {
    expect(() => loadRealNameConfig({ JIUYI_REALNAME_URL: 'https://idcheck.example.com' }, 'local')).toThrow(
      'JIUYI_REALNAME_APPCODE_PARAM',
    );
    expect(() =>
      loadRealNameConfig(
        { JIUYI_REALNAME_URL: 'https://idcheck.example.com', JIUYI_REALNAME_APPCODE: 'x'.repeat(20) },
        'prod',
      ),
    ).toThrow('in prod');
    expect(() =>
      loadRealNameConfig(
        { JIUYI_REALNAME_URL: 'http://idcheck.example.com', JIUYI_REALNAME_APPCODE_PARAM: '/p' },
        'prod',
      ),
    ).toThrow('https');
  });

  it('without a URL there is nothing to call: stage local uses the local verifier', () => {
    expect(loadRealNameConfig({}, 'local')).toEqual({ timeoutMs: 3000 });
  });
});

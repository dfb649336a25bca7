import { resolveSettings, stackName } from '../lib/settings';

function contextOf(values: Record<string, unknown>): (key: string) => unknown {
  return (key) => values[key];
}

describe('resolveSettings', () => {
  it('defaults to prod in Beijing, so patient data stays in mainland China', () => {
    expect(resolveSettings(contextOf({}))).toEqual({ stage: 'prod', region: 'cn-north-1' });
  });

  it('takes the stage and region from the context', () => {
    expect(resolveSettings(contextOf({ stage: 'local', region: 'ap-southeast-1' }))).toEqual({
      stage: 'local',
      region: 'ap-southeast-1',
    });
  });

  it('refuses an unknown stage or a malformed region', () => {
    expect(() => resolveSettings(contextOf({ stage: 'production' }))).toThrow(/Unknown stage "production"/);
    expect(() => resolveSettings(contextOf({ region: 'beijing' }))).toThrow(/Invalid region "beijing"/);
  });
});

describe('stackName', () => {
  it('names the stack after the stage', () => {
    expect(stackName('prod')).toBe('jiuyi-prod');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSettings, stackName } from '../lib/settings';

function contextOf(values: Record<string, unknown>): (key: string) => unknown {
  return (key) => values[key];
}

describe('resolveSettings', () => {
  it('defaults to prod in Beijing, so patient data stays in mainland China', () => {
    expect(resolveSettings(contextOf({}))).toEqual({ stage: 'prod', region: 'cn-north-1' });
  });

  it('takes the stage and region from the context', () => {
    expect(resolveSettings(contextOf({ stage: 'prod', region: 'ap-southeast-1' }))).toEqual({
      stage: 'prod',
      region: 'ap-southeast-1',
    });
  });

  it('refuses the local stage: the dev login and the development key are never deployed', () => {
    expect(() => resolveSettings(contextOf({ stage: 'local' }))).toThrow(/local stage cannot be deployed/);
  });

  it('the CDK app itself refuses `-c stage=local` before synthesising anything', () => {
    // Prepare: the context as `cdk synth -c stage=local` hands it to the app.
    const app = join(__dirname, '..', 'bin', 'jiuyi.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    // Act
    const run = spawnSync(tsx, [app], {
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ stage: 'local' }),
        CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'cdk-')),
      },
      encoding: 'utf8',
    });
    // Assess
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('The local stage cannot be deployed');
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

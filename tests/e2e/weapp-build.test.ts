import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { weappPackageSizes } from '../support/package-size';

jest.setTimeout(180_000);

const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;
const repo = resolve(__dirname, '../..');

describe('the weapp build (the shipped target)', () => {
  it('builds, and its main package stays under the 2 MB WeChat limit', () => {
    // Act
    const build = spawnSync('npm', ['run', 'build:weapp'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // Assess
    expect(build.status).toBe(0);
    const sizes = weappPackageSizes(join(repo, 'miniprogram', 'dist'));
    console.log(`weapp main package: ${sizes.main} bytes; subpackages: ${JSON.stringify(sizes.subpackages)}`);
    expect(sizes.main).toBeGreaterThan(0);
    expect(sizes.main).toBeLessThan(WECHAT_PACKAGE_LIMIT);
    for (const bytes of Object.values(sizes.subpackages)) expect(bytes).toBeLessThan(WECHAT_PACKAGE_LIMIT);
  });
});

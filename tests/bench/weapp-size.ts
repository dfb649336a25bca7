import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { weappPackageSizes } from '../support/package-size';
import { REPO_ROOT, runBuild } from './build';
import { formatBytes, type BenchSection } from './section';

/** WeChat's cap on the main package and on each subpackage. */
export const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;

function sizeRow(name: string, bytes: number, limited: boolean): Record<string, string | number> {
  const share = `${((bytes / WECHAT_PACKAGE_LIMIT) * 100).toFixed(1)} %`;
  const status = !limited ? '' : bytes < WECHAT_PACKAGE_LIMIT ? 'ok' : 'OVER 2 MB';
  return { package: name, bytes, size: formatBytes(bytes), 'of 2 MB': limited ? share : '', status };
}

/** Builds the weapp target and measures its main package and subpackages as WeChat counts them. */
export function benchWeappPackages(): BenchSection {
  const dist = join(REPO_ROOT, 'miniprogram', 'dist');
  const seconds = runBuild('build:weapp', () => existsSync(join(dist, 'app.json')));
  const { main, subpackages } = weappPackageSizes(dist);
  const subRows = Object.entries(subpackages).map(([root, bytes]) =>
    sizeRow(`subpackage ${root}`, bytes, true),
  );
  const total = main + Object.values(subpackages).reduce((sum, bytes) => sum + bytes, 0);
  return {
    title: 'Mini-program (weapp) package sizes',
    rows: [sizeRow('main package', main, true), ...subRows, sizeRow('total', total, false)],
    notes: [
      `\`npm run build:weapp\` took ${seconds.toFixed(1)} s; sizes are the files in miniprogram/dist.`,
      'Main package = everything except the `subPackages[].root` folders of dist/app.json.',
      'WeChat limits: main package and each subpackage ≤ 2 MB (2,097,152 B); all packages together ≤ 30 MB.',
    ],
  };
}

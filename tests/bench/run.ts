import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './build';
import { benchH5Bundle } from './h5-size';
import { bundleHandlers, lambdaBundleSection } from './lambda-bundles';
import { loadTimeSection, measureLoadTimes } from './load-time';
import { renderReport } from './report';
import { renderSection, type BenchSection } from './section';
import { benchWeappPackages } from './weapp-size';

const LOAD_RUNS = 7;

/** Lambda sizes and load times come from one set of bundles, written to a temp folder that is removed after. */
async function benchLambdas(): Promise<BenchSection[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'jiuyi-bench-'));
  try {
    const bundles = await bundleHandlers(outDir);
    return [lambdaBundleSection(bundles), loadTimeSection(measureLoadTimes(bundles, LOAD_RUNS), LOAD_RUNS)];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** `npm run bench`: each benchmark yields sections, printed as they finish and then written to docs/. */
async function main(): Promise<void> {
  const benches: (() => BenchSection[] | Promise<BenchSection[]>)[] = [
    () => [benchWeappPackages()],
    () => [benchH5Bundle()],
    benchLambdas,
  ];
  const sections: BenchSection[] = [];
  for (const bench of benches) {
    for (const section of await bench()) {
      console.log(`\n${renderSection(section)}`);
      sections.push(section);
    }
  }
  const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
  writeFileSync(file, renderReport(sections, new Date()));
  console.log(`\nWrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

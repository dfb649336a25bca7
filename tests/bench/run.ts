import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBooking } from './booking';
import { REPO_ROOT } from './build';
import { benchH5Bundle } from './h5-size';
import { bundleHandlers, lambdaBundleSection } from './lambda-bundles';
import { loadTimeSection, measureLoadTimes } from './load-time';
import { mergeReport, renderReport } from './report';
import { embedSection, renderSection, type BenchSection } from './section';
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

const BENCHES: Record<string, () => BenchSection[] | Promise<BenchSection[]>> = {
  weapp: () => [benchWeappPackages()],
  h5: () => [benchH5Bundle()],
  lambdas: benchLambdas,
  booking: benchBooking,
};

/** `--only booking` or `--only weapp,h5`: the benchmarks to run; all of them by default. */
function selectedBenches(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--only');
  if (at < 0) return undefined;
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--only takes a comma-separated list of: ${Object.keys(BENCHES).join(', ')}`);
  return names;
}

/**
 * `npm run bench`: each benchmark yields sections, printed as they finish and then written to docs/.
 * Broken expectations in any section fail the run and leave docs/benchmarks.md as it was.
 */
async function main(): Promise<void> {
  const only = selectedBenches(process.argv.slice(2));
  const sections: BenchSection[] = [];
  for (const name of only ?? Object.keys(BENCHES)) {
    for (const section of await (BENCHES[name] ?? (() => []))()) {
      console.log(`\n${renderSection(section)}`);
      sections.push(section);
    }
  }
  const failures = sections.flatMap((s) => (s.failures ?? []).map((f) => `${s.title}: ${f}`));
  if (failures.length > 0) {
    console.error(`\nBENCHMARK FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
  const now = new Date();
  const writes = new Map<string, string>([
    [
      file,
      only && existsSync(file)
        ? mergeReport(readFileSync(file, 'utf8'), sections, now)
        : renderReport(sections, now),
    ],
  ]);
  for (const section of sections.filter((s) => s.embed)) {
    const target = join(REPO_ROOT, section.embed?.file ?? '');
    writes.set(target, embedSection(writes.get(target) ?? readFileSync(target, 'utf8'), section));
  }
  // Every file is rendered before any is written, so a missing embed marker leaves all of them as they were.
  for (const [target, text] of writes) {
    writeFileSync(target, text);
    console.log(`Wrote ${target}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

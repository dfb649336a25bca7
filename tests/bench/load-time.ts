import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { LambdaBundle } from './lambda-bundles';
import { median, type BenchSection } from './section';

/** Median module-load times of one bundle, in milliseconds. */
export interface LoadTime {
  bundle: LambdaBundle;
  plainMs: number;
  sourceMapsMs: number;
}

/** Time to `require` a bundle in a fresh Node process: the module-load share of a Lambda cold start. */
function loadOnce(file: string, nodeOptions: string): number {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t))`;
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  // Run from the temp dir so a bundle that is not self-contained fails here instead of finding node_modules.
  const result = spawnSync(process.execPath, ['-e', code], { cwd: tmpdir(), env, encoding: 'utf8' });
  const ns = Number(result.stdout.trim());
  if (result.status !== 0 || !Number.isFinite(ns))
    throw new Error(`loading ${file} failed: ${result.stderr}`);
  return ns / 1e6;
}

/**
 * Loads every bundle `runs` times, plain and with `--enable-source-maps` as the Lambda runs it. Rounds are
 * interleaved (every bundle once per round) so background load on a shared machine hits all bundles alike.
 */
export function measureLoadTimes(bundles: readonly LambdaBundle[], runs: number): LoadTime[] {
  const plain = bundles.map((): number[] => []);
  const mapped = bundles.map((): number[] => []);
  for (let round = 0; round < runs; round += 1) {
    bundles.forEach((bundle, i) => {
      plain[i]?.push(loadOnce(bundle.file, ''));
      mapped[i]?.push(loadOnce(bundle.file, '--enable-source-maps'));
    });
  }
  return bundles.map((bundle, i) => ({
    bundle,
    plainMs: median(plain[i] ?? []),
    sourceMapsMs: median(mapped[i] ?? []),
  }));
}

/** Load times as a section, each as a ratio to the first (baseline) bundle's. */
export function loadTimeSection(times: readonly LoadTime[], runs: number): BenchSection {
  const [base] = times;
  if (!base) throw new Error('no bundles were measured');
  return {
    title: 'Lambda module-load time',
    rows: times.map((t) => ({
      handler: t.bundle.name,
      'load ms': t.plainMs.toFixed(2),
      '× bare': (t.plainMs / base.plainMs).toFixed(1),
      'load ms, source maps': t.sourceMapsMs.toFixed(2),
      '× bare, source maps': (t.sourceMapsMs / base.sourceMapsMs).toFixed(1),
    })),
    notes: [
      `Median of ${runs} fresh \`node -e\` processes per bundle, all in this run: the time \`require(bundle)\` ` +
        'takes, measured with process.hrtime.bigint() around it (process start-up is excluded).',
      '"source maps" runs with NODE_OPTIONS=--enable-source-maps, as the deployed functions do.',
      "Absolute times are this machine's: Lambda at 512 MB gets about 0.3 vCPU (a full one at 1,769 MB), " +
        'so cold-start loads there take longer; the ratios to the bare handler are the portable figure.',
    ],
  };
}

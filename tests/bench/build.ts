import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The monorepo root, whatever directory `npm run bench` was started from. */
export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * Runs a root npm build script, retrying when it fails or its output is incomplete: other engineers may
 * build the same workspace at the same time and clean the output folder under us. Returns seconds taken.
 */
export function runBuild(script: string, isComplete: () => boolean, attempts = 3): number {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync('npm', ['run', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status === 0 && isComplete()) return seconds;
    console.warn(`npm run ${script} failed (attempt ${attempt}/${attempts}), exit ${result.status}`);
    console.warn(`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n'));
  }
  throw new Error(`npm run ${script} did not produce a complete build after ${attempts} attempts`);
}

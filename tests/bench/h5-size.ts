import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, runBuild } from './build';
import { formatBytes, type BenchSection } from './section';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Builds the H5 target and measures its JS and CSS, raw and (JS) gzipped as a browser would fetch it. */
export function benchH5Bundle(): BenchSection {
  const dist = join(REPO_ROOT, 'miniprogram', 'dist-h5');
  const seconds = runBuild('build:h5', () => existsSync(join(dist, 'index.html')));
  const files = filesUnder(dist);
  const js = files.filter((f) => extname(f) === '.js').map((f) => readFileSync(f));
  const css = files.filter((f) => extname(f) === '.css').map((f) => readFileSync(f));
  const sum = (buffers: Buffer[]): number => buffers.reduce((total, b) => total + b.length, 0);
  // Each file is fetched and compressed on its own, so gzip them one by one rather than concatenated.
  const jsGzip = js.reduce((total, b) => total + gzipSync(b).length, 0);
  const largest = files
    .filter((f) => extname(f) === '.js')
    .map((f) => ({ name: relative(dist, f), bytes: readFileSync(f).length }))
    .sort((a, b) => b.bytes - a.bytes)[0];
  const row = (what: string, count: number, bytes: number): Record<string, string | number> => ({
    what,
    files: count,
    bytes,
    size: formatBytes(bytes),
  });
  return {
    title: 'H5 bundle sizes',
    rows: [
      row('JS', js.length, sum(js)),
      row('CSS', css.length, sum(css)),
      row('JS + CSS', js.length + css.length, sum(js) + sum(css)),
      row('JS, gzip (zlib default level, per file)', js.length, jsGzip),
    ],
    notes: [
      `\`npm run build:h5\` took ${seconds.toFixed(1)} s; sizes are the .js and .css files in miniprogram/dist-h5.`,
      ...(largest ? [`Largest JS file: ${largest.name}, ${formatBytes(largest.bytes)}.`] : []),
    ],
  };
}

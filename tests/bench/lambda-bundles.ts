import { build, version as esbuildVersion } from 'esbuild';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROUTES } from '../../functions/src/routes';
import { REPO_ROOT } from './build';
import { formatBytes, type BenchSection } from './section';

/** One bundled handler: `file` is the CommonJS bundle, with its source map beside it. */
export interface LambdaBundle {
  name: string;
  file: string;
  bytes: number;
  mapBytes: number;
  localOnly: boolean;
  /** Output bytes per source package (`@aws-sdk/*`, `zod`, `functions`…), largest first. */
  origins: { origin: string; bytes: number }[];
}

/** The baseline handler that load times are compared with. */
export const BARE_HANDLER = 'bare (baseline)';

/** `node_modules/@aws-sdk/client-kms/dist-cjs/index.js` → `@aws-sdk/*`; our own files → their workspace. */
function originOf(input: string): string {
  const inPackage = input.split('node_modules/').at(-1) ?? input;
  const [first = input, second = ''] = inPackage.split('/');
  if (inPackage === input) return first;
  return first.startsWith('@')
    ? first === '@aws-sdk' || first === '@smithy'
      ? `${first}/*`
      : `${first}/${second}`
    : first;
}

function groupOrigins(inputs: Record<string, { bytesInOutput: number }>): LambdaBundle['origins'] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    totals.set(originOf(input), (totals.get(originOf(input)) ?? 0) + bytesInOutput);
  }
  return [...totals].map(([origin, bytes]) => ({ origin, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Bundles one entry with the options infra/lib/handler-function.ts gives NodejsFunction. Nothing is
 * external except Node builtins (implied by platform node): the AWS SDK v3 is bundled too.
 */
async function bundleOne(
  name: string,
  entry: string,
  outDir: string,
  localOnly: boolean,
): Promise<LambdaBundle> {
  const file = join(outDir, `${name.replace(/\W+/g, '-')}.js`);
  const { metafile } = await build({
    entryPoints: [entry],
    outfile: file,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  });
  const origins = groupOrigins(metafile.outputs[relative(REPO_ROOT, file)]?.inputs ?? {});
  return {
    name,
    file,
    bytes: statSync(file).size,
    mapBytes: statSync(`${file}.map`).size,
    localOnly,
    origins,
  };
}

/** Bundles the bare baseline and every distinct handler in ROUTES into `outDir`; the baseline comes first. */
export async function bundleHandlers(outDir: string): Promise<LambdaBundle[]> {
  const names = [...new Set(ROUTES.map((route) => route.handler))];
  const bare = await bundleOne(BARE_HANDLER, join(__dirname, 'fixtures', 'bare.handler.ts'), outDir, false);
  const handlers = await Promise.all(
    names.map((name) => {
      const localOnly = ROUTES.every((route) => route.handler !== name || route.localOnly === true);
      return bundleOne(
        name,
        join(REPO_ROOT, 'functions', 'src', 'handlers', `${name}.handler.ts`),
        outDir,
        localOnly,
      );
    }),
  );
  return [bare, ...handlers];
}

/** Where the largest bundle's bytes come from, as one sentence. */
function originsNote(bundles: readonly LambdaBundle[]): string[] {
  const largest = [...bundles].sort((a, b) => b.bytes - a.bytes)[0];
  if (!largest) return [];
  const shares = largest.origins
    .slice(0, 8)
    .map((o) => `${o.origin} ${((o.bytes / largest.bytes) * 100).toFixed(1)} %`)
    .join(', ');
  return [`Where the largest bundle (${largest.name}) comes from, by share of its bytes: ${shares}.`];
}

/** The bundle sizes as a report section. */
export function lambdaBundleSection(bundles: readonly LambdaBundle[]): BenchSection {
  return {
    title: 'Lambda bundle sizes',
    rows: bundles.map((b) => ({
      handler: b.localOnly ? `${b.name} (local only)` : b.name,
      bytes: b.bytes,
      size: formatBytes(b.bytes),
      'source map bytes': b.mapBytes,
    })),
    notes: [
      `esbuild ${esbuildVersion}, as the CDK stack bundles: bundle, platform node, target node22, format cjs, ` +
        'minify, external source map.',
      'Nothing is external but Node builtins: the AWS SDK v3 is bundled, because the version the nodejs22.x ' +
        'runtime ships is not pinned and may differ from the one package-lock.json pins and the tests ran.',
      'The deployed zip also carries the source map (the functions run with `--enable-source-maps`).',
      ...originsNote(bundles),
    ],
  };
}

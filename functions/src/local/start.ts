import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalStack, type LocalStack } from './local-stack';
import { guardStack } from './stack-process';

/**
 * `npm start` (everything) and `npm run start:api` (database + API only).
 * Ports come from JIUYI_DB_PORT / JIUYI_API_PORT / JIUYI_WEB_PORT; `--persist` keeps data in .data/.
 */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const repo = resolve(__dirname, '../../..');
  const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const apiOnly = args.has('--api-only');
  const webRoot = join(repo, 'miniprogram', 'dist-h5');
  // Guarded from the first moment: a signal or crash while starting still stops what has started.
  const running: { stack?: LocalStack } = {};
  guardStack(async () => running.stack?.stop());

  if (!apiOnly && (args.has('--rebuild') || !existsSync(join(webRoot, 'index.html')))) {
    console.log('Building the H5 app (taro build --type h5)…');
    const build = spawnSync('npm', ['run', 'build:h5'], { cwd: repo, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('The H5 build failed');
  }

  const stack = await startLocalStack({
    dbPort: port('JIUYI_DB_PORT', 8000),
    apiPort: port('JIUYI_API_PORT', 3000),
    payPort: port('JIUYI_PAY_PORT', 3100),
    webPort: apiOnly ? undefined : port('JIUYI_WEB_PORT', 10086),
    webRoot: apiOnly ? undefined : webRoot,
    dataDir: args.has('--persist') ? join(repo, '.data') : undefined,
  });

  running.stack = stack;

  console.log('\n就医 Jiuyi local stack is running:');
  console.log(
    `  DynamoDB Local  ${stack.dbEndpoint}${args.has('--persist') ? ' (persisted in .data/)' : ' (in memory)'}`,
  );
  console.log(`  API             ${stack.apiUrl}/v1/health`);
  console.log(`  WeChat Pay      ${stack.payUrl} (sandbox, keys generated for this run)`);
  if (stack.webUrl) console.log(`  H5 app          ${stack.webUrl}/`);
  console.log('Press Ctrl-C to stop.\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

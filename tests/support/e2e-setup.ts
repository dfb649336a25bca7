import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { logger } from '../../functions/src/http/logger';
import { startLocalStack, type LocalStack } from '../../functions/src/local/local-stack';
import { E2E_CLOCK_START, publishE2eClock } from './e2e-clock';
import { findFreePort } from './ports';

const repo = resolve(__dirname, '../..');

/** Builds the H5 app once and starts the whole local stack (DynamoDB Local, API, web) on free ports. */
export default async function e2eSetup(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build:h5'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`H5 build failed:\n${build.stdout}\n${build.stderr}`);
  // The stack serves the browser from this process: its per-request INFO lines would drown CI's output.
  logger.setLogLevel('WARN');
  // The stack (and any stack a test starts from this environment) runs on the set clock.
  process.env.JIUYI_CLOCK_START = E2E_CLOCK_START;
  const stack = await startLocalStack({
    dbPort: await findFreePort(),
    apiPort: await findFreePort(),
    webPort: await findFreePort(),
    webRoot: join(repo, 'miniprogram', 'dist-h5'),
    tableName: 'jiuyi-e2e',
  });
  publishE2eClock(stack.deps.now());
  process.env.JIUYI_E2E_WEB_URL = stack.webUrl;
  process.env.JIUYI_E2E_API_URL = stack.apiUrl;
  // Tests that need their own clock (bills after a visit) make fresh tables in the same DynamoDB Local.
  process.env.JIUYI_DYNAMODB_ENDPOINT = stack.dbEndpoint;
  (globalThis as { __jiuyiStack?: LocalStack }).__jiuyiStack = stack;
}

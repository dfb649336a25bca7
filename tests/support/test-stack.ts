import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildDeps, setDeps, type Deps } from '../../functions/src/composition';
import { loadConfig } from '../../functions/src/config';
import { ensureTable } from '../../functions/src/adapters/dynamodb/create-table';
import { HANDLERS } from '../../functions/src/handlers';
import { startApiServer } from '../../functions/src/local/api-server';
import { seedDemoData } from '../../functions/src/local/seed-demo-data';
import { findFreePort } from './ports';
import type { WechatPaySandbox } from '../../functions/src/local/wechat-pay-sandbox/sandbox';
import { sandboxPaymentDeps } from '../../functions/src/local/wechat-pay-sandbox/sandbox-deps';

function endpoint(): string {
  const value = process.env.JIUYI_DYNAMODB_ENDPOINT;
  if (!value) throw new Error('JIUYI_DYNAMODB_ENDPOINT is not set: run through the integration jest project');
  return value;
}

/** A fresh table in the run's DynamoDB Local and the real adapters wired to it. */
export async function createTestDeps(overrides: Partial<Deps> = {}): Promise<Deps> {
  const cfg = loadConfig({
    ...process.env,
    JIUYI_STAGE: 'local',
    JIUYI_DYNAMODB_ENDPOINT: endpoint(),
    JIUYI_TABLE_NAME: `test-${randomUUID()}`,
  });
  const raw = new DynamoDBClient({
    endpoint: cfg.dynamoEndpoint,
    region: cfg.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(raw, cfg.tableName);
  raw.destroy();
  return { ...buildDeps(cfg), ...overrides };
}

export interface TestApi {
  url: string;
  deps: Deps;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  /**
   * A running WeChat Pay sandbox (`startWechatPaySandbox({ now })` with the same clock as
   * `overrides.now`): payments go to it and its notifications come back to this API.
   */
  wechatPay?: WechatPaySandbox;
}

/** The local API adapter on a free port, over a fresh seeded table. */
export async function startTestApi(
  overrides: Partial<Deps> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const deps = await createTestDeps(overrides);
  await seedDemoData(deps);
  setDeps(deps);
  const port = await findFreePort();
  if (options.wechatPay)
    Object.assign(deps, sandboxPaymentDeps(options.wechatPay, `http://127.0.0.1:${port}`, overrides.now));
  const server: Server = await startApiServer({ port, handlers: HANDLERS });
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

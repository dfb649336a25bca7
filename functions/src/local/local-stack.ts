import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildDeps, clockFor, setDeps, type Deps } from '../composition';
import { loadConfig } from '../config';
import { ensureTable } from '../adapters/dynamodb/create-table';
import { HANDLERS } from '../handlers';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { startApiServer } from './api-server';
import { startWebServer } from './web-server';
import { seedDemoData } from './seed-demo-data';
import { startOutboxPoller, type OutboxPoller } from './outbox-poller';
import { handler as deliverMessages } from '../handlers/deliver-messages.handler';
import { SCHEDULES } from '../schedules';
import { startScheduleRunner, type ScheduleRunner } from './schedule-runner';

/** What every scheduled handler module exports (schedules.ts states the convention). */
type ScheduledModule = { handler: () => Promise<unknown> };
import { startWechatPaySandbox, type WechatPaySandbox } from './wechat-pay-sandbox/sandbox';
import { sandboxPaymentDeps } from './wechat-pay-sandbox/sandbox-deps';
import { handler as releaseExpiredHolds } from '../handlers/release-expired-holds.handler';
import { handler as reconcilePayments } from '../handlers/reconcile-payments.handler';

export interface LocalStackOptions {
  dbPort: number;
  apiPort: number;
  webPort?: number;
  webRoot?: string;
  dataDir?: string;
  tableName?: string;
  /** The WeChat Pay sandbox's port (0 picks a free one). */
  payPort?: number;
}

export interface LocalStack {
  apiUrl: string;
  webUrl?: string;
  dbEndpoint: string;
  payUrl: string;
  deps: Deps;
  stop(): Promise<void>;
}

function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** DynamoDB Local + table + demo data + the local API (+ the H5 site when a web root is given). */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  let db: RunningDynamoDb | undefined;
  let api: Server | undefined;
  let web: Server | undefined;
  let poller: OutboxPoller | undefined;
  let schedules: ScheduleRunner | undefined;
  let pay: WechatPaySandbox | undefined;
  let payments: OutboxPoller | undefined;
  const stop = async () => {
    await Promise.all([poller?.stop(), payments?.stop()]);
    await schedules?.stop();
    await Promise.all([closeServer(web), closeServer(api), pay?.close()]);
    await db?.stop();
  };
  try {
    db = await startDynamoDbLocal({ port: options.dbPort, dataDir: options.dataDir });
    const cfg = loadConfig({
      ...process.env,
      JIUYI_STAGE: 'local',
      JIUYI_DYNAMODB_ENDPOINT: db.endpoint,
      JIUYI_TABLE_NAME: options.tableName ?? 'jiuyi',
    });
    const raw = new DynamoDBClient({
      endpoint: db.endpoint,
      region: cfg.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(raw, cfg.tableName);
    raw.destroy();
    // One clock for the API, the scheduled jobs and the sandbox (JIUYI_CLOCK_START may set it).
    const now = clockFor(cfg);
    // The sandbox generates its merchant and platform keys now; they live only in this process.
    // JIUYI_WECHAT_PAY_VERIFY_MODE=platformCertificate|both runs the sandbox (and the client) in that mode.
    pay = await startWechatPaySandbox({
      port: options.payPort ?? 0,
      appId: cfg.wechatAppId,
      verifyMode: cfg.wechatPay.verifyMode,
      now,
    });
    const apiUrl = `http://127.0.0.1:${options.apiPort}`;
    const deps = buildDeps(cfg, { ...sandboxPaymentDeps(pay, apiUrl, now), now });
    setDeps(deps);
    await seedDemoData(deps);
    api = await startApiServer({ port: options.apiPort, handlers: HANDLERS });
    // Stands in for the DynamoDB Streams trigger of the sender function in production.
    poller = startOutboxPoller({ deliver: deliverMessages, intervalMs: 2000 });
    // Stands in for the EventBridge schedules of the payment flow: expired holds close their
    // WeChat orders and are released; lost notifications are reconciled.
    payments = startOutboxPoller({
      deliver: async () => {
        await releaseExpiredHolds();
        await reconcilePayments();
      },
      intervalMs: 30_000,
    });
    // Stands in for EventBridge: every `rate(…)` schedule (the sender is polled above, faster).
    schedules = startScheduleRunner({
      schedules: SCHEDULES.filter((s) => s.handler !== 'deliver-messages'),
      load: async (handler) => ((await import(`../handlers/${handler}.handler`)) as ScheduledModule).handler,
    });
    if (options.webPort !== undefined && options.webRoot) {
      web = await startWebServer({ port: options.webPort, root: options.webRoot, apiPort: options.apiPort });
    }
    return {
      apiUrl: `http://127.0.0.1:${options.apiPort}`,
      webUrl: web ? `http://127.0.0.1:${options.webPort}` : undefined,
      dbEndpoint: db.endpoint,
      payUrl: pay.url,
      deps,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

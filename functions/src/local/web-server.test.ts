import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from './web-server';

let root: string;
let server: Server | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'jiuyi-web-'));
});
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

async function serve(statFile?: (path: string) => Promise<{ isFile(): boolean }>): Promise<string> {
  server = await startWebServer({ port: 0, root, apiPort: 1, statFile });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the local web server while the H5 app is rebuilt', () => {
  it('answers 404, and keeps serving, when a file disappears between the check and the read', async () => {
    // Prepare: the check sees the file; the rebuild deletes it before it is opened.
    writeFileSync(join(root, 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'index.html'), '<html></html>');
    const url = await serve(async (path) => {
      const found = await stat(path);
      rmSync(path, { force: true });
      return found;
    });
    // Act
    const vanished = await fetch(`${url}/app.js`);
    const next = await fetch(`${url}/index.html`);
    // Assess
    expect(vanished.status).toBe(404);
    await vanished.text();
    expect(next.status).toBe(404);
    expect(server?.listening).toBe(true);
  });

  it('answers 404 when the build has no index.html yet (the build directory was just emptied)', async () => {
    // Prepare
    const url = await serve();
    // Act
    const res = await fetch(`${url}/pages/home/index`);
    const again = await fetch(`${url}/`);
    // Assess
    expect([res.status, again.status]).toEqual([404, 404]);
    expect(server?.listening).toBe(true);
  });

  it('still serves files and the app shell, and refuses paths outside the root or with broken escapes', async () => {
    // Prepare
    writeFileSync(join(root, 'index.html'), '<html>shell</html>');
    writeFileSync(join(root, 'app.css'), 'body{}');
    const url = await serve();
    // Act
    const css = await fetch(`${url}/app.css`);
    const shell = await fetch(`${url}/pages/unknown`);
    const broken = await fetch(`${url}/%E4%B8`);
    const escape = await fetch(`${url}/..%2f..%2fetc%2fpasswd`);
    // Assess
    expect([css.status, css.headers.get('content-type'), await css.text()]).toEqual([
      200,
      'text/css; charset=utf-8',
      'body{}',
    ]);
    expect(await shell.text()).toBe('<html>shell</html>');
    expect(await broken.text()).toBe('<html>shell</html>');
    expect(await escape.text()).toBe('<html>shell</html>');
  });
});

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function notFound(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  res.end('Not found');
}

/** The file under `root` a path names, or undefined when it escapes the root or cannot be decoded. */
function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const wanted = normalize(join(root, decoded));
  return wanted === root || wanted.startsWith(`${root}${sep}`) ? wanted : undefined;
}

type StatFile = (path: string) => Promise<{ isFile(): boolean }>;

async function isFile(path: string | undefined, statFile: StatFile): Promise<boolean> {
  if (!path) return false;
  try {
    return (await statFile(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Streams a file. While the H5 app is rebuilt a file can vanish between the check and the read: the
 * stream's error then becomes a 404 (or ends a response already started) instead of an unhandled
 * `ENOENT` that would bring the whole local stack down.
 */
function sendFile(res: ServerResponse, file: string): void {
  const stream = createReadStream(file);
  stream.once('open', () => {
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    stream.pipe(res);
  });
  stream.once('error', () => notFound(res));
  res.once('close', () => stream.destroy());
}

/**
 * Serves the H5 build and forwards `/v1/*` to the local API, so the app calls its API on the same
 * origin (no CORS in the local stack, as behind a CDN in front of API Gateway). Unknown paths get the
 * app's `index.html` (its router is hash-based); a build without one answers 404.
 */
export function startWebServer(options: {
  port: number;
  root: string;
  apiPort: number;
  /** How a file is checked before it is read (`fs.stat`); tests put the rebuild race in between. */
  statFile?: StatFile;
}): Promise<Server> {
  const statFile = options.statFile ?? stat;
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/v1/')) {
      const upstream = request(
        { host: '127.0.0.1', port: options.apiPort, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'API_UNAVAILABLE', message: '服务暂不可用，请稍后再试' } }));
      });
      req.pipe(upstream);
      return;
    }
    const wanted = fileFor(root, url.pathname);
    void isFile(wanted, statFile).then((found) =>
      sendFile(res, found && wanted ? wanted : join(root, 'index.html')),
    );
  });
  // A client that goes away mid-request must not take the server with it.
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((ok) => server.listen(options.port, '127.0.0.1', () => ok(server)));
}

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

/**
 * Serves the H5 build and forwards `/v1/*` to the local API, so the app calls its API on the same
 * origin (no CORS in the local stack, as behind a CDN in front of API Gateway).
 */
export function startWebServer(options: { port: number; root: string; apiPort: number }): Promise<Server> {
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
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'API_UNAVAILABLE', message: '服务暂不可用，请稍后再试' } }));
      });
      req.pipe(upstream);
      return;
    }
    const wanted = normalize(join(root, decodeURIComponent(url.pathname)));
    const inside = wanted.startsWith(root);
    const file =
      inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(options.port, '127.0.0.1', () => ok(server)));
}

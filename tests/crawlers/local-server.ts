// A real HTTP server on 127.0.0.1 (port 0) for crawler tests: routes by path, and a log of
// every request with its arrival time, so politeness can be measured from the server side.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export type Hit = { path: string; at: number; headers: IncomingHttpHeaders };
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type LocalServer = {
  origin: string;
  host: string;
  url: (path: string) => string;
  hits: Hit[];
  hitsFor: (path: string) => Hit[];
  route: (path: string, handler: Handler) => void;
  close: () => Promise<void>;
};

export async function startServer(routes: Record<string, Handler> = {}): Promise<LocalServer> {
  const table = new Map<string, Handler>(Object.entries(routes));
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, at: performance.now(), headers: req.headers });
    const handler = table.get(path) ?? table.get(path.split('?')[0] ?? path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    url: (path) => origin + path,
    hits,
    hitsFor: (path) => hits.filter((h) => h.path === path),
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Tests leave hanging responses (timeouts) behind; do not wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that answers with a fixed status, headers and body. */
export function reply(
  status: number,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
): Handler {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

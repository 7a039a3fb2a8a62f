import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { CSP_HEADER } from '../../../scripts/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  /** Serves `path` with its body passed through `edit` from now on: a new deployment of that file. */
  redeploy(path: string, edit: (body: string) => string): void;
  close(): Promise<void>;
}

/**
 * A minimal static host for the built app (dist/), for tests that need to change what
 * the host serves mid-test, such as a new deployment of the service worker. It listens
 * on a free port the system picks, so it never clashes with other servers.
 */
export async function serveDist(root = 'dist'): Promise<StaticServer> {
  const edits = new Map<string, (body: string) => string>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(normalize(root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        let body: Buffer | string = await readFile(file);
        const edit = edits.get(path);
        if (edit) body = edit(body.toString('utf8'));
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP_HEADER,
          'Cache-Control': 'no-cache',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    redeploy: (path, edit) => edits.set(path, edit),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The browser keeps connections alive; end them so close() does not wait on them.
        server.closeAllConnections();
      }),
  };
}

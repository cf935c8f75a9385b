import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type SourceAnswer = { status: number; headers?: Record<string, string>; body?: string };

/**
 * A real HTTP server on 127.0.0.1 serving a folder as a status page serves its API; `on(path, …)`
 * queues answers for a path (the last one repeats; status 0 serves the file) to play rate limits and failures.
 */
export async function serveStatusPage(folder: string) {
  const requests: { path: string; at: number }[] = [];
  const answers = new Map<string, SourceAnswer[]>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, at: Date.now() });
    const queue = answers.get(path);
    const queued = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (queued && queued.status !== 0) {
      response.writeHead(queued.status, queued.headers);
      response.end(queued.body ?? '');
      return;
    }
    const file = join(folder, path.split('?')[0]!);
    if (!path.includes('..') && existsSync(file) && file.endsWith('.json')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(readFileSync(file));
    } else {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Not found</title>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (path: string, ...list: SourceAnswer[]) => answers.set(path, list),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

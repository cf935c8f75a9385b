import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** What a path answers instead of the file: a status and a body, or no answer at all (`hang`). */
export type Answer = { status: number; body: string; type?: string } | 'hang';

export interface StaticHost {
  /** Origin and base, ending in `/`. */
  url: string;
  /** Every request, oldest first: its path and its conditional-request header, if any. */
  requests: { path: string; ifNoneMatch: string | undefined }[];
  /** The built site to serve from now on (a deploy). */
  serve: (dir: string) => void;
  /** Answers one path with `answer` from now on; `undefined` serves the file again. */
  answer: (path: string, answer: Answer | undefined) => void;
  close: () => Promise<void>;
}

/**
 * Serves a built dist/ the way GitHub Pages does for the embed: `Access-Control-Allow-Origin: *`,
 * `Cache-Control: max-age=600` and an ETag, answering a matching `If-None-Match` with 304.
 */
export async function serveStaticHost(dir: string): Promise<StaticHost> {
  let root = dir;
  const answers = new Map<string, Answer>();
  const requests: StaticHost['requests'] = [];
  const hanging: ServerResponse[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push({ path, ifNoneMatch });
    response.setHeader('access-control-allow-origin', '*');
    const answer = answers.get(path);
    if (answer === 'hang') return void hanging.push(response);
    if (answer) {
      response.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
      return void response.end(answer.body);
    }
    let file = normalize(join(root, path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': types['.html']! });
      return void response.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const headers = { etag, 'cache-control': 'max-age=600' };
    if (ifNoneMatch === etag) return void response.writeHead(304, headers).end();
    response.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    serve: (next) => void (root = next),
    answer: (path, answer) => void (answer === undefined ? answers.delete(path) : answers.set(path, answer)),
    close: () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A second origin for the operator's own pages: each path answers the HTML given for it. */
export async function serveHostPages(pages: Map<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': types['.html']! });
    response.end(html ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

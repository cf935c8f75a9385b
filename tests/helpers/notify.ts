import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNotifyCommand } from '../../src/cli/notify.ts';
import { incidentFile, makeContentRoot } from './content.ts';
import { commitAll, git, initRepository } from './git.ts';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers for one path, in order; the last one repeats. Default: 200. */
export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number };

/** A real HTTP server standing in for Slack, Discord, Teams and webhook receivers. */
export async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, Answer[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const queue = answers.get(path) ?? [];
      const answer = (queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 200 };
      setTimeout(() => {
        response.writeHead(answer.status, answer.headers);
        response.end(answer.status === 200 ? 'ok' : '');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    on: (path: string, ...list: Answer[]) => answers.set(path, list),
    bodies: (path: string) =>
      received.filter((item) => item.path === path).map((item) => JSON.parse(item.body) as unknown),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** components.yml for the fixture components plus the given notification channels. */
export function componentsWithChannels(channels: string, maxPerRun = 5): string {
  return `page:
  name: Fixture Status
  url: https://status.fixture.example
  timezone: Europe/Berlin
components:
  - id: api
    name: API
  - id: database
    name: Database
notifications:
  max_per_run: ${maxPerRun}
  channels:
${channels}`;
}

/**
 * An open major incident whose first update is at 10:00 on 2026-11-23, followed by `updates`
 * (YAML list items, such as `secondUpdate`): the file a notify test publishes, then extends.
 */
export function openIncident(
  updates = '',
  { title = 'Elevated API errors', component = 'api', firstMessage = 'Looking.' } = {},
): string {
  return incidentFile(`title: ${title}
impact: major
components: [${component}]
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: ${firstMessage}
${updates}`);
}

/** The update 20 minutes after `openIncident`'s first: what the run after the first one delivers. */
export const secondUpdate = `  - at: 2026-11-23T10:20:00Z
    status: identified
    message: Found it.
`;

/** A content repository with a bare `origin` (where the ledger branch lives), committed. */
export function makeNotifyRepository(incidents: Record<string, string>, components: string) {
  const root = makeContentRoot(incidents, components);
  initRepository(root);
  commitAll(root, 'content');
  const origin = mkdtempSync(join(tmpdir(), 'statusmark-origin-'));
  execFileSync('git', ['init', '-q', '--bare', origin]);
  git(root, 'remote', 'add', 'origin', origin);
  return { root, origin };
}

export async function runNotify(root: string, env: Record<string, string>, args: string[] = []) {
  const lines: string[] = [];
  const code = await runNotifyCommand(['--root', root, ...args], {
    out: (line) => lines.push(line),
    env,
    http: { backoffMs: () => 50, timeoutMs: 2000 },
  });
  return { code, output: lines.join('\n') };
}

/** The ledger as stored on the origin's branch. */
export function readLedgerBranch(origin: string): {
  channels: Record<string, { done: string[]; claims: Record<string, string> }>;
} {
  const text = execFileSync('git', ['--git-dir', origin, 'show', 'statusmark-notify-ledger:ledger.json']).toString();
  return JSON.parse(text) as { channels: Record<string, { done: string[]; claims: Record<string, string> }> };
}

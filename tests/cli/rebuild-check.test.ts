import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/content.ts';
import { readStepOutputs } from '../helpers/github-actions.ts';

// The scheduled check job: a sparse checkout of scripts/ and src/ (with the files at the top of the
// repository), no npm ci. Here too: a copy without node_modules, run by the pinned Node.
const checkout = mkdtempSync(join(tmpdir(), 'statusmark-check-'));
for (const path of ['scripts', 'src', 'package.json', '.nvmrc'])
  cpSync(join(projectRoot, path), join(checkout, path), { recursive: true });

const now = '2026-11-23T23:55:59Z';
const good = (due: string) =>
  JSON.stringify({
    built: '2026-11-23T12:00:00.000Z',
    due,
    reasons: [{ kind: 'day_boundary' }, { kind: 'reminder', incident: '2026-11-24-database-upgrade' }],
    commit: '0123456789abcdef0123456789abcdef01234567',
    content: `sha256:${'ab'.repeat(32)}`,
  });

/** The live site: each test says what it serves at /status/next-rebuild.json. */
let serve: (request: IncomingMessage, response: ServerResponse) => void = () => {};
const server = createServer((request, response) => serve(request, response));
let siteUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function answer(status: number, body: string, type = 'application/json') {
  serve = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path !== '/status/next-rebuild.json') response.writeHead(404).end('<h1>Not found</h1>');
    else response.writeHead(status, { 'content-type': type }).end(body);
  };
}

async function runCheck(env: Record<string, string> = {}) {
  const outputFile = join(checkout, 'output');
  const summaryFile = join(checkout, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const started = Date.now();
  const child = spawn(process.execPath, ['scripts/rebuild-check.ts'], {
    cwd: checkout,
    env: {
      PATH: process.env.PATH,
      SITE_URL: siteUrl,
      GITHUB_EVENT_NAME: 'schedule',
      SCHEDULE: '45 * * * *',
      STATUS_NOW: now,
      REBUILD_CHECK_TIMEOUT_SECONDS: '1',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...env,
    },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    exitCode,
    log,
    outputs: readStepOutputs(outputFile),
    summary: readFileSync(summaryFile, 'utf8'),
    seconds: (Date.now() - started) / 1000,
  };
}

describe('issue 23: the scheduled check against a live site', () => {
  test('a good file with a moment in this run: waits until four minutes before it, then builds for it', async () => {
    answer(200, good('2026-11-24T00:00:00.000Z'));
    const result = await runCheck();
    expect(result.exitCode).toBe(0);
    expect(result.seconds).toBeGreaterThanOrEqual(1);
    expect(result.outputs).toEqual({
      build: 'true',
      clock: '2026-11-24T00:00:00.000Z',
      'not-before': '2026-11-24T00:00:00.000Z',
      'live-content': `sha256:${'ab'.repeat(32)}`,
      'keep-alive': 'false',
    });
    expect(result.summary).toContain('## Rebuilding the status page');
  });

  test('a good file with nothing due: no build', async () => {
    answer(200, good('2026-11-24T09:00:00.000Z'));
    const result = await runCheck();
    expect(result.outputs.build).toBe('false');
    expect(result.summary).toContain('## No rebuild needed');
  });

  test('no file (an old deploy), garbage, hostile content and a hang all rebuild and say why', async () => {
    const cases: [string, () => void][] = [
      ['no file', () => answer(404, '<h1>Not found</h1>', 'text/html')],
      ['garbage', () => answer(200, '\u0000\u00ff{{{ not json')],
      [
        'hostile',
        () =>
          answer(
            200,
            good('2026-11-24T00:00:00.000Z').replace(
              'day_boundary',
              '[x](https://evil.example) | <img src=x onerror=alert(1)>',
            ),
          ),
      ],
      ['huge', () => answer(200, ' '.repeat(200_000))],
      ['hang', () => (serve = () => {})],
    ];
    const summaries: string[] = [];
    for (const [name, setUp] of cases) {
      setUp();
      const result = await runCheck();
      expect([name, result.exitCode, result.outputs.build, result.outputs.clock]).toEqual([name, 0, 'true', '']);
      summaries.push(result.summary.trim().split('\n').at(-1)!);
    }
    expect(summaries).toMatchInlineSnapshot(`
      [
        "The live site has no next\\-rebuild\\.json \\(nothing deployed yet\\, or a deploy from before it\\)\\.",
        "The live next\\-rebuild\\.json cannot be trusted\\: it is not JSON\\.",
        "The live next\\-rebuild\\.json cannot be trusted\\: \\"reasons\\" holds something other than names\\.",
        "The live site gave no usable answer \\(the answer is larger than 64 KiB\\)\\.",
        "The live site gave no usable answer \\(no answer within 1 s\\)\\.",
      ]
    `);
  });

  test('without a site URL it rebuilds, and a run by hand always builds', async () => {
    expect((await runCheck({ SITE_URL: '' })).outputs.build).toBe('true');
    answer(200, good('2026-11-24T09:00:00.000Z'));
    expect((await runCheck({ GITHUB_EVENT_NAME: 'workflow_dispatch', SCHEDULE: '' })).outputs.build).toBe('true');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runPublishedCommand } from '../../src/cli/published.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, git, initRepository, writeFile } from '../helpers/git.ts';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

/** A static host for the live site: `files` (changeable later) maps a path to its body; anything else is 404. */
async function liveSite(files: Record<string, string>): Promise<string> {
  const server = createServer((request, response) => {
    const body = files[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(body === undefined ? 404 : 200).end(body ?? 'Not found');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const twoUpdates = incidentFile(
  'title: API errors\nimpact: minor\ncomponents: [api]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n  - at: 2026-11-20T11:00:00Z\n    status: resolved\n    message: Fixed.\n',
);

/** A repository whose main branch was published, then force-pushed with the last update removed. */
function forcePushedRepository(siteUrl: string): { root: string; published: string } {
  const root = makeContentRoot(
    { 'api-errors.md': twoUpdates },
    fixtureComponents.replace('https://status.fixture.example', siteUrl),
  );
  initRepository(root);
  commitAll(root, 'publish');
  const published = git(root, 'rev-parse', 'HEAD').trim();
  writeFile(root, 'incidents/api-errors.md', twoUpdates.replace(/  - at: 2026-11-20T11:00:00Z[\s\S]*?Fixed\.\n/, ''));
  git(root, 'commit', '-q', '-a', '--amend', '-m', 'rewritten');
  return { root, published };
}

async function run(args: string[], root: string): Promise<{ exitCode: number; log: string }> {
  const lines: string[] = [];
  const exitCode = await runPublishedCommand(args, {
    out: (line) => lines.push(line),
    env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T12:00:00Z' },
  });
  return { exitCode, log: lines.join('\n') };
}

describe('issue 11 item 15: the deploy checks history against what is live', () => {
  test('a force-push to main that rewrites a published update is refused', async () => {
    const files: Record<string, string> = { '/': 'home' };
    const { root, published } = forcePushedRepository(await liveSite(files));
    files['/deployed.json'] = JSON.stringify({ commit: published });
    const { exitCode, log } = await run(['validate', '--format', 'human'], root);
    expect(log).toContain(`Checking history against the published commit ${published}`);
    expect(log).toMatch(/UpdateRemoved/);
    expect(exitCode).toBe(1);
  });

  test('the first deploy, with nothing live yet, validates without a base and says so', async () => {
    const site = await liveSite({});
    const { root } = forcePushedRepository(site);
    const { exitCode, log } = await run(['validate'], root);
    expect(log).toContain('Nothing is published at');
    expect(log).toContain('first deploy, so there is no history to check');
    expect(exitCode).toBe(0);
  });

  test('a live site without a record stops the deploy unless the operator says it is the first deploy', async () => {
    const site = await liveSite({ '/': 'an older site' });
    const { root } = forcePushedRepository(site);
    const refused = await run(['validate'], root);
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toContain(
      `Cannot tell which commit the live site was built from: ${site}/deployed.json: it is missing (404) while the site answers 200`,
    );
    const allowed = await run(['validate', '--first-deploy'], root);
    expect(allowed.log).toContain('--first-deploy: skipping the history check');
    expect(allowed.exitCode).toBe(0);
  });

  test('a published commit that no longer exists anywhere stops the deploy with a clear message', async () => {
    const missing = 'f'.repeat(40);
    const site = await liveSite({ '/': 'home', '/deployed.json': JSON.stringify({ commit: missing }) });
    const { root } = forcePushedRepository(site);
    const { exitCode, log } = await run(['validate'], root);
    expect(exitCode).toBe(1);
    expect(log).toContain(`The live site was built from commit ${missing}`);
    expect(log).toContain('cannot be found or fetched');
  });

  test('an unreachable site is not mistaken for a first deploy', async () => {
    const site = await liveSite({});
    const { root } = forcePushedRepository(site);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { exitCode, log } = await run(['validate'], root);
    expect(exitCode).toBe(1);
    expect(log).toContain('it could not be fetched');
  });

  test('record writes the commit the deploy publishes', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'statusmark-dist-'));
    const commit = '0123456789abcdef0123456789abcdef01234567';
    expect((await run(['record', dist, commit], dist)).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dist, 'deployed.json'), 'utf8'))).toEqual({ commit });
    expect((await run(['record', dist, 'main'], dist)).exitCode).toBe(2);
  });

  test('issue 23: record adds the commit and a content hash to next-rebuild.json; equal sites hash equal', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'statusmark-dist-'));
    mkdirSync(join(dist, 'api', 'v2'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<p>All Systems Operational</p>');
    writeFileSync(join(dist, 'api', 'v2', 'status.json'), '{}');
    const record = { built: '2026-11-23T12:00:00.000Z', due: '2026-11-24T00:00:00.000Z', reasons: [] };
    writeFileSync(join(dist, 'next-rebuild.json'), JSON.stringify(record));
    const copy = `${dist}-copy`;
    cpSync(dist, copy, { recursive: true });
    const commit = '0123456789abcdef0123456789abcdef01234567';
    const read = (dir: string) =>
      JSON.parse(readFileSync(join(dir, 'next-rebuild.json'), 'utf8')) as { content: string };
    expect((await run(['record', dist, commit], dist)).exitCode).toBe(0);
    const { content, ...rest } = read(dist);
    expect(rest).toEqual({ ...record, commit });
    expect(content).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Recording again (a re-run) or recording an identical copy gives the same hash.
    expect((await run(['record', dist, commit], dist)).exitCode).toBe(0);
    expect((await run(['record', copy, commit], copy)).exitCode).toBe(0);
    expect(read(copy).content).toBe(read(dist).content);
    writeFileSync(join(copy, 'api', 'v2', 'status.json'), '{ }');
    expect((await run(['record', copy, commit], copy)).exitCode).toBe(0);
    expect(read(copy).content).not.toBe(read(dist).content);
  });
});

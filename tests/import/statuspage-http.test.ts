import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyRoot, runImport, snapshotFiles, statuspageFixture } from '../helpers/import.ts';
import { serveStatusPage } from '../helpers/source-server.ts';

let page: Awaited<ReturnType<typeof serveStatusPage>>;
beforeEach(async () => {
  page = await serveStatusPage(statuspageFixture);
});
afterEach(() => page.close());

describe('npm run import -- statuspage <address> over real HTTP (issue 24)', () => {
  test("reads the page's public API and writes the same files as from a folder", async () => {
    const fromUrl = emptyRoot();
    const fromFolder = emptyRoot();
    expect((await runImport(['statuspage', page.url, '--root', fromUrl])).code).toBe(0);
    expect((await runImport(['statuspage', statuspageFixture, '--root', fromFolder])).code).toBe(0);
    expect(snapshotFiles(fromUrl)).toEqual(snapshotFiles(fromFolder));
    expect(page.requests.map((request) => request.path)).toEqual([
      '/api/v2/summary.json',
      '/api/v2/components.json',
      '/api/v2/incidents.json',
      '/api/v2/scheduled-maintenances.json',
    ]);
  });

  test('waits as Retry-After says on 429 and 420, then goes on', async () => {
    page.on(
      '/api/v2/incidents.json',
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 420, headers: { 'retry-after': '0' } },
      { status: 0 },
    );
    const root = emptyRoot();
    const started = Date.now();
    const { code, output } = await runImport(['statuspage', page.url, '--root', root]);
    expect(code, output).toBe(0);
    const asked = page.requests.filter((request) => request.path === '/api/v2/incidents.json');
    expect(asked.length).toBe(3);
    expect(asked[1]!.at - asked[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Object.keys(snapshotFiles(root))).toHaveLength(8);
  });

  test('a failure mid-way writes nothing and exits 1', async () => {
    page.on('/api/v2/scheduled-maintenances.json', { status: 503 });
    const root = emptyRoot();
    const { code, output } = await runImport(['statuspage', page.url, '--root', root]);
    expect(code).toBe(1);
    expect(output).toContain(
      `${page.url}/api/v2/scheduled-maintenances.json:1:1 error ImportSourceUnreachable The request was answered with HTTP 503.`,
    );
    expect(output).toContain('Nothing was written.');
    expect(snapshotFiles(root)).toEqual({});
  });

  test('HTML where JSON was expected, a missing API and an unreachable page are clear errors', async () => {
    page.on('/api/v2/incidents.json', {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><p>Sign in</p>',
    });
    const html = await runImport(['statuspage', page.url, '--root', emptyRoot()]);
    expect(html.code).toBe(1);
    expect(html.output).toContain(
      `${page.url}/api/v2/incidents.json:1:1 error ImportSourceNotJson The document is HTML, not JSON.`,
    );
    const missing = await runImport(['statuspage', `${page.url}/elsewhere`, '--root', emptyRoot()]);
    expect(missing.output).toContain('error ImportSourceUnreachable The file api/v2/incidents.json was not found.');
    await page.close();
    const down = await runImport(['statuspage', page.url, '--root', emptyRoot()]);
    expect(down.code).toBe(1);
    expect(down.output).toContain('ImportSourceUnreachable The request is not reachable');
    page = await serveStatusPage(statuspageFixture);
  });

  test('the Manage API key is only sent over https, and never printed', async () => {
    const root = emptyRoot();
    const { code, output } = await runImport(
      ['statuspage', '--page-id', 'fx7page00001', '--api-url', `${page.url}/v1`, '--root', root],
      { STATUSPAGE_API_KEY: 'secret-key-123' },
    );
    expect(code).toBe(1);
    expect(output).toContain('ImportKeyNotOverHttps');
    expect(output).not.toContain('secret-key-123');
    expect(page.requests).toEqual([]);
    expect(snapshotFiles(root)).toEqual({});
  });

  test('an unknown option gets a did-you-mean', async () => {
    const { code, output } = await runImport(['statuspage', page.url, '--udpate']);
    expect(code).toBe(1);
    expect(output).toContain('--udpate is not an option of npm run import. Did you mean --update?');
  });
});

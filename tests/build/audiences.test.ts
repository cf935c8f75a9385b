import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultOutDir } from '../../src/node/audience-option.ts';
import { buildSite, fixtureClock, fixtureRoot, type BuildResult } from '../helpers/build.ts';
import { listFiles, readDist } from '../helpers/dist.ts';

/**
 * tests/fixtures/sites/audiences marks every internal item with "# begin internal" / "# end
 * internal" lines (or a "zqx" file name), and every field of one holds a canary starting with
 * "zqx": its ids, slugs, names, titles, messages, translations, postmortem and Statuspage ids.
 */
const fixture = fixtureRoot('audiences');
const now = fixtureClock('audiences');
const canary = /zqx/i;
const internalHost = 'status.internal.audience.example';

/** The fixture with every internal item deleted by hand, as an operator would: the oracle. */
function copyWithoutInternalItems(): string {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-deleted-'));
  cpSync(fixture, root, { recursive: true });
  const files = ['components.yml', ...readdirSync(join(root, 'incidents')).map((name) => `incidents/${name}`)];
  for (const file of files) {
    if (file.includes('zqx')) rmSync(join(root, file));
    else
      writeFileSync(
        join(root, file),
        readFileSync(join(root, file), 'utf8').replace(/^# begin internal\n[\s\S]*?^# end internal\n/gm, ''),
      );
  }
  return root;
}

/** Runs `npm run build`'s script (scripts/build.ts) with arguments, into `outDir`. */
function runBuildScript(args: string[], outDir: string): BuildResult {
  return buildSite(fixture, outDir, now, ['scripts/build.ts', ...args]);
}

/** A file's text with what could hide a canary undone: gzip, entities, JSON and URL escapes. */
function decodedText(bytes: Buffer): string {
  const raw = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  return raw
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const work = mkdtempSync(join(tmpdir(), 'statusmark-audiences-'));
const sites = { public: join(work, 'public'), internal: join(work, 'internal'), deleted: join(work, 'deleted') };
let internalBuild: BuildResult;

beforeAll(() => {
  // One build of each, shared by every test below (each with its own STATUS_CACHE_DIR).
  const publicBuild = buildSite(fixture, sites.public, now);
  expect(publicBuild.exitCode, publicBuild.output).toBe(0);
  internalBuild = runBuildScript(['--audience', 'internal'], sites.internal);
  expect(internalBuild.exitCode, internalBuild.output).toBe(0);
  const deletedBuild = buildSite(copyWithoutInternalItems(), sites.deleted, now);
  expect(deletedBuild.exitCode, deletedBuild.output).toBe(0);
}, 600_000);

describe('one repository, an internal page beside the public one, with no leaks (issue 28)', () => {
  test('the public site is byte for byte the site built with the internal items deleted', () => {
    expect(listFiles(sites.public)).toEqual(listFiles(sites.deleted));
    // diff -r compares every byte of every file, preview-card PNGs included.
    const diff = spawnSync('diff', ['-r', sites.deleted, sites.public], { encoding: 'utf8' });
    expect(diff.stdout).toBe('');
    expect(diff.status).toBe(0);
  });

  test('no public file holds a byte of an internal item, in its name or its decoded content', () => {
    const files = listFiles(sites.public);
    expect(files.length).toBeGreaterThan(50);
    const leaks = files.flatMap((file) => {
      if (canary.test(file) || file.includes(internalHost)) return [`${file}: in the file name`];
      // Preview cards are pictures of text: their text is the page's og:image:alt and title, scanned in the HTML.
      if (file.endsWith('.png')) return [];
      const text = decodedText(readFileSync(join(sites.public, file)));
      const found = canary.exec(text) ?? (text.includes(internalHost) ? [internalHost] : null);
      return found
        ? [`${file}: ${text.slice(Math.max(0, text.indexOf(found[0]) - 60), text.indexOf(found[0]) + 40)}`]
        : [];
    });
    expect(leaks).toEqual([]);
  });

  test("an internal incident on a public component changes only the internal page's overall status", () => {
    const status = (site: string) =>
      (JSON.parse(readDist(site, 'api/v2/status.json')) as { status: { indicator: string } }).status.indicator;
    expect(status(sites.public)).toBe('none');
    expect(status(sites.internal)).toBe('major');
  });

  test('the internal site shows every internal item, in both languages, at its own address', () => {
    const home = readDist(sites.internal, 'index.html');
    expect(home).toContain('Zqxongoingtitle');
    expect(home).toContain('Zqxgroupname');
    expect(readDist(sites.internal, 'incidents/2026-11-21-zqxincidentslug/index.html')).toContain('Zqxpostmortem');
    expect(readDist(sites.internal, 'de/incidents/2026-11-21-zqxincidentslug/index.html')).toContain('Zqxpostmortemde');
    expect(readDist(sites.internal, 'incidents/2026-11-20-api-errors/index.html')).toContain('Zqxupdatemessage');
    expect(readDist(sites.internal, 'maintenance.ics')).toContain('Zqxmainttitle');
    const locations = [...readDist(sites.internal, 'sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locations.length).toBeGreaterThan(10);
    expect(locations.filter((url) => !url.startsWith(`https://${internalHost}/ops/`))).toEqual([]);
    const publicOrigin = 'https://status.audience.example';
    expect(listFiles(sites.internal).filter((file) => readDist(sites.internal, file).includes(publicOrigin))).toEqual(
      [],
    );
  });

  test('an internal update inside a public incident is numbered only on the internal page', () => {
    const publicPage = readDist(sites.public, 'incidents/2026-11-20-api-errors/index.html');
    const internalPage = readDist(sites.internal, 'incidents/2026-11-20-api-errors/index.html');
    expect(publicPage).toContain('id="update-2"');
    expect(publicPage).not.toContain('id="update-3"');
    expect(internalPage).toContain('id="update-3"');
  });

  test('npm run build -- --audience internal goes to dist-internal/, never dist/, and leaves no staging folder', () => {
    expect(defaultOutDir('internal')).toBe('dist-internal');
    expect(defaultOutDir('public')).toBe('dist');
    expect(internalBuild.output).toContain(`${sites.internal}.partial-`);
    expect(readdirSync(work).filter((name) => name.includes('.partial-') || name.includes('.old-'))).toEqual([]);
  });

  test('a build of an unknown audience exits non-zero and writes nothing, not even its staging folder', () => {
    const outDir = join(work, 'unknown');
    const result = runBuildScript(['--audience', 'nosuch'], outDir);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('The audience "nosuch" is not declared in components.yml.');
    expect(readdirSync(work).filter((name) => name.startsWith('unknown'))).toEqual([]);
    const unknownOption = runBuildScript(['--audiences', 'internal'], outDir);
    expect(unknownOption.exitCode).toBe(2);
    expect(existsSync(outDir)).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { buildSite } from '../helpers/build.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

const incident = incidentFile(`
title: API errors
impact: minor
components:
  - api
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: Looking.
`);

/** A content root whose public/ holds `files` (path → content). */
function rootWithPublic(files: Record<string, string> = {}, components = fixtureComponents): string {
  const root = makeContentRoot({ '2026-11-20-api-errors.md': incident }, components);
  mkdirSync(join(root, 'public'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'public', path)), { recursive: true });
    writeFileSync(join(root, 'public', path), content);
  }
  return root;
}

/** A private key in a folder outside the repository. */
function secretOutside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusmark-outside-'));
  writeFileSync(join(dir, 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
  return dir;
}

const problemsOf = (root: string) => validate({ root, now }).problems;
const codes = (root: string) => problemsOf(root).map((problem) => `${problem.file} ${problem.code}`);

describe('symbolic links in public/ (issue 22)', () => {
  test('refuses a link to a secret file outside the repository, naming the file and the fix', () => {
    const root = rootWithPublic({ 'logo.svg': '<svg/>' });
    symlinkSync(join(secretOutside(), 'id_ed25519'), join(root, 'public', 'key.txt'));
    const [problem, ...rest] = problemsOf(root);
    expect(rest).toEqual([]);
    expect(formatHuman(problem!).replace(/"\/tmp\/[^"]+"/, '"<outside>"')).toMatchInlineSnapshot(`
      "public/key.txt:1:1 error NotARegularFile public/key.txt is a symbolic link (to "<outside>"); only regular files are read, so nothing outside the repository is published and every change shows in git history.
          hint: Replace it with a regular file holding the content itself (git rm public/key.txt, then copy the text in)."
    `);
  });

  test('refuses a link to a folder outside the repository, however deep in public/', () => {
    const root = rootWithPublic({ 'docs/readme.txt': 'ok' });
    symlinkSync(secretOutside(), join(root, 'public', 'docs', 'keys'));
    expect(codes(root)).toEqual(['public/docs/keys NotARegularFile']);
  });

  test('refuses a link loop instead of hanging or crashing', () => {
    const root = rootWithPublic();
    symlinkSync('.', join(root, 'public', 'loop'));
    symlinkSync('b', join(root, 'public', 'a'));
    symlinkSync('a', join(root, 'public', 'b'));
    expect(codes(root)).toEqual([
      'public/a NotARegularFile',
      'public/b NotARegularFile',
      'public/loop NotARegularFile',
    ]);
  });

  test('refuses public/ itself as a link', () => {
    const root = makeContentRoot({ '2026-11-20-api-errors.md': incident });
    symlinkSync(secretOutside(), join(root, 'public'));
    expect(codes(root)).toEqual(['public NotARegularFile']);
  });

  test('the build refuses a link too, before writing anything', () => {
    const root = rootWithPublic();
    symlinkSync(join(secretOutside(), 'id_ed25519'), join(root, 'public', 'key.txt'));
    const outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-out-')), 'dist');
    const result = buildSite(root, outDir, '2026-11-23T12:00:00Z');
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('public/key.txt:1:1 error NotARegularFile');
  });
});

describe('files in public/ that would replace generated output (issue 22)', () => {
  test.each([
    'index.html',
    'rss.xml',
    'feed.json',
    'badge.svg',
    'maintenance/index.html',
    'maintenance.ics',
    'api/v2/status.json',
    'api/v2/summary.json',
    'incidents/2026-11-20-api-errors/index.html',
    'incidents/some-future-slug/index.html',
    'components/api/index.html',
    'components/api/2/index.html',
    'components/api/atom.xml',
    'history/index.html',
    'history/2026-11/index.html',
    'og/home.png',
    'og/incidents/2026-11-20-api-errors.png',
    'sitemap.xml',
    '404.html',
    // Issue 27: the notice for the operator's own app.
    'embed.js',
    'embed.json',
  ])('refuses public/%s', (path) => {
    expect(codes(rootWithPublic({ [path]: 'frozen' }))).toEqual([`public/${path} PublicFileShadowsPage`]);
  });

  test("refuses a file in another language's folder", () => {
    const components = fixtureComponents.replace(
      '  timezone: Europe/Berlin\n',
      '  timezone: Europe/Berlin\n  languages: [en, de]\n',
    );
    expect(codes(rootWithPublic({ 'de/rss.xml': 'x', 'rss.xml': 'x' }, components))).toEqual([
      'public/de/rss.xml PublicFileShadowsPage',
      'public/rss.xml PublicFileShadowsPage',
    ]);
  });

  test('says what it would replace and how to fix it', () => {
    const [problem] = problemsOf(rootWithPublic({ 'api/v2/status.json': '{}' }));
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "public/api/v2/status.json:1:1 error PublicFileShadowsPage public/api/v2/status.json would be published at /api/v2/status.json (below base_path), where the build writes a file of its own: it would replace that file, which would then stop following your incidents.
          hint: Rename or move it (git mv public/api/v2/status.json public/<another name>). Only the icons (favicon.svg, favicon-32x32.png, apple-touch-icon.png) and robots.txt may replace generated files; see "Your own assets: public/" in the README."
    `);
  });

  test('allows the documented overrides and files of its own', () => {
    const root = rootWithPublic({
      'favicon.svg': '<svg/>',
      'favicon-32x32.png': 'png',
      'apple-touch-icon.png': 'png',
      'robots.txt': 'User-agent: *\nDisallow: /\n',
      'custom.css': 'body{}',
      'logo.svg': '<svg/>',
      'components/api/logo.png': 'png',
      'incidents/diagram.png': 'png',
      '.well-known/security.txt': 'Contact: mailto:security@example.com',
    });
    expect(codes(root)).toEqual([]);
  });
});

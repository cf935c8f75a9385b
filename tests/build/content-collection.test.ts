import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { contentCollectionIsRead } from '../../src/node/collection-readers.ts';
import { buildSite, builtSite, fixtureClock, fixtureRoot } from '../helpers/build.ts';
import { projectRoot } from '../helpers/content.ts';

const site = 'major-outage';
const work = mkdtempSync(join(tmpdir(), 'statusmark-collection-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const incidentSlugs = readdirSync(join(fixtureRoot(site), 'incidents'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, ''));

test("a page the operator adds reads every incident through getCollection('incidents')", { timeout: 300_000 }, () => {
  // This project with one page of the operator's own, as a fork would add it.
  const project = join(work, 'project');
  mkdirSync(project);
  for (const entry of ['src', 'astro.config.ts', 'tsconfig.json', 'package.json'])
    cpSync(join(projectRoot, entry), join(project, entry), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(
    join(project, 'src', 'pages', 'our-incidents.json.ts'),
    `import { getCollection } from 'astro:content';
export async function GET() {
  const entries = await getCollection('incidents');
  return new Response(JSON.stringify(entries.map((entry) => [entry.id, entry.data.title, entry.data.updates.length, entry.data.updates[0].at]).sort()));
}
`,
  );
  const outDir = join(work, 'dist');
  const result = buildSite(fixtureRoot(site), outDir, fixtureClock(site), undefined, project);
  expect(result.output).not.toMatch(/error/i);
  expect(result.exitCode).toBe(0);
  const entries = JSON.parse(readFileSync(join(outDir, 'our-incidents.json'), 'utf8')) as [
    string,
    string,
    number,
    unknown,
  ][];
  expect(entries.map(([id]) => id)).toEqual([...incidentSlugs].sort());
  for (const [id, title, updates, firstAt] of entries) {
    const source = readFileSync(join(fixtureRoot(site), 'incidents', `${id}.md`), 'utf8');
    expect(source).toContain(title);
    expect(source.match(/^\s*- at:/gm)!.length).toBe(updates);
    // Through the validator's schema: IncidentSchema turned the first timestamp into epoch milliseconds.
    expect(firstAt).toBe(Date.parse(/^\s*- at: (\S+)/m.exec(source)![1]!));
  }
});

test('without such a page the build does not store the incidents in the collection at all', () => {
  const store = readFileSync(join(`${builtSite(site)}-cache`, 'data-store.json'), 'utf8');
  for (const slug of incidentSlugs) expect(store).not.toContain(slug);
});

test('only an import of astro:content counts as reading the collection', () => {
  const src = join(work, 'src-check');
  mkdirSync(join(src, 'pages'), { recursive: true });
  writeFileSync(join(src, 'content.config.ts'), "import { defineCollection } from 'astro:content';\n");
  writeFileSync(join(src, 'pages', 'index.astro'), '---\n// getCollection is not used here\n---\n<p>hi</p>\n');
  expect(contentCollectionIsRead(src)).toBe(false);
  writeFileSync(join(src, 'pages', 'lazy.ts'), "export const load = () => import('astro:content');\n");
  expect(contentCollectionIsRead(src)).toBe(true);
  rmSync(join(src, 'pages', 'lazy.ts'));
  writeFileSync(join(src, 'pages', 'list.astro'), '---\nimport { getCollection } from "astro:content";\n---\n');
  expect(contentCollectionIsRead(src)).toBe(true);
});

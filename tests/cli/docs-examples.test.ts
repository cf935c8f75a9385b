import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runIncidentCommand } from '../../src/cli/incident-command.ts';
import { validate } from '../../src/cli/validate.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { english } from '../../src/domain/strings.ts';
import { fixturesDir, makeContentRoot, projectRoot } from '../helpers/content.ts';

const guide = readFileSync(join(projectRoot, 'docs', 'authoring.md'), 'utf8');

/** Code blocks right after `<!-- example: path -->` markers in the authoring guide. */
function examples(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, path, body] of guide.matchAll(/<!-- example: (\S+) -->\s*```\w*\n([\s\S]*?)```/g))
    found.set(path!, body!);
  return found;
}

test("the authoring guide's examples pass validation as written", () => {
  const files = examples();
  expect([...files.keys()].sort()).toEqual([
    'audiences/components.yml',
    'audiences/incidents/2026-11-22-slow-exports.md',
    'components.yml',
    'incidents/2026-11-20-elevated-api-errors.md',
    'incidents/2026-11-21-login-failures.md',
    'incidents/2026-12-01-database-upgrade.md',
    'languages-two/components.yml',
    'languages/components.yml',
    'translations/components.yml',
    'translations/incidents/2026-11-21-slow-search.md',
    'translations/templates/degraded-api.md',
  ]);
  const incidents = Object.fromEntries(
    [...files]
      .filter(([path]) => path.startsWith('incidents/'))
      .map(([path, body]) => [path.slice('incidents/'.length), body]),
  );
  const root = makeContentRoot(incidents, files.get('components.yml'));
  expect(validate({ root, now: Date.parse('2026-11-23T12:00:00Z') }).problems).toEqual([]);
});

test.each(['languages/components.yml', 'languages-two/components.yml'])(
  "the languages section's %s passes validation as written",
  (example) => {
    const root = makeContentRoot({}, examples().get(example));
    expect(validate({ root, now: Date.parse('2026-11-23T12:00:00Z') }).problems).toEqual([]);
  },
);

test("the translated incident text section's incident and template pass validation on its two-language page", async () => {
  const files = examples();
  const root = makeContentRoot(
    {
      '2026-11-21-slow-search.md': files.get('translations/incidents/2026-11-21-slow-search.md')!,
      'templates/degraded-api.md': files.get('translations/templates/degraded-api.md')!,
    },
    files.get('translations/components.yml'),
  );
  const now = '2026-11-23T12:00:00Z';
  expect(validate({ root, now: Date.parse(now) }).problems).toEqual([]);
  const output: string[] = [];
  const code = await runIncidentCommand('new', ['--template', 'degraded-api'], {
    out: (line) => output.push(line),
    env: { STATUS_ROOT: root, STATUS_NOW: now },
  });
  expect([code, output[0]]).toEqual([0, 'Wrote incidents/2026-11-23-degraded-api-performance.md']);
  const incident = loadRepository(root, Date.parse(now)).repository?.incidents.find(
    (candidate) => candidate.slug === '2026-11-23-degraded-api-performance',
  );
  expect(incident?.translations.de?.title).toBe('Eingeschränkte API-Leistung');
  expect(incident?.updates[0]?.translations.de).toBe('Wir untersuchen langsamere Antworten der API.');
  expect(validate({ root, now: Date.parse(now) }).problems).toEqual([]);
});

test('the languages section names every key page.strings accepts', () => {
  const section = guide.slice(guide.indexOf('## Languages'), guide.indexOf('## Notifications'));
  const keys = Object.entries(english).flatMap(([key, entry]) =>
    typeof entry === 'object' && !('other' in entry) ? [key, ...Object.keys(entry)] : [key],
  );
  expect(keys.filter((key) => !section.includes(`\`${key}\``))).toEqual([]);
});

test('the authoring guide explains every error code the malformed corpus produces', () => {
  const cases = JSON.parse(readFileSync(join(fixturesDir, 'malformed', 'cases.json'), 'utf8')) as Record<
    string,
    { code: string }
  >;
  const missing = [...new Set(Object.values(cases).map((entry) => entry.code))].filter(
    (code) => !guide.includes(`\`${code}\``),
  );
  expect(missing).toEqual([]);
});

test("the internal items section's components.yml and incident pass validation as written (issue 28)", () => {
  const files = examples();
  const root = makeContentRoot(
    { '2026-11-22-slow-exports.md': files.get('audiences/incidents/2026-11-22-slow-exports.md')! },
    files.get('audiences/components.yml'),
  );
  expect(validate({ root, now: Date.parse('2026-11-23T12:00:00Z') }).problems).toEqual([]);
});

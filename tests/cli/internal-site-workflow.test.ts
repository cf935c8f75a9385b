import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/content.ts';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps?: Step[];
}

const publish = parse(readFileSync(join(projectRoot, '.github', 'workflows', 'publish.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
};

describe('the internal site in the publish workflow (issue 28)', () => {
  const job = publish.jobs.internal!;
  const steps = job.steps ?? [];

  test('builds the configured audience at the public build clock, never on a fork, with read-only contents', () => {
    expect(job.needs).toBe('build');
    expect(job.if).toContain('!github.event.repository.fork');
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(job.env?.STATUS_NOW).toBe('${{ needs.build.outputs.status_now }}');
    expect(steps.map((step) => step.run ?? '')).toContain('npm run build -- --audience "$AUDIENCE"');
  });

  test('uploads only dist-<audience>/ to the target the operator chose, never to the public Pages site', () => {
    const uploads = steps.filter((step) => step.env && Object.keys(step.env).some((name) => /TOKEN|KEY/.test(name)));
    expect(uploads.map((step) => step.run)).toEqual([
      expect.stringContaining('pages deploy "dist-$AUDIENCE"'),
      expect.stringContaining('s3 sync "dist-$AUDIENCE"'),
    ]);
    expect(steps.filter((step) => /pages-artifact|deploy-pages|configure-pages/.test(step.uses ?? ''))).toEqual([]);
    expect(job.env).toMatchObject({ AUDIENCE: '', TARGET: '' });
  });

  test('does nothing but say so until AUDIENCE and TARGET are set', () => {
    const [config, ...rest] = steps;
    expect(config!.id).toBe('config');
    expect(config!.uses).toBeUndefined();
    for (const step of rest.filter((candidate) => candidate.if !== 'failure()'))
      expect(step.if).toMatch(/^steps\.config\.outputs\.enabled == 'true'/);
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, projectRoot } from './content.ts';

export const fixtureSitesDir = join(fixturesDir, 'sites');
export const builtSitesDir = join(projectRoot, 'test-artifacts', 'sites');
export const fixtureSiteNames = [
  'all-operational',
  'major-outage',
  'maintenance-in-progress',
  'reopened-incident',
  'many-components',
  'base-path',
];

export interface BuildResult {
  exitCode: number;
  output: string;
  outDir: string;
}

/**
 * Runs the real `astro build` on a content root, as CI does, into `outDir`; or, given `script`,
 * that script of ours with its arguments (`['scripts/build.ts', '--audience', 'internal']`).
 * `project`: another copy of this project to build with (a fork with pages of its own).
 */
export function buildSite(
  contentRoot: string,
  outDir: string,
  now: string,
  script?: string[],
  project = projectRoot,
): BuildResult {
  const [file, ...args] = script ?? [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
  const result = spawnSync(process.execPath, [join(project, file!), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...process.env,
      STATUS_ROOT: contentRoot,
      STATUS_NOW: now,
      STATUS_OUT_DIR: outDir,
      STATUS_CACHE_DIR: `${outDir}-cache`,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { exitCode: result.status ?? 1, output: `${result.stdout}${result.stderr}`, outDir };
}

/** The sample content at the project root is built as the site `sample`. */
export function fixtureRoot(name: string): string {
  return name === 'sample' ? projectRoot : join(fixtureSitesDir, name);
}

export function fixtureClock(name: string): string {
  return readFileSync(join(fixtureRoot(name), name === 'sample' ? 'sample.now' : 'STATUS_NOW'), 'utf8').trim();
}

/** Where the global setup built a fixture site. */
export function builtSite(name: string): string {
  return join(builtSitesDir, name);
}

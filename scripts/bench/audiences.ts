import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRepository } from './generate.ts';

/** Seconds one `astro build` takes with these variables (the bench's own timer). */
type Build = (env: Record<string, string>) => number;

export interface AudienceFigures {
  /** The repository without audiences: one site. */
  one: number;
  /** The same incidents with every tenth one internal: the public site, then the internal one. */
  publicSite: number;
  internalSite: number;
  ratio: number;
}

/**
 * Issue 28: `count` generated incidents built as one site, then with `audiences: [internal]`, an
 * internal component and every tenth incident internal, built for the public and for
 * "internal", back to back so all three meet the same machine load. Target: both audiences
 * together at most 2.2× the one site.
 */
export function benchAudiences(workDir: string, count: number, now: string, build: Build): AudienceFigures {
  const root = join(workDir, `audiences-${count}`);
  generateRepository(root, count, Date.parse(now));
  const buildFor = (name: string, audience: string) => {
    const outDir = join(workDir, `audiences-dist-${name}`);
    const seconds = build({
      STATUS_ROOT: root,
      STATUS_NOW: now,
      STATUS_AUDIENCE: audience,
      STATUS_OUT_DIR: outDir,
      STATUS_CACHE_DIR: `${outDir}-cache`,
    });
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
    return seconds;
  };
  const one = buildFor('one', 'public');
  const components = join(root, 'components.yml');
  writeFileSync(
    components,
    `${readFileSync(components, 'utf8').replace(/^groups:\n/m, 'audiences: [internal]\ngroups:\n')}  - id: job-queue\n    name: Job queue\n    audience: internal\n`,
  );
  readdirSync(join(root, 'incidents'))
    .sort()
    .forEach((name, index) => {
      if (index % 10 !== 0) return;
      const file = join(root, 'incidents', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\naudience: internal\n'));
    });
  const publicSite = buildFor('public', 'public');
  const internalSite = buildFor('internal', 'internal');
  rmSync(root, { recursive: true, force: true });
  return { one, publicSite, internalSite, ratio: (publicSite + internalSite) / one };
}

export function printAudiences(figures: AudienceFigures, count: number): void {
  console.log(`
Audiences (issue 28), ${count} incidents, every tenth internal:`);
  console.log(`  one site, no audiences          ${figures.one.toFixed(2)} s`);
  console.log(`  public site                     ${figures.publicSite.toFixed(2)} s`);
  console.log(`  internal site                   ${figures.internalSite.toFixed(2)} s`);
  console.log(
    `  both / one                      ${figures.ratio.toFixed(2)}× (target ≤ 2.2×: ${figures.ratio <= 2.2 ? 'pass' : 'FAIL'})`,
  );
  if (figures.ratio > 2.2) process.exitCode = 1;
}

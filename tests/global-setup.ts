import { rmSync } from 'node:fs';
import { buildSite, builtSite, builtSitesDir, fixtureClock, fixtureRoot, fixtureSiteNames } from './helpers/build.ts';

/** Builds every fixture site once, before any test reads its dist/. */
export default function setup(): void {
  rmSync(builtSitesDir, { recursive: true, force: true });
  for (const name of [...fixtureSiteNames, 'sample']) {
    const result = buildSite(fixtureRoot(name), builtSite(name), fixtureClock(name));
    if (result.exitCode !== 0) throw new Error(`Building fixture site ${name} failed:\n${result.output}`);
  }
}

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';
import { parseSiteOptions } from '../src/cli/site-options.ts';
import { defaultOutDir } from '../src/node/audience-option.ts';
import { readContentRoot } from '../src/node/clock.ts';
import { recoverInterruptedBuilds, stagingDirFor, swapInto } from '../src/node/swap-build.ts';

// `--audience internal` builds that audience's site into dist-internal/; an unknown one stops here, before anything is written.
const option = parseSiteOptions('npm run build', process.argv.slice(2), resolve(readContentRoot()), process.env);
if (typeof option === 'string') {
  console.error(`${option}\nUsage: npm run build [-- --audience <name>]`);
  process.exit(2);
}
process.env.STATUS_AUDIENCE = option.audience;

// Builds into a sibling folder and swaps it in only when complete: dist/ is always the old site or the new one.
const target = resolve(process.env.STATUS_OUT_DIR ?? defaultOutDir(option.audience));
const staging = stagingDirFor(target);
recoverInterruptedBuilds(target);
process.env.STATUS_OUT_DIR = staging;
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
try {
  await build({});
  swapInto(target, staging);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error((error as Error).message);
  console.error(`The build failed; ${target} still holds the previous site.`);
  process.exitCode = 1;
}

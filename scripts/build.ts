import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';
import { recoverInterruptedBuilds, stagingDirFor, swapInto } from '../src/node/swap-build.ts';

// Builds into a sibling folder and swaps it in only when complete: dist/ is always the old site or the new one.
const target = resolve(process.env.STATUS_OUT_DIR ?? 'dist');
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

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSiteOptions } from '../src/cli/site-options.ts';
import { readContentRoot } from '../src/node/clock.ts';

// The sample content is pinned to the clock in sample.now so the demo page always shows a busy
// moment (an open incident, recent history, upcoming maintenance). Delete sample.now when you
// replace the sample with your own content; STATUS_NOW, when set, always wins. At exactly that
// clock the page's scripts count from it too (see isSampleClock), so the sample looks alive.
const env: Record<string, string | undefined> = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
if (!env.STATUS_NOW && existsSync('sample.now')) {
  env.STATUS_NOW = readFileSync('sample.now', 'utf8').trim();
  console.log(`Using the sample clock STATUS_NOW=${env.STATUS_NOW} from sample.now.`);
}

// `--audience internal` builds and previews that audience's site (dist-internal/); --port and --host go to astro preview.
const option = parseSiteOptions('npm start', process.argv.slice(2), resolve(readContentRoot(env)), env);
if (typeof option === 'string') {
  console.error(`${option}\nUsage: npm start [-- --audience <name>] [--port <number>] [--host <address>]`);
  process.exit(2);
}
env.STATUS_AUDIENCE = option.audience;

const astro = 'node_modules/astro/bin/astro.mjs';
for (const args of [['scripts/validate.ts'], ['scripts/build.ts'], [astro, 'preview', ...option.preview]]) {
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? 1);
}

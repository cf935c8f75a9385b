import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureHomePage, type HomePageFigures } from './bench/browser.ts';
import { generateRepository } from './bench/generate.ts';
import { benchImport } from './bench/import.ts';
import { generateFloorProject } from './bench/floor.ts';
import { benchNotifyPlan } from './bench/notify-plan.ts';
import { benchAudiences, printAudiences } from './bench/audiences.ts';
import { benchEmbed, printEmbed } from './bench/embed.ts';
import { printActionsCost } from './bench/actions-cost.ts';
import { measurePreviewImages, type PreviewFigures } from './bench/preview-images.ts';
import { benchReport, printReportBench } from './bench/report.ts';

// npm run bench [-- 1000 10000 [--keep] [--no-browser] [--repeat N]]: builds synthetic repositories
// in a temp dir (never in incidents/) and prints validate time, build time, the bare-Astro floor
// for as many pages and the ratio, pages per second, peak memory, output size, page sizes and how
// the largest size compares with the smallest; then the home page targets of issue 14 (size, DOM,
// keyboard, screen reader, throttled paint) and the build-speed target of issue 26 with pass/fail.
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(
    'npm run bench -- [incident counts, default 1000 10000] [--keep] [--no-browser] [--languages-only] [--floor-only] [--audiences] [--audiences-only] [--report-only] [--repeat N]',
  );
  process.exit(0);
}
printActionsCost();
const keep = args.includes('--keep');
const browser = !args.includes('--no-browser');
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt === -1 ? 1 : Math.max(1, Number(args[repeatAt + 1]) || 1);
const sizes = args.filter((arg, index) => /^\d+$/.test(arg) && (repeatAt === -1 || index !== repeatAt + 1)).map(Number);
if (sizes.length === 0) sizes.push(1000, 10000);
const now = '2026-11-23T12:00:00Z';
const workDir = mkdtempSync(join(tmpdir(), 'statusmark-bench-'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

interface Timing {
  /** Wall-clock seconds. */
  seconds: number;
  /** User plus system CPU seconds: less sensitive than wall time to other work on the machine. */
  cpuSeconds: number;
  rssKb: number;
}

function timed(args: string[], env: Record<string, string>, cwd = process.cwd()): Timing {
  const rssFile = join(workDir, 'rss');
  // Astro prints a line per page: a log file, not a pipe buffer, holds 100,000 of them.
  const logFile = join(workDir, 'log');
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', resolve('scripts/bench/max-rss.mjs'), ...args], {
    cwd,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...env, STATUSMARK_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  closeSync(log);
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as {
    maxRSS: number;
    userCPUTime: number;
    systemCPUTime: number;
  };
  return { seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssKb: usage.maxRSS };
}

const astroBin = resolve('node_modules/astro/bin/astro.mjs');

/**
 * Issue 26: the full build beside a bare Astro project (this repository's Astro, the same output
 * settings) that renders the same number of trivial HTML pages, built right after it, so both
 * meet the same machine load. With `--repeat N` the pair is built N times and the median taken.
 */
function buildWithFloor(env: Record<string, string>, outDir: string): { build: Timing; floor: Timing; pages: number } {
  const runs: { build: Timing; floor: Timing; pages: number }[] = [];
  for (let run = 0; run < repeat; run++) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(env.STATUS_CACHE_DIR!, { recursive: true, force: true });
    const build = timed([astroBin, 'build'], env);
    const pages = walk(outDir).filter((file) => file.endsWith('.html')).length;
    const floorRoot = join(workDir, `floor-${pages}`);
    if (!existsSync(floorRoot)) generateFloorProject(floorRoot, pages);
    for (const folder of ['dist', '.astro-cache']) rmSync(join(floorRoot, folder), { recursive: true, force: true });
    const floor = timed([astroBin, 'build'], {}, floorRoot);
    const floorPages = walk(join(floorRoot, 'dist')).filter((file) => file.endsWith('.html')).length;
    if (floorPages !== pages) throw new Error(`The floor project built ${floorPages} pages, not ${pages}.`);
    if (!keep) rmSync(join(floorRoot, 'dist'), { recursive: true, force: true });
    runs.push({ build, floor, pages });
    if (repeat > 1) console.log(`  run ${run + 1} of ${repeat}: ${describePair(build, floor)}`);
  }
  const median = <T>(items: T[], by: (item: T) => number) =>
    [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
  return median(runs, (run) => run.build.seconds / run.floor.seconds);
}

/** One build beside its floor, on one line: wall and CPU seconds, ratios, peak RSS. */
function describePair(build: Timing, floor: Timing): string {
  return `full ${build.seconds.toFixed(2)} s / ${build.cpuSeconds.toFixed(2)} s CPU, floor ${floor.seconds.toFixed(2)} s / ${floor.cpuSeconds.toFixed(2)} s CPU, ratio ${(build.seconds / floor.seconds).toFixed(2)}× wall / ${(build.cpuSeconds / floor.cpuSeconds).toFixed(2)}× CPU, ${(build.rssKb / 1024).toFixed(0)} MB peak RSS`;
}

interface Row {
  incidents: number;
  validateSeconds: number;
  buildSeconds: number;
  build: Timing;
  floor: Timing;
  pages: number;
  rssMb: number;
  files: number;
  outputMb: number;
  home: [number, number];
  browser: HomePageFigures | undefined;
  component: [number, number];
  largest: [string, number, number];
  previews: PreviewFigures;
}

const sizeOf = (file: string): [number, number] => {
  const bytes = readFileSync(file);
  return [bytes.length, gzipSync(bytes, { level: 9 }).length];
};

/** A page's HTML plus the stylesheets it links (Astro usually inlines them), raw and gzipped. */
function pageWithCss(outDir: string, file: string): [number, number] {
  const html = readFileSync(file, 'utf8');
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((match) => join(outDir, match[1]!));
  return [file, ...sheets].map(sizeOf).reduce(([raw, gzip], [r, g]) => [raw + r, gzip + g], [0, 0]);
}

/**
 * Issue 13: the same repository built in one language and in three (`languages: [en, de, fr]`),
 * back to back, so both builds meet the same machine load. Target: at most 3.5× the one-language build.
 */
function benchLanguages(count: number): { one: number; three: number; pages: [number, number] } {
  const root = join(workDir, `languages-${count}`);
  generateRepository(root, count, Date.parse(now));
  const build = (name: string) => {
    const outDir = join(workDir, `languages-dist-${name}`);
    const env = { STATUS_ROOT: root, STATUS_NOW: now, STATUS_OUT_DIR: outDir, STATUS_CACHE_DIR: `${outDir}-cache` };
    const { seconds } = timed(['node_modules/astro/bin/astro.mjs', 'build'], env);
    const pages = walk(outDir).filter((file) => file.endsWith('.html')).length;
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
    return { seconds, pages };
  };
  const one = build('one');
  const file = join(root, 'components.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^page:\n/, 'page:\n  languages: [en, de, fr]\n'));
  const three = build('three');
  rmSync(root, { recursive: true, force: true });
  return { one: one.seconds, three: three.seconds, pages: [one.pages, three.pages] };
}

if (args.includes('--floor-only')) {
  for (const count of sizes) {
    const root = join(workDir, `repo-${count}`);
    const outDir = join(workDir, `dist-${count}`);
    generateRepository(root, count, Date.parse(now));
    const env = { STATUS_ROOT: root, STATUS_NOW: now, STATUS_OUT_DIR: outDir, STATUS_CACHE_DIR: `${outDir}-cache` };
    const { build, floor, pages } = buildWithFloor(env, outDir);
    console.log(`${count} incidents, ${pages} HTML pages:`);
    console.log(
      `  full build  ${build.seconds.toFixed(2)} s wall, ${build.cpuSeconds.toFixed(2)} s CPU, ${(build.rssKb / 1024).toFixed(0)} MB peak RSS`,
    );
    console.log(
      `  bare Astro  ${floor.seconds.toFixed(2)} s wall, ${floor.cpuSeconds.toFixed(2)} s CPU, ${(floor.rssKb / 1024).toFixed(0)} MB peak RSS`,
    );
    console.log(
      `  ratio       ${(build.seconds / floor.seconds).toFixed(2)}× wall, ${(build.cpuSeconds / floor.cpuSeconds).toFixed(2)}× CPU`,
    );
  }
  if (!keep) rmSync(workDir, { recursive: true, force: true });
  process.exit(0);
}

// Issue 28: three more builds of the largest repository, so opt-in (--audiences, or --audiences-only).
const audiencesBench = () => {
  const count = Math.max(...sizes);
  const build = (env: Record<string, string>) => timed([astroBin, 'build'], env).seconds;
  printAudiences(benchAudiences(workDir, count, now, build), count);
};
if (args.includes('--audiences-only')) {
  audiencesBench();
  rmSync(workDir, { recursive: true, force: true });
  process.exit();
}
if (args.includes('--report-only')) {
  if (!printReportBench(benchReport(workDir))) process.exitCode = 1;
  rmSync(workDir, { recursive: true, force: true });
  process.exit();
}

if (args.includes('--languages-only')) {
  const importSeconds = await benchImport(join(workDir, 'import-1300'), 1300, now);
  console.log(
    `import: 1300 Statuspage incidents from a local folder: ${importSeconds.toFixed(2)} s (target < 10 s: ${importSeconds < 10 ? 'pass' : 'FAIL'})`,
  );

  printLanguages(benchLanguages(Math.max(...sizes)), Math.max(...sizes));
  rmSync(workDir, { recursive: true, force: true });
  process.exit(0);
}

function printLanguages(figures: ReturnType<typeof benchLanguages>, count: number): void {
  const ratio = figures.three / figures.one;
  console.log(`
Languages (issue 13), ${count} incidents:`);
  console.log(`  one language (en)          ${figures.one.toFixed(2)} s, ${figures.pages[0]} pages`);
  console.log(`  three languages (en de fr) ${figures.three.toFixed(2)} s, ${figures.pages[1]} pages`);
  console.log(`  ratio                      ${ratio.toFixed(2)}× (target ≤ 3.5×: ${ratio <= 3.5 ? 'pass' : 'FAIL'})`);
}

const rows: Row[] = [];
for (const count of sizes) {
  const root = join(workDir, `repo-${count}`);
  const outDir = join(workDir, `dist-${count}`);
  generateRepository(root, count, Date.parse(now));
  const env = { STATUS_ROOT: root, STATUS_NOW: now, STATUS_OUT_DIR: outDir, STATUS_CACHE_DIR: `${outDir}-cache` };
  const validation = timed(['scripts/validate.ts'], env);
  const { build, floor } = buildWithFloor(env, outDir);
  const files = walk(outDir);
  const html = files.filter((file) => file.endsWith('.html'));
  const largest = html.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size)[0]!;
  const largestSizes = sizeOf(largest.file);
  rows.push({
    incidents: count,
    validateSeconds: validation.seconds,
    buildSeconds: build.seconds,
    build,
    floor,
    pages: html.length,
    rssMb: build.rssKb / 1024,
    files: files.length,
    outputMb: files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024 / 1024,
    home: pageWithCss(outDir, join(outDir, 'index.html')),
    browser: browser ? await measureHomePage(outDir) : undefined,
    component: sizeOf(join(outDir, 'components', 'component-1', 'index.html')),
    largest: [relative(outDir, largest.file), largestSizes[0], largestSizes[1]],
    previews: measurePreviewImages(outDir),
  });
  if (!keep) rmSync(root, { recursive: true, force: true });
  if (!keep) rmSync(outDir, { recursive: true, force: true });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const table = [
  ['incidents', ...rows.map((row) => String(row.incidents))],
  ['validate', ...rows.map((row) => `${row.validateSeconds.toFixed(2)} s`)],
  [
    'full build (wall / CPU)',
    ...rows.map((row) => `${row.build.seconds.toFixed(2)} s / ${row.build.cpuSeconds.toFixed(2)} s`),
  ],
  [
    'bare Astro floor, same pages',
    ...rows.map((row) => `${row.floor.seconds.toFixed(2)} s / ${row.floor.cpuSeconds.toFixed(2)} s`),
  ],
  [
    'full build / floor (wall, CPU)',
    ...rows.map(
      (row) =>
        `${(row.build.seconds / row.floor.seconds).toFixed(2)}×, ${(row.build.cpuSeconds / row.floor.cpuSeconds).toFixed(2)}×`,
    ),
  ],
  ['pages (HTML)', ...rows.map((row) => String(row.pages))],
  ['pages per second', ...rows.map((row) => (row.pages / row.buildSeconds).toFixed(0))],
  [
    'build peak RSS (floor)',
    ...rows.map((row) => `${row.rssMb.toFixed(0)} MB (${(row.floor.rssKb / 1024).toFixed(0)} MB)`),
  ],
  ['output files', ...rows.map((row) => String(row.files))],
  ['output size', ...rows.map((row) => `${row.outputMb.toFixed(1)} MB`)],
  ['home page + CSS (raw / gzip)', ...rows.map((row) => `${kb(row.home[0])} / ${kb(row.home[1])}`)],
  ['component page (raw / gzip)', ...rows.map((row) => `${kb(row.component[0])} / ${kb(row.component[1])}`)],
  [
    'largest page (raw / gzip)',
    ...rows.map((row) => `${row.largest[0]} ${kb(row.largest[1])} / ${kb(row.largest[2])}`),
  ],
  [
    'link-preview cards (issue 17)',
    ...rows.map(
      (row) =>
        `${row.previews.images} PNGs, largest ${kb(row.previews.largestKb * 1024)}, ${row.previews.seconds.toFixed(2)} s = ${((100 * row.previews.seconds) / row.buildSeconds).toFixed(1)} % of build`,
    ),
  ],
  [
    'card CPU time per script (issue 13)',
    ...rows.map((row) =>
      Object.entries(row.previews.perScriptMs)
        .map(([script, ms]) => `${script} ${ms.toFixed(0)} ms`)
        .join(', '),
    ),
  ],
  ['card with a 9,000-letter word (issue 22)', ...rows.map((row) => `${row.previews.longWordMs.toFixed(0)} ms`)],
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
for (const last of rows.slice(1)) {
  const first = rows[0]!;
  console.log(
    `\n${last.incidents} vs ${first.incidents} incidents (${(last.incidents / first.incidents).toFixed(0)}×):`,
  );
  console.log(`  build time ratio  ${(last.buildSeconds / first.buildSeconds).toFixed(2)}`);
  console.log(`  validate ratio    ${(last.validateSeconds / first.validateSeconds).toFixed(2)}`);
  console.log(
    `  home page ratio   ${(last.home[0] / first.home[0]).toFixed(3)} raw, ${(last.home[1] / first.home[1]).toFixed(3)} gzip`,
  );
  console.log(
    `  component ratio   ${(last.component[0] / first.component[0]).toFixed(3)} raw, ${(last.component[1] / first.component[1]).toFixed(3)} gzip`,
  );
}
const plan = benchNotifyPlan(join(workDir, 'notify-10000'), 10_000, 10_000, Date.parse(now));
console.log(
  `\nnotify: what to send for 10000 incidents (${plan.events} published events), 3 channels with a 10000-entry ledger each: ${plan.seconds.toFixed(3)} s (${plan.pending} pending)`,
);

const importSeconds = await benchImport(join(workDir, 'import-1300'), 1300, now);
console.log(
  `import: 1300 Statuspage incidents from a local folder: ${importSeconds.toFixed(2)} s (target < 10 s: ${importSeconds < 10 ? 'pass' : 'FAIL'})`,
);

printLanguages(benchLanguages(Math.max(...sizes)), Math.max(...sizes));
if (args.includes('--audiences')) audiencesBench();
printEmbed(benchEmbed(join(workDir, 'embed-10000'), 10_000, now), 10_000);
if (!printReportBench(benchReport(workDir))) process.exitCode = 1;
printTargets(rows);
if (!keep) rmSync(workDir, { recursive: true, force: true });
else console.log(`\nKept ${workDir}`);

/** Issue 14's home page targets for the 50-component benchmark repository. */
function printTargets(measured: Row[]): void {
  console.log('\nHome page targets (issue 14):');
  const lines: [string, string, boolean | undefined][] = [];
  for (const row of measured) {
    const [rawLimit, gzipLimit] = row.incidents <= 1000 ? [100, 12] : [160, 16];
    const at = `${row.incidents} incidents`;
    if (row.incidents >= 10_000) {
      const ratio = row.build.seconds / row.floor.seconds;
      lines.push([`${at}: full build ≤ 1.3× bare Astro (issue 26)`, `${ratio.toFixed(2)}×`, ratio <= 1.3]);
      lines.push([`${at}: build peak RSS < 1.5 GiB (issue 26)`, `${row.rssMb.toFixed(0)} MB`, row.rssMb < 1536]);
    }
    lines.push([
      `${at}: HTML + CSS ≤ ${rawLimit} KB raw, ≤ ${gzipLimit} KB gzip`,
      `${kb(row.home[0])} / ${kb(row.home[1])}`,
      row.home[0] <= rawLimit * 1024 && row.home[1] <= gzipLimit * 1024,
    ]);
    const figures = row.browser;
    if (!figures) continue;
    lines.push([`${at}: DOM elements ≤ 2,500`, String(figures.domElements), figures.domElements <= 2500]);
    lines.push([`${at}: Tab presses name → next name ≤ 2`, String(figures.maxTabs), figures.maxTabs <= 2]);
    lines.push([
      `${at}: bars announced as one summary`,
      `${figures.summaryBars} of ${figures.bars}`,
      figures.summaryBars === figures.bars,
    ]);
    lines.push([
      `${at}: bars lead to their days with incidents (no JS)`,
      `${figures.barsLeadingToDays} of ${figures.bars}`,
      figures.barsLeadingToDays === figures.bars,
    ]);
    lines.push([
      `${at}: 6× CPU, Slow 4G: first contentful paint ≤ 1.5 s`,
      `${(figures.firstContentfulPaint / 1000).toFixed(2)} s`,
      figures.firstContentfulPaint <= 1500,
    ]);
    lines.push([
      `${at}: 6× CPU, Slow 4G: status banner visible ≤ 1.5 s`,
      `${(figures.bannerVisible / 1000).toFixed(2)} s`,
      figures.bannerVisible <= 1500,
    ]);
    lines.push([
      `${at}: unthrottled: first contentful paint / banner visible (no target)`,
      `${(figures.unthrottled.firstContentfulPaint / 1000).toFixed(2)} s / ${(figures.unthrottled.bannerVisible / 1000).toFixed(2)} s`,
      undefined,
    ]);
  }
  const width = Math.max(...lines.map(([target]) => target.length));
  const valueWidth = Math.max(...lines.map(([, value]) => value.length));
  for (const [target, value, pass] of lines)
    console.log(
      `  ${target.padEnd(width)}  ${value.padEnd(valueWidth)}  ${pass === undefined ? '' : pass ? 'pass' : 'FAIL'}`,
    );
  if (lines.some(([, , pass]) => pass === false)) process.exitCode = 1;
}

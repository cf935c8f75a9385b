import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Issue 25: `npm run report` over a git history, in two shapes: one commit a day holding that day's
// incidents (10,000 incidents over about 1,100 commits; target < 10 s) and one commit per update
// (about 40,000 commits; target < 60 s). Histories are written with `git fast-import`, seconds.

const componentsYml = `page:\n  name: Bench Status\n  url: https://status.bench.example\n  timezone: UTC\ncomponents:\n${Array.from(
  { length: 20 },
  (_, index) => `  - id: component-${index + 1}\n    name: Component ${index + 1}\n`,
).join('')}`;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const dayMs = 86_400_000;
const impacts = ['minor', 'major', 'critical'] as const;

interface Incident {
  slug: string;
  started: number;
  /** Update times, oldest first; the last resolves. */
  updates: number[];
  text: (count: number) => string;
}

/** `count` incidents spread over `days` days before `end`, four updates each on average. */
function incidents(count: number, days: number, end: number): Incident[] {
  return Array.from({ length: count }, (_, index) => {
    const started = end - days * dayMs + Math.floor((index / count) * days * 1440) * 60_000;
    const updates = Array.from({ length: 2 + (index % 5) }, (_, at) => started + (5 + at * 25 + (index % 7)) * 60_000);
    const slug = `${iso(started).slice(0, 10)}-incident-${index + 1}`;
    const text = (shown: number) =>
      `---\ntitle: Incident ${index + 1}\nimpact: ${impacts[index % 3]}\nstarted: ${iso(started)}\ncomponents: [component-${1 + (index % 20)}]\nupdates:\n${updates
        .slice(0, shown)
        .map(
          (at, n) =>
            `  - at: ${iso(at)}\n    status: ${n === updates.length - 1 ? 'resolved' : n === 0 ? 'investigating' : 'monitoring'}\n    message: Update ${n + 1}.\n${n < updates.length - 1 ? `    next_update: ${iso(at + 30 * 60_000)}\n` : ''}`,
        )
        .join('')}---\n`;
    return { slug, started, updates, text };
  });
}

interface Commit {
  time: number;
  files: [string, string][];
}

function fastImport(root: string, commits: Commit[]): void {
  const parts: Buffer[] = [];
  const data = (text: string) => {
    const bytes = Buffer.from(text);
    parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
  };
  commits.forEach((commit, index) => {
    parts.push(
      Buffer.from(
        `commit refs/heads/main\nmark :${index + 1}\ncommitter Bench <bench@example.com> ${Math.floor(commit.time / 1000)} +0000\n`,
      ),
    );
    data(`Commit ${index + 1}`);
    if (index > 0) parts.push(Buffer.from(`from :${index}\n`));
    for (const [path, text] of commit.files) {
      parts.push(Buffer.from(`M 100644 inline ${path}\n`));
      data(text);
    }
  });
  execFileSync('git', ['init', '-q', '-b', 'main', root]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: Buffer.concat(parts), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: root });
}

/** One commit a day with the final text of the incidents that began that day. */
function dailyHistory(list: Incident[], end: number): Commit[] {
  const byDay = new Map<number, [string, string][]>();
  for (const incident of list) {
    const day = Math.floor(incident.updates.at(-1)! / dayMs) * dayMs + dayMs - 60_000;
    (byDay.get(day) ?? byDay.set(day, []).get(day)!).push([
      `incidents/${incident.slug}.md`,
      incident.text(incident.updates.length),
    ]);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  return [
    { time: days[0]! - dayMs, files: [['components.yml', componentsYml]] },
    ...days.map((time) => ({ time: Math.min(time, end), files: byDay.get(time)! })),
  ];
}

/** One commit per update, a minute after its `at`. */
function perUpdateHistory(list: Incident[]): Commit[] {
  const events = list.flatMap((incident) =>
    incident.updates.map((at, index) => ({
      time: at + 60_000,
      file: `incidents/${incident.slug}.md`,
      incident,
      index,
    })),
  );
  events.sort((a, b) => a.time - b.time);
  return [
    { time: events[0]!.time - dayMs, files: [['components.yml', componentsYml]] },
    ...events.map((event) => ({
      time: event.time,
      files: [[event.file, event.incident.text(event.index + 1)]] as [string, string][],
    })),
  ];
}

/** CPU seconds of this process's finished children and theirs (Linux /proc, as getrusage RUSAGE_CHILDREN). */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // After the command name: cutime and cstime are fields 14 and 15 of stat(5), in clock ticks.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function timeReport(root: string, now: string): { seconds: number; cpuSeconds: number } {
  const cpu = childrenCpuSeconds();
  const started = performance.now();
  const result = spawnSync(process.execPath, [resolve('scripts/report.ts'), '--format', 'json'], {
    env: { ...process.env, STATUS_ROOT: root, STATUS_NOW: now },
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`npm run report failed:\n${result.stdout.toString().slice(0, 4000)}`);
  return { seconds, cpuSeconds: childrenCpuSeconds() - cpu };
}

export interface ReportFigures {
  shape: string;
  incidents: number;
  commits: number;
  seconds: number;
  /** User and system CPU seconds of the report and the git processes it ran. */
  cpuSeconds: number;
}

/** Builds both histories at each size in `workDir` and times the report over each. */
export function benchReport(workDir: string, sizes: readonly number[] = [2_500, 10_000]): ReportFigures[] {
  const now = '2026-11-23T12:00:00Z';
  const end = Date.parse(now) - dayMs;
  const figures: ReportFigures[] = [];
  for (const count of sizes) {
    const list = incidents(count, 1_100, end);
    for (const [shape, commits] of [
      ['one commit a day', dailyHistory(list, end)],
      ['one commit per update', perUpdateHistory(list)],
    ] as const) {
      const root = join(workDir, `report-${count}-${shape.replaceAll(' ', '-')}`);
      mkdirSync(root, { recursive: true });
      fastImport(root, commits);
      figures.push({ shape, incidents: count, commits: commits.length, ...timeReport(root, now) });
      rmSync(root, { recursive: true, force: true });
    }
  }
  return figures;
}

/** The figures, the targets of issue 25, and how the cost grows with the history. */
export function printReportBench(figures: readonly ReportFigures[]): boolean {
  console.log('\nReport over git history (issue 25):');
  let pass = true;
  for (const row of figures) {
    const target = row.shape === 'one commit a day' ? 10 : 60;
    const met = row.incidents < 10_000 || row.seconds < target;
    pass &&= met;
    console.log(
      `  ${row.incidents} incidents, ${row.shape}: ${row.commits} commits, ${row.seconds.toFixed(2)} s wall, ${row.cpuSeconds.toFixed(2)} s CPU${row.incidents >= 10_000 ? ` (target < ${target} s: ${met ? 'pass' : 'FAIL'})` : ''}`,
    );
  }
  for (const shape of ['one commit a day', 'one commit per update']) {
    const rows = figures.filter((row) => row.shape === shape);
    if (rows.length < 2) continue;
    const [small, large] = [rows[0]!, rows.at(-1)!];
    console.log(
      `  ${shape}: ${(large.commits / small.commits).toFixed(1)}× the commits and ${(large.incidents / small.incidents).toFixed(1)}× the incidents cost ${(large.cpuSeconds / small.cpuSeconds).toFixed(2)}× the CPU time`,
    );
  }
  return pass;
}

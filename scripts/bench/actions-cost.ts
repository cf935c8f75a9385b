import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { nextDayBoundary, nextHourlyRefresh } from '../../src/domain/next-change.ts';
import { modelMonth, type MonthFigures } from './actions-cost-model.ts';

const hour = 3_600_000;
const day = 24 * hour;
const start = Date.parse('2026-11-01T00:00:00Z');
const end = start + 30 * day;
const zone = 'UTC';

export interface Month {
  pushes: number[];
  /** Moments that must reach the page on time: midnights, maintenance starts and ends, reminders. */
  moments: number[];
  /** Stretches with an incident open or a maintenance under way (refreshed hourly). */
  open: [number, number][];
}

export function quietMonth(): Month {
  const moments: number[] = [];
  for (let at = nextDayBoundary(start, zone); at <= end; at = nextDayBoundary(at, zone)) moments.push(at);
  return { pushes: [], moments, open: [] };
}

/** 20 incidents with 5 updates each (one every 30 minutes), 4 maintenance windows with 24 h and 1 h reminders. */
export function busyMonth(): Month {
  const month = quietMonth();
  for (let index = 0; index < 20; index++) {
    const opened = start + Math.round(index * 1.45 * day) + 10 * hour + index * 7 * 60_000;
    for (let update = 0; update < 5; update++) month.pushes.push(opened + update * 30 * 60_000);
    month.open.push([opened, opened + 2 * hour]);
  }
  for (const date of [5, 12, 19, 26]) {
    const windowStart = start + date * day + 2 * hour;
    month.pushes.push(windowStart - 7 * day);
    month.moments.push(windowStart - day, windowStart - hour, windowStart, windowStart + 2 * hour);
    month.open.push([windowStart, windowStart + 2 * hour]);
  }
  month.pushes.sort((a, b) => a - b);
  month.moments.sort((a, b) => a - b);
  return month;
}

/** The due moment a build at `clock` publishes, as computeNextChange would for this month. */
function dueAfter(month: Month) {
  return (clock: number) =>
    Math.min(
      nextDayBoundary(clock, zone),
      ...month.moments.filter((moment) => moment > clock),
      ...month.open.filter(([from, to]) => from <= clock && clock < to).map(() => nextHourlyRefresh(clock)),
    );
}

export function modelCost(month: Month, cron: string, schedulerDelayMinutes: number): MonthFigures {
  return modelMonth({
    start,
    end,
    cron,
    schedulerDelayMs: schedulerDelayMinutes * 60_000,
    pushes: month.pushes,
    moments: month.moments,
    dueAfter: dueAfter(month),
  });
}

/** The schedule rebuild.yml runs on: the one setting that trades cost for promptness. */
export function rebuildCron(): string {
  const flow = parse(readFileSync(new URL('../../.github/workflows/rebuild.yml', import.meta.url), 'utf8')) as {
    on: { schedule: { cron: string }[] };
  };
  return flow.on.schedule[0]!.cron;
}

/** `npm run bench` prints this first: the modelled Actions bill (issue 23). */
export function printActionsCost(cron = rebuildCron()): void {
  const lines = [`\nGitHub Actions minutes in a 30-day month (rebuild.yml cron '${cron}', modelled):`];
  for (const [name, month] of [
    ['quiet', quietMonth()],
    ['busy (20 incidents × 5 updates, 4 maintenance windows)', busyMonth()],
  ] as const) {
    const cost = modelCost(month, cron, 0);
    lines.push(
      `  ${name}: ${cost.billedMinutes} billed minutes in a private repository (${cost.checks} checks, ${cost.builds} builds); 0 in a public one`,
    );
  }
  const late = [0, 5, 10, 15, 20].map((delay) => {
    const worst = modelCost(busyMonth(), cron, delay).worstLatenessMs / 60_000;
    return `${delay} min late → ${worst.toFixed(1)} min`;
  });
  lines.push(`  worst lateness of an edge (scheduled runs starting …): ${late.join(', ')}`);
  console.log(lines.join('\n'));
}

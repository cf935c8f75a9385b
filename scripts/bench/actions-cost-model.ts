import { decideRebuild, type LiveAnswer } from '../../src/domain/rebuild-decision.ts';

/** How long each job runs, in seconds, as measured on GitHub's ubuntu-latest runners (approximately). */
export interface JobSeconds {
  /** Runner start, sparse checkout, Node from the tool cache, one request: the scheduled check. */
  check: number;
  /** Full checkout, npm ci from npm's cache, validate, build, record, upload. */
  build: number;
  deploy: number;
  /** Checkout, npm ci from npm's cache, send. */
  notify: number;
  /** Between one job ending and the next starting (runner pick-up); not billed. */
  queue: number;
}

export const defaultJobSeconds: JobSeconds = { check: 25, build: 150, deploy: 40, notify: 70, queue: 20 };

export interface MonthInput {
  start: number;
  end: number;
  cron: string;
  /** How late GitHub starts each scheduled run. */
  schedulerDelayMs: number;
  /** Commits to the default branch: each runs deploy.yml (build, deploy, notify). */
  pushes: readonly number[];
  /** The moments the output changes by time alone, which the model measures lateness against. */
  moments: readonly number[];
  /** What a build at `clock` publishes as its due moment (see computeNextChange). */
  dueAfter: (clock: number) => number;
  jobs?: JobSeconds;
}

export interface MonthFigures {
  /** Every job rounded up to a whole minute, as GitHub bills a private repository. */
  billedMinutes: number;
  checks: number;
  builds: number;
  /** The latest any moment reached the live site after it came (deploy finished). */
  worstLatenessMs: number;
}

const minutes = (seconds: number) => Math.ceil(seconds / 60);

/**
 * A month of rebuild.yml and deploy.yml, run through the real decision (decideRebuild) against a
 * model of the live site: which jobs run, how long each waits, when each moment goes live.
 */
export function modelMonth(input: MonthInput): MonthFigures {
  const jobs = input.jobs ?? defaultJobSeconds;
  const slots = scheduleTimes(input.start, input.end, input.cron);
  const pending = [...input.moments].sort((a, b) => a - b);
  let live = { clock: input.start, due: input.dueAfter(input.start) };
  const figures: MonthFigures = { billedMinutes: 0, checks: 0, builds: 0, worstLatenessMs: 0 };
  /** Build, deploy and notify from `startAt`: returns when the site is live. */
  const publish = (startAt: number, clock: number | undefined, notBefore: number | undefined) => {
    const buildStart = startAt + jobs.queue * 1000;
    const deployStart = buildStart + (jobs.build + jobs.queue) * 1000;
    const deployWait = Math.max(0, (notBefore ?? 0) - deployStart) / 1000;
    const liveAt = deployStart + (deployWait + jobs.deploy) * 1000;
    figures.billedMinutes += minutes(jobs.build) + minutes(deployWait + jobs.deploy) + minutes(jobs.notify);
    figures.builds++;
    const builtClock = clock ?? buildStart;
    while (pending.length > 0 && pending[0]! <= builtClock)
      figures.worstLatenessMs = Math.max(figures.worstLatenessMs, liveAt - pending.shift()!);
    live = { clock: builtClock, due: input.dueAfter(builtClock) };
  };
  const events = [
    ...slots.map((at) => ({ at: at + input.schedulerDelayMs, push: false })),
    ...input.pushes.map((at) => ({ at, push: true })),
  ].sort((a, b) => a.at - b.at);
  for (const event of events) {
    if (event.push) {
      publish(event.at, undefined, undefined);
      continue;
    }
    const now = event.at + jobs.check * 1000;
    const record = { built: iso(live.clock), due: iso(live.due), reasons: [] };
    const answer: LiveAnswer = { kind: 'answered', status: 200, text: JSON.stringify(record) };
    const decision = decideRebuild(answer, now, { event: 'schedule', schedule: input.cron });
    const startAt = Math.max(now, decision.startAt ?? now);
    figures.checks++;
    figures.billedMinutes += minutes((startAt - event.at) / 1000);
    if (decision.build) publish(startAt, decision.clock, decision.notBefore);
  }
  return figures;
}

const iso = (instant: number) => new Date(instant).toISOString();

/** The times a `M,M * * * *` cron line fires between start and end. */
function scheduleTimes(start: number, end: number, cron: string): number[] {
  const minutesPast = cron.split(' ')[0]!.split(',').map(Number);
  const times: number[] = [];
  for (let hour = start; hour < end; hour += 3_600_000)
    for (const minute of minutesPast) times.push(hour + minute * 60_000);
  return times;
}

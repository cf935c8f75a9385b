// Runs in the scheduled check job with no dependencies installed: this file imports nothing, so the
// hand-written checks below stand in for a schema.

/** Where a build publishes when its output next changes, below the base path (see `links.nextRebuild()`). */
export const nextRebuildFile = 'next-rebuild.json';

/** What the live site said when asked for its next-rebuild.json. */
export type LiveAnswer = { kind: 'answered'; status: number; text: string } | { kind: 'failed'; message: string };

export interface RebuildDecision {
  build: boolean;
  /** One sentence for the job summary. */
  reason: string;
  /** The build clock to use, when the build is for a known moment (so a repeat builds the same bytes). */
  clock?: number;
  /** Deploy no earlier than this: a build prepared ahead of its moment waits for it. */
  notBefore?: number;
  /** Start the build at this moment (the check job waits until then). */
  startAt?: number;
  /** The live build's content hash, so an identical build is not deployed again. */
  liveContent?: string;
  /** Re-enable the scheduled workflow (GitHub disables it after 60 quiet days): once a day is plenty. */
  keepAlive: boolean;
}

/** How far ahead of the first moment in its stretch a check looks: a scheduled run may start this late and still be on time. */
export const checkLeadMs = 15 * 60_000;
/** How long before a due moment the build starts, so that it is deployed at that moment. */
export const buildPrepareMs = 4 * 60_000;
/** Every build schedules its next day boundary, at most 25 hours away: anything further is not ours. */
const longestGapMs = 26 * 3_600_000;
/** A live build claiming to be from further in the future than clocks drift is not believed. */
const clockSkewMs = 10 * 60_000;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const contentPattern = /^sha256:[0-9a-f]{64}$/;
const wordPattern = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export interface LiveRecord {
  built: number;
  due: number;
  reasons: string[];
  content: string | undefined;
}

const iso = (instant: number) => new Date(instant).toISOString();
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** Reads a live next-rebuild.json, or says in a sentence why it cannot be trusted. */
export function readLiveRecord(text: string, now: number): LiveRecord | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a JSON object';
  const record = data as Record<string, unknown>;
  const instant = (key: string) => {
    const value = record[key];
    return typeof value === 'string' && instantPattern.test(value) ? Date.parse(value) : Number.NaN;
  };
  const [built, due] = [instant('built'), instant('due')];
  if (!Number.isFinite(built) || !Number.isFinite(due)) return '"built" or "due" is not a UTC timestamp';
  if (built > now + clockSkewMs) return `it claims a build from the future (${iso(built)})`;
  if (due <= built || due - built > longestGapMs)
    return `its due moment (${iso(due)}) is not within 26 hours after its build (${iso(built)})`;
  const reasons = record.reasons;
  if (!Array.isArray(reasons) || reasons.length > 100) return '"reasons" is not a list';
  const words: string[] = [];
  for (const reason of reasons as unknown[]) {
    const fields = typeof reason === 'object' && reason !== null ? Object.values(reason) : [undefined];
    if (!fields.every((field) => typeof field === 'string' && wordPattern.test(field)))
      return '"reasons" holds something other than names';
    words.push((fields as string[]).join(' '));
  }
  const content = record.content;
  if (content !== undefined && (typeof content !== 'string' || !contentPattern.test(content)))
    return '"content" is not a sha256 hash';
  return { built, due, reasons: words, content };
}

/**
 * The minutes past the hour a `cron` line fires at (`45 * * * *`, `15,45 * * * *`, `*\/30 * * * *`),
 * or undefined for a schedule the check does not plan around (it then looks one hour ahead).
 */
export function hourlySlots(cron: string | undefined): number[] | undefined {
  const fields = cron?.trim().split(/\s+/);
  if (!fields || fields.length !== 5 || fields.slice(1).some((field) => field !== '*')) return undefined;
  const step = /^\*\/(\d+)$/.exec(fields[0]!);
  const slots = step
    ? Array.from({ length: Math.ceil(60 / Number(step[1])) }, (_, index) => index * Number(step[1]))
    : fields[0]!.split(',').map(Number);
  return slots.every((minute) => Number.isInteger(minute) && minute >= 0 && minute < 60) && slots.length > 0
    ? [...new Set(slots)].sort((a, b) => a - b)
    : undefined;
}

/** The schedule slot this run belongs to (the latest at or before now) and the next one. */
function currentSlot(now: number, slots: number[] | undefined): [number, number] {
  // A schedule it cannot read: this run takes the hour from now.
  if (!slots) return [now - checkLeadMs, now - checkLeadMs + 3_600_000];
  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  const times = [-1, 0, 1].flatMap((offset) => slots.map((minute) => hour + offset * 3_600_000 + minute * 60_000));
  const index = times.findLastIndex((time) => time <= now);
  return [times[index]!, times[index + 1]!];
}

/**
 * Whether a run of rebuild.yml builds. Not scheduled (by hand): always. Scheduled: when the live
 * site cannot say when its output next changes (no answer, an old deploy without the file, garbled
 * or hostile content), when that moment has passed, or when it falls in this run's stretch
 * (its slot's time plus `checkLeadMs`, up to the next slot's): then the build starts
 * `buildPrepareMs` before the moment, with the moment as its clock, and deploys at it. A moment
 * in an earlier run's stretch is that run's (it is waiting for it); a later one, the next run's.
 */
export function decideRebuild(
  answer: LiveAnswer,
  now: number,
  run: { event: string; schedule?: string | undefined },
): RebuildDecision {
  const slots = hourlySlots(run.schedule);
  const [slot, nextSlot] = currentSlot(now, slots);
  const scheduled = run.event === 'schedule';
  // The first run of each UTC day; with a schedule it cannot read, every run in the day's first hour.
  const slotTime = new Date(slot);
  const keepAlive = scheduled && slotTime.getUTCHours() === 0 && (!slots || slotTime.getUTCMinutes() === slots[0]);
  const rebuild = (reason: string): RebuildDecision => ({ build: true, reason, keepAlive });
  if (!scheduled) return rebuild(`This run was started by ${run.event}, not by the schedule.`);
  if (answer.kind === 'failed') return rebuild(`The live site gave no usable answer (${answer.message}).`);
  if (answer.status === 404)
    return rebuild('The live site has no next-rebuild.json (nothing deployed yet, or a deploy from before it).');
  if (answer.status !== 200) return rebuild(`The live site answered HTTP ${answer.status} for next-rebuild.json.`);
  const record = readLiveRecord(answer.text, now);
  if (typeof record === 'string') return rebuild(`The live next-rebuild.json cannot be trusted: ${record}.`);
  const what = `${iso(record.due)} (${record.reasons.join(', ') || 'no reason given'})`;
  if (record.due <= now)
    return { ...rebuild(`Due since ${what}, ${minutes(now - record.due)} ago.`), liveContent: record.content };
  if (record.due < slot + checkLeadMs)
    return { build: false, reason: `Due at ${what}: the check before this one is waiting for it.`, keepAlive };
  if (record.due >= nextSlot + checkLeadMs)
    return { build: false, reason: `Next due at ${what}; a later check takes it.`, keepAlive };
  return {
    build: true,
    reason: `Due at ${what}: building from ${iso(Math.max(now, record.due - buildPrepareMs))} to deploy then.`,
    clock: record.due,
    notBefore: record.due,
    startAt: Math.max(now, record.due - buildPrepareMs),
    liveContent: record.content,
    keepAlive,
  };
}

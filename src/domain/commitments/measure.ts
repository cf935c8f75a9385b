import type { Commitments, Incident } from '../schema/index.ts';
import { impactAfter, impactStart, peakImpact } from '../timeline.ts';
import type { Impact, UpdateStatus } from '../vocabulary.ts';
import { describeDuration, isoTime, toMinutes } from './durations.ts';

/** When an incident's updates and postmortem went public, as git tells it. */
export interface Publication {
  /** Per update index: when the commit adding it reached the default branch; undefined when unknown. */
  updates: readonly (number | undefined)[];
  /** When `postmortem_published` reached the default branch; undefined when unknown or never. */
  postmortem?: number | undefined;
}

export interface UpdateTiming {
  index: number;
  status: UpdateStatus;
  /** The time the author typed. */
  at: number;
  /** When it went public: from git, or `at` when git could not tell. */
  published: number;
  fromGit: boolean;
}

/** One incident against its commitments; minutes to one decimal, measured from publication times. */
export interface IncidentFigures {
  slug: string;
  title: string;
  /** The highest impact it reached. */
  impact: Impact;
  components: string[];
  started: number;
  open: boolean;
  minutesToFirstUpdate: number | null;
  longestSilenceMinutes: number;
  promisesKept: number;
  promisesBroken: number;
  minutesToResolve: number | null;
  /** null when no postmortem is due (no commitment for its impact, still open, or not yet due). */
  postmortemOnTime: boolean | null;
  withinCommitments: boolean;
  /** Why it is not within commitments, one sentence each; empty when it is. */
  reasons: string[];
  updates: UpdateTiming[];
}

function componentIds(incident: Incident): string[] {
  const ids = new Set(incident.components.map((component) => component.id));
  for (const update of incident.updates) for (const component of update.components ?? []) ids.add(component.id);
  return [...ids].sort();
}

/** The silences between consecutive published updates while open, and whether each kept the cadence. */
function measureSilences(
  incident: Incident,
  updates: UpdateTiming[],
  commitments: Commitments,
  now: number,
  reasons: string[],
) {
  let longest = 0;
  for (let index = 1; index < updates.length; index++) {
    // A reopened incident's resolved-to-reopened gap is not silence.
    if (updates[index - 1]!.status === 'resolved') continue;
    const gap = Math.max(0, updates[index]!.published - updates[index - 1]!.published);
    longest = Math.max(longest, gap);
    const impact = impactAfter(incident, index);
    const cadence = commitments.update_every[impact];
    if (cadence !== undefined && gap > cadence)
      reasons.push(
        `${describeDuration(gap)} of silence after the update of ${isoTime(updates[index - 1]!.published)} (commitment for ${impact}: every ${describeDuration(cadence)})`,
      );
  }
  // An open incident's silence so far counts against the cadence, though it is no gap between updates yet.
  const last = updates.at(-1);
  const cadence = commitments.update_every[impactAfter(incident, updates.length)];
  if (last && last.status !== 'resolved' && cadence !== undefined && now - last.published > cadence)
    reasons.push(
      `still open and silent for ${describeDuration(now - last.published)} (commitment: every ${describeDuration(cadence)})`,
    );
  return longest;
}

/** Next-update promises: kept when the next update was published by the promised time. */
function countPromises(incident: Incident, updates: UpdateTiming[], now: number, reasons: string[]) {
  let kept = 0;
  let broken = 0;
  incident.updates.forEach((update, index) => {
    const promised = update.next_update;
    if (promised === undefined || update.status === 'resolved') return;
    const next = updates[index + 1]?.published;
    if (next === undefined && now <= promised) return;
    if (next !== undefined && next <= promised) {
      kept++;
      return;
    }
    broken++;
    reasons.push(
      next === undefined
        ? `the next update promised for ${isoTime(promised)} has not been published`
        : `the next update promised for ${isoTime(promised)} was published ${describeDuration(next - promised)} later`,
    );
  });
  return { kept, broken };
}

/** Whether the postmortem went public by its deadline; null when none is due. */
function postmortemOnTime(
  incident: Incident,
  resolvedAt: number | undefined,
  publication: Publication,
  commitments: Commitments,
  now: number,
  reasons: string[],
): boolean | null {
  const allowed = commitments.postmortem[peakImpact(incident)];
  if (allowed === undefined || resolvedAt === undefined) return null;
  const due = resolvedAt + allowed;
  const typed = incident.postmortem_published;
  const published = publication.postmortem ?? (typed !== undefined && typed <= now ? typed : undefined);
  if (published === undefined && now <= due) return null;
  if (published !== undefined && published <= due) return true;
  reasons.push(
    published === undefined
      ? `no postmortem, due ${isoTime(due)} (commitment: within ${describeDuration(allowed)} of resolving)`
      : `postmortem published ${describeDuration(published - due)} after its deadline of ${describeDuration(allowed)}`,
  );
  return false;
}

/** Every figure of one incident (not a maintenance) at the report's clock `now`. */
export function measureIncident(
  incident: Incident,
  publication: Publication,
  commitments: Commitments,
  now: number,
): IncidentFigures {
  const updates: UpdateTiming[] = incident.updates.map((update, index) => {
    const fromGit = publication.updates[index];
    return {
      index,
      status: update.status,
      at: update.at,
      published: fromGit ?? update.at,
      fromGit: fromGit !== undefined,
    };
  });
  const reasons: string[] = [];
  const started = impactStart(incident);
  const first = updates[0]?.published;
  const startingImpact = incident.impact ?? 'none';
  const allowedFirst = commitments.first_update[startingImpact];
  if (first !== undefined && allowedFirst !== undefined && first - started > allowedFirst)
    reasons.push(
      `first update ${describeDuration(first - started)} after the start (commitment for ${startingImpact}: ${describeDuration(allowedFirst)})`,
    );
  const longest = measureSilences(incident, updates, commitments, now, reasons);
  const promises = countPromises(incident, updates, now, reasons);
  const last = updates.at(-1);
  const resolvedAt = last?.status === 'resolved' ? last.published : undefined;
  const onTime = postmortemOnTime(incident, resolvedAt, publication, commitments, now, reasons);
  return {
    slug: incident.slug,
    title: incident.title,
    impact: peakImpact(incident),
    components: componentIds(incident),
    started,
    open: resolvedAt === undefined,
    minutesToFirstUpdate: first === undefined ? null : toMinutes(first - started),
    longestSilenceMinutes: toMinutes(longest),
    promisesKept: promises.kept,
    promisesBroken: promises.broken,
    minutesToResolve: resolvedAt === undefined ? null : toMinutes(resolvedAt - started),
    postmortemOnTime: onTime,
    withinCommitments: reasons.length === 0,
    reasons,
    updates,
  };
}

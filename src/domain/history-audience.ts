import { audienceNames, audienceOf, isVisibleTo, publicAudience } from './audience.ts';
import type { Locate, Problem } from './problems.ts';
import type { LocatedComponentsFile, LocatedIncident } from './rules/index.ts';
import type { Incident } from './schema/index.ts';

type Audienced = { audience?: string | undefined };

/** One side of a history check (see `Snapshot` in history.ts). */
interface Side {
  components?: LocatedComponentsFile | undefined;
  incidents: readonly LocatedIncident[];
}

function who(audience: string): string {
  return audience === publicAudience ? 'the public' : `"${audience}"`;
}

/** Whether a published item moving from `before` to `after` hides it from someone who saw it. */
function isNarrowed(before: Audienced, after: Audienced): boolean {
  const [was, now] = [audienceOf(before), audienceOf(after)];
  return was !== now && now !== publicAudience;
}

function narrowed(
  file: string,
  locate: Locate,
  path: (string | number)[],
  what: string,
  before: Audienced,
  after: Audienced,
): Problem {
  const was = audienceOf(before);
  return {
    file,
    severity: 'error',
    ...locate(after.audience === undefined ? path : [...path, 'audience']),
    code: 'AudienceNarrowed',
    message: `The published ${what} was for ${who(was)} and is now for ${who(audienceOf(after))} only: it would vanish from pages, feeds and the API that already showed it.`,
    hint:
      was === publicAudience
        ? `Remove "audience: ${audienceOf(after)}"; published items stay public (retire a component instead of hiding it).`
        : `Restore "audience: ${was}", or remove "audience" to make it public.`,
  };
}

/** Groups and components: an audience may widen to the public, never narrow. */
function checkComponentsFile(base: Side, head: Side): Problem[] {
  if (!base.components || !head.components) return [];
  const { file, locate, value } = head.components;
  const problems: Problem[] = [];
  for (const list of ['groups', 'components'] as const) {
    const before = new Map<string, Audienced>(base.components.value[list].map((item) => [item.id, item]));
    value[list].forEach((item, index) => {
      const old = before.get(item.id);
      if (old && isNarrowed(old, item))
        problems.push(narrowed(file, locate, [list, index], `${list.slice(0, -1)} "${item.id}"`, old, item));
    });
  }
  return problems;
}

/**
 * Notification channels keep their audience: a channel's message ids are numbered by what its
 * audience's site shows (`<slug>#update-3` counts only the updates that site shows), so moving
 * it to another audience would send again what it already sent, or skip what it did not.
 */
function checkChannels(base: Side, head: Side): Problem[] {
  if (!base.components || !head.components) return [];
  const { file, locate, value } = head.components;
  const before = new Map(base.components.value.notifications.channels.map((channel) => [channel.id, channel]));
  return value.notifications.channels.flatMap((channel, index) => {
    const old = before.get(channel.id);
    const audience = audienceOf(channel);
    // An audience components.yml does not declare is UnknownAudience's to report (a typo, most likely).
    if (!old || audienceOf(old) === audience || !audienceNames(value).includes(audience)) return [];
    const path = ['notifications', 'channels', index, ...(channel.audience === undefined ? ['id'] : ['audience'])];
    return [
      {
        file,
        severity: 'error' as const,
        ...locate(path),
        code: 'ChannelAudienceChanged',
        message: `The notification channel "${channel.id}" was for ${who(audienceOf(old))} and is now for ${who(audience)}: its messages are numbered by what its audience sees, so it would send again messages it already sent and skip others.`,
        hint: `${old.audience === undefined ? 'Remove "audience" again' : `Restore "audience: ${old.audience}"`}. To tell ${who(audience)}, add a channel with a new id (its first run records everything already published without sending it, and it is told of what comes after).`,
      },
    ];
  });
}

/** Every audience either side knows, the public first. */
function audiencesOf(base: Side, head: Side): string[] {
  const declared = [base, head].flatMap((side) => Object.keys(side.components?.value.audiences ?? {}));
  return [...new Set([publicAudience, ...declared])];
}

/** The first audience that saw the incident before and still does, for which the update's visibility changed. */
function changedFor(audiences: readonly string[], base: Incident, head: Incident, index: number): string | undefined {
  const [was, now] = [base.updates[index]!, head.updates[index]!];
  return audiences.find(
    (audience) =>
      isVisibleTo(base, audience) &&
      isVisibleTo(head, audience) &&
      isVisibleTo(was, audience) !== isVisibleTo(now, audience),
  );
}

/** A time as authors write it. */
function yamlTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * Audiences in history: a published incident may widen to the public (that publishes it), never
 * narrow; a published update keeps its audience, since update numbers and ids on each page count
 * only the updates that page shows (making one public later would shift every later one).
 */
export function checkAudienceHistory(base: Side, head: Side, now: number): Problem[] {
  const problems = [...checkComponentsFile(base, head), ...checkChannels(base, head)];
  const audiences = audiencesOf(base, head);
  const headBySlug = new Map(head.incidents.map((incident) => [incident.value.slug, incident]));
  for (const { value: old } of base.incidents) {
    const current = headBySlug.get(old.slug);
    if (!current) continue;
    const { value, locate } = current;
    if (isNarrowed(old, value)) problems.push(narrowed(value.file, locate, ['title'], value.kind, old, value));
    old.updates.forEach((update, index) => {
      const after = value.updates[index];
      if (!after || after.at !== update.at || after.status !== update.status) return;
      const audience = changedFor(audiences, old, value, index);
      if (audience === undefined) return;
      const shown = isVisibleTo(update, audience);
      const page = audience === publicAudience ? 'the public page' : `the "${audience}" page`;
      problems.push({
        file: value.file,
        severity: 'error',
        ...locate(['updates', index, ...(after.audience === undefined ? ['status'] : ['audience'])]),
        code: 'UpdateAudienceChanged',
        message: `The published update #${index + 1} (${update.status} at ${yamlTime(update.at)}) ${shown ? `is on ${page} and would vanish from it` : `is not on ${page} and would appear there`}: update numbers and ids on a page count only the updates it shows, so every later one would change.`,
        hint: shown
          ? `${update.audience === undefined ? 'Remove "audience" again' : `Restore "audience: ${update.audience}"`}: a published update stays on the pages that showed it.`
          : `Restore "audience: ${update.audience}". To tell ${who(audience)}, add a new update${audience === publicAudience ? ' without "audience"' : ''}:\n  - at: ${yamlTime(now)}\n    status: ${value.updates.at(-1)!.status}\n    message: …`,
      });
    });
  }
  return problems;
}

import type { ComponentsFile, Incident } from '../schema/index.ts';
import { formatZonedIso } from '../time.ts';
import { isAllowedTransition } from '../transitions.ts';
import { componentsFileName, planComponents, uniqueSlug, type PlannedComponents } from './components.ts';
import {
  authorTime,
  normaliseIncident,
  reportTime,
  type NormalisedIncident,
  type NormalisedUpdate,
} from './incident.ts';
import type { ImportNote, ImportSource } from './model.ts';

/** What the content root already holds, for `--update`. */
export interface ExistingContent {
  components: ComponentsFile;
  incidents: readonly Incident[];
}

export interface PlannedFile {
  file: string;
  /** Front matter as an author writes it, keys in writing order. */
  frontMatter: Record<string, unknown>;
  /** Markdown below the front matter. */
  body: string;
}

export interface ImportPlan {
  components: PlannedComponents;
  files: PlannedFile[];
  /** Update mode: updates to add at the end of existing files, in order. */
  appends: { file: string; updates: Record<string, unknown>[] }[];
  notes: ImportNote[];
  counts: { incidents: number; updates: number; appended: number; unchanged: number };
}

const impactStartOf = (incident: NormalisedIncident) =>
  incident.kind === 'maintenance'
    ? (incident.window?.start ?? incident.updates[0]!.at)
    : (incident.started ?? incident.updates[0]!.at);

/** The first instant each of our component ids is named by an incident, as validate checks it. */
function earliestUses(incidents: readonly NormalisedIncident[], ids: ReadonlyMap<string, string>) {
  const earliest = new Map<string, number>();
  const use = (key: string, at: number) => {
    const id = ids.get(key);
    if (id !== undefined && at < (earliest.get(id) ?? Infinity)) earliest.set(id, at);
  };
  for (const incident of incidents) {
    for (const key of incident.components) use(key, impactStartOf(incident));
    for (const update of incident.updates) for (const change of update.components) use(change.key, update.at);
  }
  return earliest;
}

function updateData(update: NormalisedUpdate, ids: ReadonlyMap<string, string>, zone: string) {
  const components = update.components.map((change) => ({ id: ids.get(change.key)!, status: change.status }));
  return {
    at: authorTime(update.at, zone),
    status: update.status,
    message: update.message,
    ...(components.length ? { components } : {}),
    // Subscribers heard about it from the old page: importing never notifies (see "Moving from Statuspage").
    notify: false,
    ...(update.statuspageId ? { statuspage_id: update.statuspageId } : {}),
  };
}

function frontMatterOf(incident: NormalisedIncident, ids: ReadonlyMap<string, string>, zone: string) {
  const components = [...new Set(incident.components.map((key) => ids.get(key)!))];
  return {
    ...(incident.kind === 'maintenance' ? { kind: 'maintenance' } : {}),
    title: incident.title,
    ...(incident.kind === 'incident' ? { impact: incident.impact } : {}),
    ...(incident.started !== undefined ? { started: authorTime(incident.started, zone) } : {}),
    ...(incident.window
      ? { window: { start: authorTime(incident.window.start, zone), end: authorTime(incident.window.end, zone) } }
      : {}),
    ...(components.length ? { components } : {}),
    ...(incident.postmortemPublished !== undefined
      ? { postmortem_published: authorTime(incident.postmortemPublished, zone) }
      : {}),
    ...(incident.statuspageId ? { statuspage_id: incident.statuspageId } : {}),
    updates: incident.updates.map((update) => updateData(update, ids, zone)),
  };
}

/** The existing file an incident from the source is already imported as. */
function findExisting(existing: readonly Incident[], incident: NormalisedIncident, baseSlug: string) {
  return incident.statuspageId
    ? existing.find((item) => item.statuspage_id === incident.statuspageId)
    : existing.find((item) => item.slug === baseSlug && item.statuspage_id === undefined);
}

/** New updates of an incident already imported: those the file lacks, after its last update. */
function newUpdates(
  incident: NormalisedIncident,
  kept: Incident,
  note: (change: string, reason: string) => void,
): NormalisedUpdate[] {
  const keptIds = new Set(kept.updates.map((update) => update.statuspage_id ?? `@${update.at}`));
  const last = kept.updates.at(-1)!;
  let status = last.status;
  const added: NormalisedUpdate[] = [];
  for (const update of incident.updates) {
    if (keptIds.has(update.statuspageId ?? `@${update.at}`)) continue;
    if (update.at < last.at) {
      note(
        `update of ${reportTime(update.at)} not added`,
        `it is older than the file's last update (${reportTime(last.at)}), and published history is not rewritten`,
      );
      continue;
    }
    const next = isAllowedTransition(incident.kind, status, update.status) ? update.status : status;
    if (next !== update.status)
      note(
        `new update (${reportTime(update.at)}): status "${status}" kept`,
        `the source moves back to "${update.status}"`,
      );
    status = next;
    added.push({ ...update, status });
  }
  return added;
}

/**
 * Turns what a reader got from another status page into the files an author would have written,
 * noting every change our rules required. With `existing` (`--update`), incidents already imported
 * only gain their new updates, and nothing else in them changes.
 */
export function planImport(source: ImportSource, existing?: ExistingContent): ImportPlan {
  const notes: ImportNote[] = [...source.notes];
  const pending: { incident: NormalisedIncident; notes: { change: string; reason: string }[] }[] = [];
  for (const incident of source.incidents) {
    const own: { change: string; reason: string }[] = [];
    pending.push({
      incident: normaliseIncident(incident, (change, reason) => own.push({ change, reason })),
      notes: own,
    });
  }
  pending.sort(
    (a, b) => impactStartOf(a.incident) - impactStartOf(b.incident) || (a.incident.record < b.incident.record ? -1 : 1),
  );
  const zone = existing?.components.page.timezone ?? source.page.timezone;
  const taken = new Set(existing?.incidents.map((incident) => incident.slug));
  const counts = { incidents: 0, updates: 0, appended: 0, unchanged: 0 };
  const fresh: { incident: NormalisedIncident; file: string }[] = [];
  const appended: { incident: NormalisedIncident; kept: Incident; updates: NormalisedUpdate[] }[] = [];
  for (const { incident, notes: own } of pending) {
    const day = formatZonedIso(impactStartOf(incident), zone).slice(0, 10);
    const baseSlug = uniqueSlug(`${day} ${incident.title}`, `${day}-incident`, new Set(), 60);
    const kept = existing && findExisting(existing.incidents, incident, baseSlug);
    if (kept) {
      const added = newUpdates(incident, kept, (change, reason) => notes.push({ file: kept.file, change, reason }));
      if (added.length) appended.push({ incident, kept, updates: added });
      else counts.unchanged++;
      continue;
    }
    const slug = uniqueSlug(baseSlug, 'incident', taken, 200);
    const file = `incidents/${slug}.md`;
    if (slug !== baseSlug)
      notes.push({ file, change: `named ${slug}.md`, reason: `${baseSlug}.md is another incident's file` });
    notes.push(...own.map((item) => ({ file, ...item })));
    fresh.push({ incident, file });
  }
  const used = [
    ...fresh.map((item) => item.incident),
    ...appended.map((item) => ({ ...item.incident, updates: item.updates, components: [] })),
  ];
  const components = planComponents(source, existing?.components, (ids) => earliestUses(used, ids), notes);
  const ids = components.componentIds;
  const files = fresh.map(({ incident, file }) => {
    counts.incidents++;
    counts.updates += incident.updates.length;
    return { file, frontMatter: frontMatterOf(incident, ids, components.timezone), body: incident.body?.trim() ?? '' };
  });
  const appends = appended.map(({ kept, updates }) => {
    counts.appended += updates.length;
    return { file: kept.file, updates: updates.map((update) => updateData(update, ids, components.timezone)) };
  });
  notes.sort((a, b) =>
    a.file === componentsFileName ? -1 : b.file === componentsFileName ? 1 : a.file.localeCompare(b.file),
  );
  return { components, files, appends, notes, counts };
}

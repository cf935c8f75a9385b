import type { ComponentsFile } from '../schema/index.ts';
import { formatZonedIso, timeZoneProblem } from '../time.ts';
import { toSlug } from '../vocabulary.ts';
import type { ImportNote, ImportSource, SourceComponent, SourceGroup } from './model.ts';
import { reportTime } from './incident.ts';

export const componentsFileName = 'components.yml';

/** What the planner decided for the page, groups and components. */
export interface PlannedComponents {
  /** Source `key` → our component id, for every component (kept and new). */
  componentIds: Map<string, string>;
  /** Our id → `since` (YYYY-MM-DD) as planned, for the since check. */
  since: Map<string, string>;
  timezone: string;
  /** Written as is: the page, then groups and components, for a fresh components.yml. */
  file?: Record<string, unknown>;
  /** Update mode: groups and components to add to the existing file, and `since` dates to move earlier. */
  additions: { groups: Record<string, unknown>[]; components: Record<string, unknown>[] };
  sinceChanges: { id: string; since: string }[];
}

/** A unique id from a name: `Public API` → `public-api`, then `public-api-2`… */
export function uniqueSlug(name: string, fallback: string, taken: Set<string>, maxLength = 60): string {
  const base = toSlug(name).slice(0, maxLength).replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const dateIn = (instant: number, zone: string) => formatZonedIso(instant, zone).slice(0, 10);

function groupData(group: SourceGroup, id: string): Record<string, unknown> {
  return {
    id,
    name: group.name,
    ...(group.description ? { description: group.description } : {}),
    ...(group.statuspageId ? { statuspage_id: group.statuspageId } : {}),
  };
}

function componentData(component: SourceComponent, id: string, group: string | undefined, since: string | undefined) {
  return {
    id,
    name: component.name,
    ...(component.description ? { description: component.description } : {}),
    ...(group ? { group } : {}),
    ...(since ? { since } : {}),
    ...(component.retired ? { retired: true } : {}),
    ...(component.showcase === false ? { showcase: false } : {}),
    ...(component.statuspageId ? { statuspage_id: component.statuspageId } : {}),
  };
}

/** The existing record a source record stands for: same Statuspage id, else (no id) same name. */
function matchExisting<T extends { name: string; statuspage_id?: string | undefined }>(
  list: readonly T[],
  record: { name: string; statuspageId?: string | undefined },
): T | undefined {
  return record.statuspageId
    ? list.find((item) => item.statuspage_id === record.statuspageId)
    : list.find((item) => item.name === record.name && item.statuspage_id === undefined);
}

/**
 * Ids for groups and components, and each component's `since`: the source's creation date, or
 * earlier when an incident names the component before it (`earliest`: our id → first instant).
 */
export function planComponents(
  source: ImportSource,
  existing: ComponentsFile | undefined,
  earliestUse: (componentIds: ReadonlyMap<string, string>, timezone: string) => Map<string, number>,
  notes: ImportNote[],
): PlannedComponents {
  let timezone = existing?.page.timezone ?? source.page.timezone;
  if (!existing && timeZoneProblem(timezone)) {
    notes.push({ file: componentsFileName, change: 'timezone: UTC', reason: `"${timezone}" is not an IANA zone name` });
    timezone = 'UTC';
  }
  const groupIds = new Map<string, string>();
  const takenGroups = new Set(existing?.groups.map((group) => group.id));
  const newGroups: Record<string, unknown>[] = [];
  for (const group of source.groups) {
    const kept = existing && matchExisting(existing.groups, group);
    const id = kept?.id ?? uniqueSlug(group.name, 'group', takenGroups);
    groupIds.set(group.key, id);
    if (!kept) newGroups.push(groupData(group, id));
  }
  const componentIds = new Map<string, string>();
  const takenComponents = new Set(existing?.components.map((component) => component.id));
  const fresh: SourceComponent[] = [];
  for (const component of source.components) {
    const kept = existing && matchExisting(existing.components, component);
    if (kept) componentIds.set(component.key, kept.id);
    else {
      componentIds.set(component.key, uniqueSlug(component.name, 'component', takenComponents));
      fresh.push(component);
    }
  }
  const earliest = earliestUse(componentIds, timezone);
  const since = new Map<string, string>();
  const sinceChanges: { id: string; since: string }[] = [];
  for (const kept of existing?.components ?? []) {
    const used = earliest.get(kept.id);
    if (kept.since && used !== undefined && dateIn(used, timezone) < kept.since) {
      const date = dateIn(used, timezone);
      sinceChanges.push({ id: kept.id, since: date });
      notes.push({
        file: componentsFileName,
        change: `component "${kept.id}": since ${date} (was ${kept.since})`,
        reason: `an imported incident names it on ${reportTime(used)}`,
      });
    }
  }
  const newComponents = fresh.map((component) => {
    const id = componentIds.get(component.key)!;
    let date = component.createdAt === undefined ? undefined : dateIn(component.createdAt, timezone);
    const used = earliest.get(id);
    if (date && used !== undefined && dateIn(used, timezone) < date) {
      notes.push({
        file: componentsFileName,
        change: `component "${id}": since ${dateIn(used, timezone)} (created ${date})`,
        reason: `an incident names it on ${reportTime(used)}, before the source says it was created`,
      });
      date = dateIn(used, timezone);
    }
    if (date) since.set(id, date);
    if (component.retired)
      notes.push({
        file: componentsFileName,
        change: `component "${id}" ("${component.name}") added with retired: true`,
        reason: component.retiredReason ?? 'incidents name it but the source no longer lists it',
      });
    const group = component.group === undefined ? undefined : groupIds.get(component.group);
    return componentData(component, id, group, date);
  });
  const page = {
    name: source.page.name,
    url: source.page.url,
    timezone,
    ...(source.page.statuspageId ? { statuspage_id: source.page.statuspageId } : {}),
  };
  return {
    componentIds,
    since,
    timezone,
    ...(existing
      ? {}
      : { file: { page, ...(newGroups.length ? { groups: newGroups } : {}), components: newComponents } }),
    additions: existing ? { groups: newGroups, components: newComponents } : { groups: [], components: [] },
    sinceChanges,
  };
}

import type { z } from 'zod';
import { impacts, type Impact } from '../vocabulary.ts';
import { ImportError, type ImportNote, type ImportSource, type SourceComponent, type SourceIncident } from './model.ts';
import {
  fieldPath,
  SourceComponentSchema,
  SourceGroupSchema,
  SourceIncidentSchema,
  SourcePageSchema,
  type SourceComponentJson,
  type SourceIncidentJson,
} from './statuspage-source.ts';
import { plainTextToMarkdown } from './text.ts';

/** One JSON document as read: where from (a URL or a path) and its parsed value. */
export interface SourceDocument {
  location: string;
  data: unknown;
}

/** What a reader fetched from a Statuspage page, public API or Manage API alike. */
export interface StatuspageDocuments {
  /** The URL or folder the operator named. */
  name: string;
  /** The page object. */
  page: SourceDocument;
  /** Lists of components (groups included, `group: true`), incidents and maintenances, and Manage API groups. */
  components: SourceDocument[];
  groups: SourceDocument[];
  incidents: SourceDocument[];
}

function listOf(document: SourceDocument, what: string): unknown[] {
  if (Array.isArray(document.data)) return document.data;
  throw new ImportError(
    document.location,
    what,
    `expected a list of ${what}, found ${document.data === null ? 'null' : typeof document.data}.`,
    'Check that the address serves the Statuspage API (for example /api/v2/incidents.json).',
  );
}

/** Parses one record, or stops with the record and field named. */
function parseRecord<S extends z.ZodType>(
  schema: S,
  value: unknown,
  document: SourceDocument,
  what: string,
  index?: number,
) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const raw = (value ?? {}) as { id?: unknown };
  const name = typeof raw.id === 'string' && raw.id.length <= 64 ? ` "${raw.id}"` : '';
  throw new ImportError(
    document.location,
    `${what}${name}${index === undefined ? '' : ` (number ${index + 1} in the list)`}`,
    `${issue.path.length ? `${fieldPath(issue.path)} ` : ''}${issue.message.replace(/^Invalid input: /, '')}.`,
    'Nothing was written. Fix the record at the source, or leave it out of a folder copy, and run the import again.',
  );
}

/** Top-level items by position, each group followed by its members by position. */
function orderComponents(components: SourceComponentJson[], groupMembers: Map<string, string[]>) {
  const byPosition = <T extends { position?: number | null | undefined }>(list: T[]) =>
    list
      .map((item, index) => ({ item, index }))
      .sort((a, b) => (a.item.position ?? 0) - (b.item.position ?? 0) || a.index - b.index)
      .map(({ item }) => item);
  const groups = new Set(components.filter((item) => item.group).map((item) => item.id));
  for (const [groupId, members] of groupMembers) {
    groups.add(groupId);
    for (const member of members) {
      const component = components.find((item) => item.id === member);
      if (component && !component.group_id) component.group_id = groupId;
    }
  }
  const topLevel = byPosition(
    components.filter((item) => !item.group && !(item.group_id && groups.has(item.group_id))),
  );
  const ordered: { component: SourceComponentJson; group?: string }[] = [];
  const seenGroups: string[] = [];
  const placeGroup = (groupId: string) => {
    if (seenGroups.includes(groupId)) return;
    seenGroups.push(groupId);
    for (const member of byPosition(components.filter((item) => !item.group && item.group_id === groupId)))
      ordered.push({ component: member, group: groupId });
  };
  const tops = byPosition([...components.filter((item) => item.group), ...topLevel]);
  for (const item of tops) {
    if (item.group) placeGroup(item.id);
    else ordered.push({ component: item });
  }
  for (const groupId of groups) placeGroup(groupId);
  return { ordered, groupOrder: seenGroups };
}

function impactOf(incident: SourceIncidentJson, note: (note: ImportNote) => void): Impact {
  const written = incident.impact_override ?? incident.impact;
  const impact = impacts.find((word) => word === written);
  if (impact) return impact;
  if (written !== 'maintenance')
    note({ file: `incident ${incident.id}`, change: 'impact: none', reason: `"${written}" is not an impact` });
  return 'none';
}

function incidentFrom(incident: SourceIncidentJson, note: (note: ImportNote) => void): SourceIncident {
  const maintenance = incident.scheduled_for != null || (incident.impact_override ?? incident.impact) === 'maintenance';
  const updates = [...incident.incident_updates].reverse().map((update) => ({
    statuspageId: update.id,
    at: update.display_at ?? update.created_at,
    status: update.status,
    message: plainTextToMarkdown(update.body ?? ''),
    components: (update.affected_components ?? []).map((change) => ({ key: change.code, status: change.new_status })),
  }));
  const named = new Set(updates.flatMap((update) => update.components.map((change) => change.key)));
  return {
    record: `incident ${incident.id}`,
    statuspageId: incident.id,
    kind: maintenance ? 'maintenance' : 'incident',
    title: incident.name,
    impact: maintenance ? 'none' : impactOf(incident, note),
    started: incident.started_at ?? undefined,
    window:
      incident.scheduled_for != null && incident.scheduled_until != null
        ? { start: incident.scheduled_for, end: incident.scheduled_until }
        : undefined,
    components: (incident.components ?? []).map((component) => component.id).filter((key) => !named.has(key)),
    updates,
    body: incident.postmortem_body ? plainTextToMarkdown(incident.postmortem_body) : undefined,
    postmortemPublished: incident.postmortem_published_at ?? undefined,
  };
}

/** A Statuspage page, read into the importers' neutral shape. */
export function readStatuspage(documents: StatuspageDocuments): ImportSource {
  const notes: ImportNote[] = [];
  const page = parseRecord(SourcePageSchema, documents.page.data, documents.page, 'page');
  const url =
    page.url ||
    (page.domain ? `https://${page.domain}` : page.subdomain ? `https://${page.subdomain}.statuspage.io` : '');
  const componentRecords = new Map<string, SourceComponentJson>();
  for (const document of documents.components)
    listOf(document, 'components').forEach((value, index) => {
      const component = parseRecord(SourceComponentSchema, value, document, 'component', index);
      componentRecords.set(component.id, component);
    });
  const groupMembers = new Map<string, string[]>();
  const groupRecords = new Map<string, { name: string; description?: string | null | undefined }>();
  for (const component of componentRecords.values())
    if (component.group) {
      groupRecords.set(component.id, component);
      groupMembers.set(component.id, component.components ?? []);
    }
  for (const document of documents.groups)
    listOf(document, 'component groups').forEach((value, index) => {
      const group = parseRecord(SourceGroupSchema, value, document, 'component group', index);
      groupRecords.set(group.id, group);
      groupMembers.set(group.id, group.components ?? []);
    });
  const incidents = new Map<string, SourceIncidentJson>();
  for (const document of documents.incidents)
    listOf(document, 'incidents').forEach((value, index) => {
      const incident = parseRecord(SourceIncidentSchema, value, document, 'incident', index);
      const seen = incidents.get(incident.id);
      if (!seen || (seen.scheduled_for == null && incident.scheduled_for != null)) incidents.set(incident.id, incident);
    });
  const { ordered, groupOrder } = orderComponents([...componentRecords.values()], groupMembers);
  const components: SourceComponent[] = ordered.map(({ component, group }) => {
    if (component.only_show_if_degraded)
      notes.push({
        file: 'components.yml',
        change: `component "${component.name}" always shown`,
        reason: 'Statusmark has no only_show_if_degraded',
      });
    return {
      key: component.id,
      statuspageId: component.id,
      name: component.name,
      description: component.description ?? undefined,
      group,
      createdAt: component.created_at ?? undefined,
      showcase: component.showcase ?? undefined,
    };
  });
  const listed = new Set(components.map((component) => component.key));
  const sorted = [...incidents.values()];
  for (const incident of sorted) {
    const names = [
      ...(incident.components ?? []).map((component) => [component.id, component.name] as const),
      ...incident.incident_updates.flatMap((update) =>
        (update.affected_components ?? []).map((change) => [change.code, change.name ?? change.code] as const),
      ),
    ];
    for (const [key, name] of names)
      if (!listed.has(key) && !groupRecords.has(key)) {
        listed.add(key);
        components.push({ key, statuspageId: key, name, retired: true });
      }
  }
  return {
    name: documents.name,
    page: { name: page.name, url, timezone: page.time_zone || 'UTC', statuspageId: page.id },
    groups: groupOrder.map((groupId) => ({
      key: groupId,
      statuspageId: groupId,
      name: groupRecords.get(groupId)!.name,
      description: groupRecords.get(groupId)!.description ?? undefined,
    })),
    components,
    incidents: sorted.map((incident) => incidentFrom(incident, (item) => notes.push(item))),
    notes,
  };
}

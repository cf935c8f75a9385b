import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { formatZonedIso } from '../domain/time.ts';
import type { ComponentStatus, Impact, Kind, UpdateStatus } from '../domain/vocabulary.ts';

/** A time as authors write it: the page zone's offset, to the second. */
export function authorTimestamp(instant: number, timeZone: string): string {
  return formatZonedIso(Math.floor(instant / 1000) * 1000, timeZone).replace('.000', '');
}

/** A YAML scalar: plain when that is unambiguous, otherwise double-quoted. */
export function yamlText(text: string): string {
  const plainSafe =
    /^[A-Za-z0-9(][^\n]*$/.test(text) &&
    !/: |\s#|[:\s]$/.test(text) &&
    !/^(true|false|null|yes|no|~|[-+.\d][\d.eE+-]*)$/i.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

export interface NewUpdate {
  at: string;
  status: UpdateStatus;
  message: string;
  nextUpdate?: string | undefined;
  components?: { id: string; status: ComponentStatus }[] | undefined;
}

function updateLines(update: NewUpdate, indent: string): string {
  const lines = [
    `${indent}- at: ${update.at}`,
    `${indent}  status: ${update.status}`,
    `${indent}  message: ${yamlText(update.message)}`,
  ];
  if (update.nextUpdate) lines.push(`${indent}  next_update: ${update.nextUpdate}`);
  if (update.components?.length) {
    lines.push(`${indent}  components:`);
    for (const component of update.components)
      lines.push(`${indent}    - id: ${component.id}`, `${indent}      status: ${component.status}`);
  }
  return lines.join('\n') + '\n';
}

export interface NewIncident {
  kind: Kind;
  title: string;
  impact?: Impact | undefined;
  components: { id: string; status?: ComponentStatus | undefined }[];
  window?: { start: string; end: string } | undefined;
  update: NewUpdate;
}

export function newIncidentText(incident: NewIncident): string {
  const lines = ['---'];
  if (incident.kind === 'maintenance') lines.push('kind: maintenance');
  lines.push(`title: ${yamlText(incident.title)}`);
  if (incident.impact) lines.push(`impact: ${incident.impact}`);
  if (incident.components.length > 0) {
    lines.push('components:');
    for (const component of incident.components) {
      lines.push(component.status ? `  - id: ${component.id}\n    status: ${component.status}` : `  - ${component.id}`);
    }
  }
  if (incident.window) lines.push('window:', `  start: ${incident.window.start}`, `  end: ${incident.window.end}`);
  lines.push('updates:');
  return `${lines.join('\n')}\n${updateLines(incident.update, '  ')}---\n`;
}

/**
 * Appends an update to an incident file's text without rewriting anything
 * already there: the new item goes right after the last existing one, with
 * the same indentation.
 */
export function appendUpdateText(source: string, update: NewUpdate): string {
  const open = source.indexOf('---\n');
  const close = source.indexOf('\n---', open + 3);
  const yamlStart = open + 4;
  const yaml = source.slice(yamlStart, close + 1);
  const document = parseDocument(yaml);
  const root = document.contents;
  const updates = isMap(root)
    ? root.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === 'updates')
    : undefined;
  if (!updates || !isSeq(updates.value) || updates.value.items.length === 0 || updates.value.flow) {
    const insertAt = close + 1;
    const block = `${updates ? '' : 'updates:\n'}${updateLines(update, '  ')}`;
    if (updates) {
      // An empty or flow-style list: replace the key's line with a block list.
      const keyStart = (updates.key as { range: [number, number, number] }).range[0] + yamlStart;
      const lineEnd = source.indexOf('\n', keyStart) + 1;
      return `${source.slice(0, keyStart)}updates:\n${block}${source.slice(lineEnd)}`;
    }
    return `${source.slice(0, insertAt)}${block}${source.slice(insertAt)}`;
  }
  const seq = updates.value;
  const first = seq.items[0] as { range: [number, number, number] };
  const lineStart = yaml.lastIndexOf('\n', first.range[0] - 1) + 1;
  const indent = ' '.repeat(first.range[0] - lineStart - 2);
  const end = yamlStart + (seq.range ?? [0, 0, yaml.length])[2];
  const insertAt = source.lastIndexOf('\n', end - 1) + 1 || end;
  const before = source.slice(0, insertAt);
  return `${before}${before.endsWith('\n') ? '' : '\n'}${updateLines(update, indent)}${source.slice(insertAt)}`;
}

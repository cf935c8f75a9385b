import { formatZonedIso } from '../domain/time.ts';
import type { ComponentStatus, Impact, Kind, UpdateStatus } from '../domain/vocabulary.ts';

/** A time as authors write it: the page zone's offset, to the second. */
export function authorTimestamp(instant: number, timeZone: string): string {
  return formatZonedIso(Math.floor(instant / 1000) * 1000, timeZone).replace('.000', '');
}

/** A YAML scalar: plain when that is unambiguous, otherwise double-quoted. */
export function yamlText(text: string): string {
  const plainSafe =
    /^[A-Za-z0-9(][^\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]*$/u.test(text) &&
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
  /** Written when present, for schemas that know per-update impact. */
  impact?: Impact | undefined;
  /** Written when present, for schemas that know notification channels. */
  notify?: readonly string[] | undefined;
  /** The message in the page's other languages, by language; written when not empty. */
  translations?: Readonly<Record<string, string>> | undefined;
}

function hasTranslations(update: NewUpdate): update is NewUpdate & { translations: Record<string, string> } {
  return Object.keys(update.translations ?? {}).length > 0;
}

/** The update as the YAML data an author would write. */
export function updateData(update: NewUpdate): Record<string, unknown> {
  return {
    at: update.at,
    status: update.status,
    message: update.message,
    ...(hasTranslations(update) ? { translations: { ...update.translations } } : {}),
    ...(update.nextUpdate ? { next_update: update.nextUpdate } : {}),
    ...(update.impact ? { impact: update.impact } : {}),
    ...(update.notify?.length ? { notify: [...update.notify] } : {}),
    ...(update.components?.length ? { components: update.components.map(({ id, status }) => ({ id, status })) } : {}),
  };
}

/** The update as block-list lines, each ending in `eol`, with the dash at `indent`. */
export function updateLines(update: NewUpdate, indent: string, eol = '\n'): string {
  const lines = [
    `${indent}- at: ${update.at}`,
    `${indent}  status: ${update.status}`,
    `${indent}  message: ${yamlText(update.message)}`,
  ];
  if (hasTranslations(update)) {
    lines.push(`${indent}  translations:`);
    for (const [language, message] of Object.entries(update.translations))
      lines.push(`${indent}    ${yamlText(language)}: ${yamlText(message)}`);
  }
  if (update.nextUpdate) lines.push(`${indent}  next_update: ${update.nextUpdate}`);
  if (update.impact) lines.push(`${indent}  impact: ${update.impact}`);
  if (update.notify?.length) lines.push(`${indent}  notify: [${update.notify.map(yamlText).join(', ')}]`);
  if (update.components?.length) {
    lines.push(`${indent}  components:`);
    for (const component of update.components)
      lines.push(`${indent}    - id: ${component.id}`, `${indent}      status: ${component.status}`);
  }
  return lines.map((line) => line + eol).join('');
}

/** The update as one flow mapping, for files that write `updates: [...]`; every text is double-quoted. */
export function updateFlow(update: NewUpdate): string {
  const flow = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(flow).join(', ')}]`
      : typeof value === 'object' && value !== null
        ? `{ ${Object.entries(value)
            .map(([key, item]) => `${key}: ${flow(item)}`)
            .join(', ')} }`
        : JSON.stringify(value);
  return flow(updateData(update));
}

export interface NewIncident {
  kind: Kind;
  title: string;
  impact?: Impact | undefined;
  components: { id: string; status?: ComponentStatus | undefined }[];
  window?: { start: string; end: string } | undefined;
  /** The title in the page's other languages, by language; written when not empty. */
  titleTranslations?: Readonly<Record<string, string>> | undefined;
  update: NewUpdate;
}

export function newIncidentText(incident: NewIncident): string {
  const lines = ['---'];
  if (incident.kind === 'maintenance') lines.push('kind: maintenance');
  lines.push(`title: ${yamlText(incident.title)}`);
  const titles = Object.entries(incident.titleTranslations ?? {});
  if (titles.length > 0) {
    lines.push('translations:');
    for (const [language, title] of titles) lines.push(`  ${yamlText(language)}:`, `    title: ${yamlText(title)}`);
  }
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

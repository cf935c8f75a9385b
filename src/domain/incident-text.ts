import type { IncidentInput } from './schema/index.ts';
import { formatZonedIso } from './time.ts';
import { toSlug } from './vocabulary.ts';

// What the authoring commands write, as text an author would have typed: the front matter of a new
// incident and one more update. Pure, so the CLI, `post` and tests build the same bytes.

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

type UpdateInput = NonNullable<IncidentInput['updates']>[number];

/**
 * One new update as an author writes it (the schema's input): `at` and `next_update` as times with
 * an offset; `translations`, `components` and `next_update` are written only when given.
 */
export type NewUpdate = Pick<UpdateInput, 'at' | 'status' | 'message' | 'next_update' | 'components' | 'impact'> & {
  /** The message in the page's other languages, by language. */
  translations?: UpdateInput['translations'] | undefined;
};

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
    ...(update.next_update ? { next_update: update.next_update } : {}),
    ...(update.impact ? { impact: update.impact } : {}),
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
  if (update.next_update) lines.push(`${indent}  next_update: ${update.next_update}`);
  if (update.impact) lines.push(`${indent}  impact: ${update.impact}`);
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

type IncidentTranslationInput = NonNullable<IncidentInput['translations']>[string];

/** A new incident or maintenance as an author writes it (the schema's input), with its first update. */
export type NewIncident = Pick<IncidentInput, 'kind' | 'title' | 'impact' | 'components' | 'window'> & {
  /** The title in the page's other languages, by language; written when not empty. */
  translations?: Record<string, Pick<IncidentTranslationInput, 'title'>> | undefined;
  update: NewUpdate;
};

/** A file-name slug from a title: accents folded to their letters, at most 60 characters. */
function slugify(text: string): string {
  return toSlug(text.normalize('NFKD')).slice(0, 60).replace(/-+$/, '');
}

/** `2026-11-20-elevated-api-errors`: the first update's date in the page's zone and the title. */
export function newIncidentSlug(incident: NewIncident): string {
  return `${incident.update.at.slice(0, 10)}-${slugify(incident.title) || (incident.kind ?? 'incident')}`;
}

export function newIncidentText(incident: NewIncident): string {
  const lines = ['---'];
  if (incident.kind === 'maintenance') lines.push('kind: maintenance');
  lines.push(`title: ${yamlText(incident.title)}`);
  const titles = Object.entries(incident.translations ?? {}).filter(([, translation]) => translation.title);
  if (titles.length > 0) {
    lines.push('translations:');
    for (const [language, { title }] of titles)
      lines.push(`  ${yamlText(language)}:`, `    title: ${yamlText(title!)}`);
  }
  if (incident.impact) lines.push(`impact: ${incident.impact}`);
  const components = incident.components ?? [];
  if (components.length > 0) {
    lines.push('components:');
    for (const component of components) {
      if (typeof component === 'string') lines.push(`  - ${component}`);
      else
        lines.push(
          component.status ? `  - id: ${component.id}\n    status: ${component.status}` : `  - ${component.id}`,
        );
    }
  }
  if (incident.window) lines.push('window:', `  start: ${incident.window.start}`, `  end: ${incident.window.end}`);
  lines.push('updates:');
  return `${lines.join('\n')}\n${updateLines(incident.update, '  ')}---\n`;
}

import { checkNotificationChannels } from './schema/index.ts';
import type { Locate, Problem } from './problems.ts';
import type { ComponentsFile, Incident } from './schema/index.ts';
import { quoteList, suggestClosest } from './suggest.ts';
import { formatZonedIso } from './time.ts';
import { impactStart } from './timeline.ts';
import { componentStart } from './visibility.ts';
import {
  impacts,
  kinds,
  slugPattern,
  toSlug,
  updateStatuses,
  type Impact,
  type Kind,
  type UpdateStatus,
} from './vocabulary.ts';
import { allowedNextStatuses, isAllowedTransition, statusesFor } from './transitions.ts';

export interface LocatedComponentsFile {
  file: string;
  value: ComponentsFile;
  locate: Locate;
}

export interface LocatedIncident {
  value: Incident;
  locate: Locate;
}

/** How long a major or critical incident may stay resolved without a postmortem before we warn. */
export const postmortemGraceMs = 72 * 3_600_000;

type Report = (
  path: (string | number)[],
  code: string,
  message: string,
  hint: string,
  options?: { severity?: 'warning'; part?: 'key' | 'value' },
) => void;

function reporter(file: string, locate: Locate, problems: Problem[]): Report {
  return (path, code, message, hint, options = {}) =>
    problems.push({
      file,
      severity: options.severity ?? 'error',
      ...locate(path, options.part),
      code,
      message,
      hint,
    });
}

/** An item of groups or components as far as it could be read: its id and group when well-formed. */
interface ListedItem {
  id?: string | undefined;
  group?: string | undefined;
}

/** Reports every id seen before in the list; returns the set of ids. */
function reportDuplicateIds(
  report: Report,
  list: 'groups' | 'components',
  items: readonly ListedItem[],
  code: string,
  hint: string,
): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    if (ids.has(item.id))
      report([list, index, 'id'], code, `The ${list.slice(0, -1)} id "${item.id}" is used twice.`, hint);
    ids.add(item.id);
  });
  return ids;
}

/** Duplicate ids and unknown groups; `groups` is undefined when the list itself could not be read. */
function checkComponentLists(
  report: Report,
  groups: readonly ListedItem[] | undefined,
  components: readonly ListedItem[],
): Set<string> {
  const groupIds = reportDuplicateIds(report, 'groups', groups ?? [], 'DuplicateGroup', 'Give each group its own id.');
  const componentIds = reportDuplicateIds(
    report,
    'components',
    components,
    'DuplicateComponent',
    'Component ids are permanent and unique: rename the new one (ids are in URLs and feeds).',
  );
  if (groups === undefined) return componentIds;
  components.forEach((component, index) => {
    if (component.group !== undefined && !groupIds.has(component.group)) {
      const suggestion = suggestClosest(component.group, [...groupIds]);
      report(
        ['components', index, 'group'],
        'UnknownGroup',
        `The group "${component.group}" is not defined under groups.`,
        suggestion
          ? `Did you mean "${suggestion}"?`
          : `Add a group with id "${component.group}" under groups, or use one of: ${quoteList([...groupIds])}.`,
      );
    }
  });
  return componentIds;
}

export function checkComponentsFile({ file, value, locate }: LocatedComponentsFile): Problem[] {
  const problems: Problem[] = [];
  checkComponentLists(reporter(file, locate, problems), value.groups, value.components);
  problems.push(...checkNotificationChannels(file, value, locate));
  return problems;
}

/**
 * The id rules, run on a components.yml that failed the schema elsewhere.
 * Returns the component ids that could be read, so incidents are still
 * checked against them; undefined when the components list itself is unreadable.
 */
export function checkUnparsedComponentsFile(
  file: string,
  data: unknown,
  locate: Locate,
): { problems: Problem[]; componentIds: Set<string> | undefined } {
  const problems: Problem[] = [];
  const raw = asRecord(data);
  const listed = (list: unknown): ListedItem[] | undefined =>
    Array.isArray(list)
      ? list.map((item) => {
          const group = asRecord(item)?.group;
          return { id: idOf(asRecord(item)), group: typeof group === 'string' ? group : undefined };
        })
      : undefined;
  const groups = raw?.groups === undefined ? [] : listed(raw.groups);
  const components = listed(raw?.components);
  if (!components) return { problems, componentIds: undefined };
  const componentIds = checkComponentLists(reporter(file, locate, problems), groups, components);
  return { problems, componentIds };
}

function checkComponentReference(
  report: Report,
  path: (string | number)[],
  id: string,
  known: ReadonlySet<string>,
): void {
  if (known.has(id)) return;
  const suggestion = suggestClosest(id, [...known]);
  report(
    path,
    'UnknownComponent',
    `The component "${id}" is not in components.yml.`,
    suggestion
      ? `Did you mean "${suggestion}"? Write "${suggestion}".`
      : `Use one of: ${quoteList([...known])}, or add "${id}" to components.yml.`,
  );
}

function checkKindFields(report: Report, incident: Incident): void {
  if (incident.kind === 'incident') {
    if (incident.impact === undefined) {
      report(
        [],
        'MissingField',
        'impact is required for an incident.',
        'Add "impact: minor" (or none, major, critical) to the front matter.',
      );
    }
    if (incident.window !== undefined) {
      report(
        ['window'],
        'WindowOnIncident',
        'Only maintenance has a window; this file is an incident.',
        'Add "kind: maintenance" or remove window.',
        { part: 'key' },
      );
    }
    if (incident.updates.length === 0) {
      report(
        [],
        'NoUpdates',
        'An incident needs at least one update.',
        'Add updates: with one item that has at, status: investigating and a message.',
      );
    }
  } else if (incident.window === undefined) {
    report(
      [],
      'MissingWindow',
      'A maintenance needs a window.',
      'Add "window:" with "start:" and "end:" times, for example start: 2026-12-01T02:00:00Z.',
    );
  } else if (incident.window.end <= incident.window.start) {
    report(
      ['window', 'end'],
      'WindowEndsBeforeStart',
      'The maintenance window ends before it starts.',
      'Make window.end later than window.start.',
    );
  }
}

/** Reports a status that moves backwards between two consecutive updates of the same kind. */
function checkTransition(report: Report, kind: Kind, index: number, previous: UpdateStatus, next: UpdateStatus): void {
  const allowed = statusesFor(kind);
  if (!allowed.includes(previous) || !allowed.includes(next) || isAllowedTransition(kind, previous, next)) return;
  report(
    ['updates', index, 'status'],
    'BackwardTransition',
    `The status moves back from "${previous}" to "${next}".`,
    previous === 'completed'
      ? 'A completed maintenance is final: schedule a new maintenance file for further work.'
      : `After "${previous}" use one of: ${quoteList(allowedNextStatuses(kind, previous))}.${kind === 'incident' && previous !== 'resolved' ? ' To reopen, first resolve, then post "investigating".' : ''}`,
  );
}

function checkUpdates(report: Report, incident: Incident, now: number): void {
  const allowed = statusesFor(incident.kind);
  incident.updates.forEach((update, index) => {
    if (!allowed.includes(update.status)) {
      const other = incident.kind === 'incident' ? 'maintenance' : 'incident';
      report(
        ['updates', index, 'status'],
        'StatusForOtherKind',
        `"${update.status}" is a ${other} status, but this file is ${incident.kind === 'incident' ? 'an incident' : 'a maintenance'}.`,
        `Use one of: ${quoteList(allowed)}${incident.kind === 'incident' ? ', or add "kind: maintenance"' : ''}.`,
      );
    }
    if (update.at > now) {
      report(
        ['updates', index, 'at'],
        'UpdateInFuture',
        `This update is dated ${new Date(update.at).toISOString()}, after the build clock (${new Date(now).toISOString()}).`,
        'Updates record what was published: use the current time (npm run incident:update writes it for you). Announce future work with a maintenance window instead.',
      );
    }
    const previous = incident.updates[index - 1];
    if (!previous) return;
    if (update.at < previous.at) {
      report(
        ['updates', index, 'at'],
        'UpdatesOutOfOrder',
        `This update (${new Date(update.at).toISOString()}) is earlier than the one before it (${new Date(previous.at).toISOString()}).`,
        'List updates oldest first and append new ones at the end.',
      );
    }
    checkTransition(report, incident.kind, index, previous.status, update.status);
  });
}

/** `known` is undefined when components.yml could not be read: then only duplicates are checked. */
function checkComponents(report: Report, incident: Incident, known: ReadonlySet<string> | undefined): void {
  const seen = new Set<string>();
  incident.components.forEach((component, index) => {
    if (known) checkComponentReference(report, ['components', index], component.id, known);
    if (seen.has(component.id)) {
      report(
        ['components', index],
        'DuplicateComponentReference',
        `The component "${component.id}" is listed twice.`,
        'List each affected component once.',
      );
    }
    seen.add(component.id);
  });
  if (!known) return;
  incident.updates.forEach((update, updateIndex) =>
    update.components?.forEach((component, index) =>
      checkComponentReference(report, ['updates', updateIndex, 'components', index, 'id'], component.id, known),
    ),
  );
}

/** Before its `since` date a component does not exist, so no incident may touch it then. */
function checkComponentsExist(report: Report, incident: Incident, file: ComponentsFile): void {
  const byId = new Map(file.components.map((component) => [component.id, component]));
  const zone = file.page.timezone;
  const check = (path: (string | number)[], id: string, at: number, what: string) => {
    const component = byId.get(id);
    if (!component?.since || at >= componentStart(component, zone)) return;
    const day = formatZonedIso(at, zone).slice(0, 10);
    report(
      path,
      'ComponentBeforeSince',
      `The component "${id}" exists from ${component.since} (its since in components.yml), but ${what} ${new Date(at).toISOString()}.`,
      `Remove "${id}" here, or set "since: ${day}" (or earlier) on it in components.yml.`,
    );
  };
  const start = impactStart(incident);
  const begins = incident.kind === 'maintenance' ? 'this maintenance begins at' : 'this incident begins at';
  incident.components.forEach((component, index) => check(['components', index], component.id, start, begins));
  incident.updates.forEach((update, updateIndex) =>
    update.components?.forEach((component, index) =>
      check(
        ['updates', updateIndex, 'components', index, 'id'],
        component.id,
        update.at,
        'this update is published at',
      ),
    ),
  );
}

/** A postmortem is published after the incident is resolved, and has text. */
function checkPostmortem(report: Report, incident: Incident, now: number): void {
  const published = incident.postmortem_published;
  if (published === undefined) return;
  const path = ['postmortem_published'];
  if (incident.kind === 'maintenance') {
    report(
      path,
      'PostmortemOnMaintenance',
      'Only an incident has a postmortem; this file is a maintenance.',
      'Remove postmortem_published; write what happened in the last update or below the front matter.',
      { part: 'key' },
    );
    return;
  }
  const last = incident.updates.at(-1);
  if (last?.status !== 'resolved') {
    report(
      path,
      'PostmortemBeforeResolved',
      `The postmortem is published (${new Date(published).toISOString()}) but the incident is not resolved.`,
      'Post a "resolved" update first, then set postmortem_published to a time at or after it.',
    );
  } else if (published < last.at) {
    report(
      path,
      'PostmortemBeforeResolved',
      `The postmortem is published at ${new Date(published).toISOString()}, before the incident was resolved (${new Date(last.at).toISOString()}).`,
      `Set postmortem_published to the time you published it, at or after ${new Date(last.at).toISOString()}.`,
    );
  }
  if (published > now) {
    report(
      path,
      'UpdateInFuture',
      `The postmortem is dated ${new Date(published).toISOString()}, after the build clock (${new Date(now).toISOString()}).`,
      'Set postmortem_published when you publish it: the current time, not a future one.',
    );
  }
  if (incident.body.trim() === '') {
    report(
      path,
      'EmptyPostmortem',
      'postmortem_published is set but there is no postmortem text below the front matter.',
      'Write what happened and what will change below the closing "---", or remove postmortem_published.',
      { part: 'key' },
    );
  }
}

/**
 * Translations are keyed by the page's other languages, written exactly as in `page.languages`:
 * a key that is not one of them would never be shown, and the first language is the original's.
 */
/** The parts of an incident that hold translations, as far as they could be read. */
interface TranslatedParts {
  kind: Kind;
  translations: Readonly<Record<string, { postmortem?: unknown }>>;
  updates: readonly { translations: Readonly<Record<string, unknown>> }[];
}

function checkTranslations(report: Report, incident: TranslatedParts, languages: readonly string[]): void {
  const [original, ...others] = languages;
  /** `text`: what the original text is, and where better wording belongs. */
  const check = (path: (string | number)[], language: string, text: { is: string; moveTo: string }) => {
    if (language === original) {
      report(
        path,
        'TranslationOfOriginal',
        `The translation "${language}" is in the page's first language, the one ${text.is} written in, so it would never be shown.`,
        `${text.moveTo}, or remove the "${language}" translation.${others.length ? ` Translations are for ${quoteList(others)}.` : ''}`,
        { part: 'key' },
      );
      return;
    }
    if (others.includes(language)) return;
    const suggestion = suggestClosest(language, others);
    report(
      path,
      'UnknownTranslationLanguage',
      `"${language}" is not one of the page's languages (page.languages in components.yml), so this translation would never be shown.`,
      suggestion
        ? `Did you mean "${suggestion}"? Keys are matched exactly as page.languages writes them; the page's other languages are ${quoteList(others)}.`
        : others.length
          ? `Use one of the page's other languages (${quoteList(others)}), or add "${language}" to page.languages in components.yml.`
          : `List it in components.yml with "languages: [${original}, ${language}]" under page (in place of any "language:" line), or remove the translation.`,
      { part: 'key' },
    );
  };
  incident.updates.forEach((update, index) => {
    for (const language of Object.keys(update.translations))
      check(['updates', index, 'translations', language], language, {
        is: '"message" is',
        moveTo: 'If it reads better, make it the "message"',
      });
  });
  for (const [language, translation] of Object.entries(incident.translations)) {
    check(['translations', language], language, {
      is: 'the title and the postmortem are',
      moveTo: 'If it reads better, move it into "title" (or the text below the front matter)',
    });
    if (incident.kind === 'maintenance' && translation.postmortem !== undefined)
      report(
        ['translations', language, 'postmortem'],
        'PostmortemOnMaintenance',
        `Only an incident has a postmortem; this file is a maintenance, so the "${language}" postmortem would never be shown.`,
        `Remove "postmortem" from translations.${language}; translate the last update's message instead.`,
        { part: 'key' },
      );
  }
}

/** A translated postmortem needs the original one: without it only that language's readers would get one. */
function checkTranslatedPostmortem(report: Report, incident: Incident, languages: readonly string[]): void {
  if (incident.kind === 'maintenance' || incident.body.trim() !== '') return;
  for (const [language, translation] of Object.entries(incident.translations))
    if (translation.postmortem !== undefined)
      report(
        ['translations', language, 'postmortem'],
        'TranslationWithoutOriginal',
        `translations.${language}.postmortem is set but there is no postmortem text below the front matter, so only "${language}" readers would get one.`,
        `Write the postmortem in "${languages[0]}" below the closing "---" first, or remove "postmortem" from translations.${language}.`,
        { part: 'key' },
      );
}

function checkStarted(report: Report, incident: Incident): void {
  const first = incident.updates[0];
  if (incident.started !== undefined && first && incident.started > first.at) {
    report(
      ['started'],
      'StartedAfterFirstUpdate',
      'started is later than the first update.',
      'started is when impact began; it cannot be after the first update. Remove it or move it earlier.',
    );
  }
}

function isResolved(incident: Incident): boolean {
  const last = incident.updates[incident.updates.length - 1];
  return last?.status === 'resolved' || last?.status === 'completed';
}

/** The highest impact an incident reached, counting escalations by updates. */
function peakImpact(incident: Incident): Impact {
  return [incident.impact ?? 'none', ...incident.updates.map((update) => update.impact ?? 'none')].reduce((a, b) =>
    impacts.indexOf(b) > impacts.indexOf(a) ? b : a,
  );
}

function checkWarnings(report: Report, incident: Incident, now: number): void {
  const lastIndex = incident.updates.length - 1;
  const last = incident.updates[lastIndex];
  if (!last || incident.kind !== 'incident') return;
  if (!isResolved(incident) && last.next_update !== undefined && last.next_update < now) {
    report(
      ['updates', lastIndex, 'next_update'],
      'NextUpdateOverdue',
      `The next update was promised for ${new Date(last.next_update).toISOString()} and that time has passed.`,
      'Post an update now: npm run incident:update -- <slug>.',
      { severity: 'warning' },
    );
  }
  // The grace period runs from the resolving update to the postmortem's publication (or the build clock).
  const peak = peakImpact(incident);
  const published = incident.postmortem_published !== undefined && incident.postmortem_published <= now;
  if (
    isResolved(incident) &&
    (peak === 'major' || peak === 'critical') &&
    !published &&
    now - last.at > postmortemGraceMs
  ) {
    report(
      [],
      'MissingPostmortem',
      `This ${peak} incident was resolved over 72 hours ago and has no published postmortem.`,
      incident.body.trim() === ''
        ? `Write what happened and what will change below the closing "---", and add "postmortem_published: ${new Date(now).toISOString()}" to the front matter.`
        : `Publish the text below the front matter as its postmortem: add "postmortem_published: ${new Date(now).toISOString()}" to the front matter.`,
      { severity: 'warning' },
    );
  }
}

/** Every rule that looks at one incident on its own (plus the component list). */
export function checkIncident(
  located: LocatedIncident,
  knownComponents: ReadonlySet<string> | undefined,
  now: number,
  componentsFile?: ComponentsFile,
): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(located.value.file, located.locate, problems);
  checkKindFields(report, located.value);
  checkUpdates(report, located.value, now);
  checkComponents(report, located.value, knownComponents);
  if (componentsFile) {
    checkComponentsExist(report, located.value, componentsFile);
    checkTranslations(report, located.value, componentsFile.page.languages);
    checkTranslatedPostmortem(report, located.value, componentsFile.page.languages);
  }
  checkPostmortem(report, located.value, now);
  checkStarted(report, located.value);
  checkWarnings(report, located.value, now);
  return problems;
}

/** File names are permanent slugs: lowercase, hyphenated, and unique even on case-insensitive disks. */
export function checkSlugs(files: readonly { file: string; slug: string }[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { file, slug } of files) {
    if (!slugPattern.test(slug)) {
      const fixed = toSlug(slug);
      problems.push({
        file,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'InvalidSlug',
        message: `The file name "${slug}.md" is not a valid slug: it becomes the incident's permanent URL.`,
        hint: `Rename the file to "${fixed || 'incident'}.md" (lowercase letters, digits and hyphens).`,
      });
    }
    const other = seen.get(slug.toLowerCase());
    if (other) {
      problems.push({
        file,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'DuplicateSlug',
        message: `The slug "${slug}" is also used by ${other}.`,
        hint: 'Give each incident file its own name.',
      });
    }
    seen.set(slug.toLowerCase(), file);
  }
  return problems;
}

type Raw = Record<string, unknown>;

function asRecord(value: unknown): Raw | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

function idOf(item: unknown): string | undefined {
  const id = typeof item === 'string' ? item : asRecord(item)?.id;
  return typeof id === 'string' && slugPattern.test(id) ? id : undefined;
}

/**
 * The reference and transition rules, run on front matter that failed the
 * schema elsewhere, so one run still reports every problem in the file. Only
 * values that are well-formed on their own are checked; the schema problems
 * cover the rest.
 */
export function checkUnparsedIncident(
  file: string,
  data: unknown,
  locate: Locate,
  knownComponents: ReadonlySet<string> | undefined,
  languages?: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(file, locate, problems);
  const raw = asRecord(data);
  if (!raw) return problems;
  const kind: Kind = kinds.find((candidate) => candidate === raw.kind) ?? 'incident';
  const components = Array.isArray(raw.components) ? (raw.components as unknown[]) : [];
  components.forEach((item, index) => {
    const id = idOf(item);
    if (id && knownComponents) checkComponentReference(report, ['components', index], id, knownComponents);
  });
  const updates = Array.isArray(raw.updates) ? (raw.updates as unknown[]).map(asRecord) : [];
  const statusOf = (update: Raw | undefined) => updateStatuses.find((status) => status === update?.status);
  updates.forEach((update, index) => {
    const changes = Array.isArray(update?.components) ? (update.components as unknown[]) : [];
    changes.forEach((item, position) => {
      const id = idOf(item);
      if (id && knownComponents)
        checkComponentReference(report, ['updates', index, 'components', position, 'id'], id, knownComponents);
    });
    const previous = statusOf(updates[index - 1]);
    const next = statusOf(update);
    if (index > 0 && previous && next) checkTransition(report, kind, index, previous, next);
  });
  if (languages) {
    const translationsOf = (value: unknown) => asRecord(asRecord(value)?.translations) ?? {};
    const incidentTranslations = Object.fromEntries(
      Object.entries(translationsOf(raw)).map(([language, value]) => [language, asRecord(value) ?? {}]),
    );
    const translatedUpdates = updates.map((update) => ({ translations: translationsOf(update) }));
    checkTranslations(report, { kind, translations: incidentTranslations, updates: translatedUpdates }, languages);
  }
  return problems;
}

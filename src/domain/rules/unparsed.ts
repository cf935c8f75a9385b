import type { Locate, Problem } from '../problems.ts';
import { kinds, slugPattern, updateStatuses, type Kind } from '../vocabulary.ts';
import { checkComponentLists, type ListedItem } from './components-file.ts';
import { checkComponentReference } from './references.ts';
import { reporter } from './report.ts';
import { checkTranslations } from './translations.ts';
import { checkTransition } from './updates.ts';

type Raw = Record<string, unknown>;

function asRecord(value: unknown): Raw | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

function idOf(item: unknown): string | undefined {
  const id = typeof item === 'string' ? item : asRecord(item)?.id;
  return typeof id === 'string' && slugPattern.test(id) ? id : undefined;
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

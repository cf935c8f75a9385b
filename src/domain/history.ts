import { checkAudienceHistory } from './history-audience.ts';
import { compareFrontMatter } from './history-front-matter.ts';
import type { Problem } from './problems.ts';
import type { LocatedComponentsFile, LocatedIncident } from './rules/index.ts';
import type { Incident } from './schema/index.ts';

export interface Snapshot {
  components?: LocatedComponentsFile | undefined;
  /** Incidents that parsed, with positions. */
  incidents: readonly LocatedIncident[];
  /** Slugs of every incident file present, parsed or not (a broken file is not a deleted one). */
  slugs: ReadonlySet<string>;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function sameHistory(base: Incident, head: Incident): boolean {
  return base.updates.every((update, index) => {
    const other = head.updates[index];
    return other !== undefined && other.at === update.at && other.status === update.status;
  });
}

type Update = Incident['updates'][number];
type LocateIn = (path: (string | number)[], part?: 'key' | 'value') => Pick<Problem, 'file' | 'line' | 'column'>;

function componentStatusText(update: Update): string {
  return (update.components ?? []).map((component) => `${component.id}: ${component.status}`).join(', ');
}

/**
 * An update's impact and component statuses drive day bars, uptime and the
 * API's past states, so once published they are as fixed as its time.
 */
function compareRecordedFacts(old: Update, now: Update, label: string, at: LocateIn, index: number): Problem[] {
  const problems: Problem[] = [];
  if (now.impact !== old.impact) {
    problems.push({
      ...at(['updates', index, now.impact === undefined ? 'status' : 'impact']),
      severity: 'error',
      code: 'UpdateImpactChanged',
      message: `${label} changed its impact from "${old.impact ?? 'unset'}" to "${now.impact ?? 'unset'}".`,
      hint:
        old.impact === undefined
          ? 'Remove "impact" from the published update and post a new update with the new impact.'
          : `Restore "impact: ${old.impact}" and post a new update with the new impact.`,
    });
  }
  const before = componentStatusText(old);
  const after = componentStatusText(now);
  if (before !== after) {
    problems.push({
      ...at(['updates', index, now.components === undefined ? 'status' : 'components'], 'key'),
      severity: 'error',
      code: 'UpdateComponentsChanged',
      message: `${label} changed its component statuses from "${before || 'none'}" to "${after || 'none'}".`,
      hint: 'Restore the published component statuses and post a new update with the new ones.',
    });
  }
  return problems;
}

/**
 * A published translation was read like the message: rewording or removing it is a warning, as
 * for `message`. Adding one later is not reported: nobody saw it before.
 */
function compareTranslations(old: Update, now: Update, label: string, at: LocateIn, index: number): Problem[] {
  return Object.entries(old.translations).flatMap(([language, text]) => {
    const current = now.translations[language];
    if (current === text) return [];
    const removed = current === undefined;
    return [
      {
        ...(removed ? at(['updates', index, 'translations'], 'key') : at(['updates', index, 'translations', language])),
        severity: 'warning' as const,
        code: 'TranslationEdited',
        message: removed
          ? `${label} lost its "${language}" translation; readers of the "${language}" page and feed subscribers already saw it, and now get the original message.`
          : `${label} has new "${language}" wording. Readers of the "${language}" page and feed subscribers already saw the old text.`,
        hint: removed
          ? `Restore the "${language}" translation unless it was wrong; to correct facts, post a new update instead.`
          : 'Fine for typos; for a change of substance, post a new update (with its translations) instead.',
      },
    ];
  });
}

function compareUpdates(base: Incident, head: LocatedIncident): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], part?: 'key' | 'value') => ({
    file: head.value.file,
    ...head.locate(path, part),
  });
  base.updates.forEach((old, index) => {
    const now = head.value.updates[index];
    const label = `The published update #${index + 1} (${old.status} at ${iso(old.at)})`;
    if (!now) {
      problems.push({
        file: head.value.file,
        ...head.locate(['updates'], 'key'),
        severity: 'error',
        code: 'UpdateRemoved',
        message: `${label} was removed.`,
        hint: 'Published updates stay: restore it and add a new update that corrects it.',
      });
      return;
    }
    if (now.at === old.at && now.status === old.status) {
      problems.push(...compareRecordedFacts(old, now, label, at, index));
      if (now.message !== old.message) {
        problems.push({
          ...at(['updates', index, 'message']),
          severity: 'warning',
          code: 'UpdateMessageEdited',
          message: `${label} has new wording. Feed subscribers already received the old text.`,
          hint: 'Fine for typos; for a change of substance, post a new update instead.',
        });
      }
      problems.push(...compareTranslations(old, now, label, at, index));
      return;
    }
    const movedTo = head.value.updates.findIndex((other) => other.at === old.at && other.status === old.status);
    if (movedTo !== -1) {
      problems.push({
        ...at(['updates', index]),
        severity: 'error',
        code: 'UpdateReordered',
        message: `${label} moved to position #${movedTo + 1}; published updates keep their order.`,
        hint: 'Put updates back in their published order and append new ones at the end.',
      });
    } else if (now.status === old.status) {
      problems.push({
        ...at(['updates', index, 'at']),
        severity: 'error',
        code: 'UpdateTimeChanged',
        message: `${label} now says ${iso(now.at)}.`,
        hint: `Restore "at" to ${iso(old.at)}; a published time is part of the record.`,
      });
    } else if (now.at === old.at) {
      problems.push({
        ...at(['updates', index, 'status']),
        severity: 'error',
        code: 'UpdateStatusChanged',
        message: `${label} now says "${now.status}".`,
        hint: `Restore "status: ${old.status}" and post a new update with the new status.`,
      });
    } else {
      problems.push({
        ...at(['updates', index]),
        severity: 'error',
        code: 'UpdateRemoved',
        message: `${label} was replaced by ${now.status} at ${iso(now.at)}.`,
        hint: 'Published updates stay: restore it and append new updates after it.',
      });
    }
  });
  return problems;
}

/** A published postmortem's time is when subscribers were told; it stays. */
function comparePostmortem(base: Incident, head: LocatedIncident): Problem[] {
  const published = base.postmortem_published;
  if (published === undefined || head.value.postmortem_published === published) return [];
  const moved = head.value.postmortem_published;
  return [
    {
      file: head.value.file,
      ...head.locate(moved === undefined ? ['title'] : ['postmortem_published']),
      severity: 'error',
      code: 'PostmortemPublicationChanged',
      message:
        moved === undefined
          ? `The published postmortem time (${iso(published)}) was removed.`
          : `The published postmortem time ${iso(published)} now says ${iso(moved)}.`,
      hint: `Restore "postmortem_published: ${iso(published)}"; edit the postmortem text below the front matter instead.`,
    },
  ];
}

function componentsIn(incidents: readonly LocatedIncident[]): Set<string> {
  const ids = new Set<string>();
  for (const { value } of incidents) {
    for (const component of value.components) ids.add(component.id);
    for (const update of value.updates) for (const component of update.components ?? []) ids.add(component.id);
  }
  return ids;
}

/**
 * History is append-only: compares what was published (`base`) with the
 * proposed tree (`head`) at the clock `now`. Files new in `head` may carry back-dated history.
 */
export function checkHistory(base: Snapshot, head: Snapshot, now: number): Problem[] {
  const problems: Problem[] = [];
  const headBySlug = new Map(head.incidents.map((incident) => [incident.value.slug, incident]));
  const baseSlugs = new Set(base.incidents.map((incident) => incident.value.slug));
  for (const { value: old } of base.incidents) {
    const current = headBySlug.get(old.slug);
    if (current)
      problems.push(
        ...compareUpdates(old, current),
        ...comparePostmortem(old, current),
        ...compareFrontMatter(old, current, now),
      );
    if (head.slugs.has(old.slug)) continue;
    const renamed = head.incidents.find(
      (candidate) =>
        !baseSlugs.has(candidate.value.slug) && old.updates.length > 0 && sameHistory(old, candidate.value),
    );
    problems.push(
      renamed
        ? {
            file: renamed.value.file,
            severity: 'error',
            line: 1,
            column: 1,
            code: 'IncidentRenamed',
            message: `This file is the published incident "${old.slug}" under a new name; its URL and feed ids would change.`,
            hint: `Rename it back to ${old.file}.`,
          }
        : {
            file: old.file,
            severity: 'error',
            line: 1,
            column: 1,
            code: 'IncidentDeleted',
            message: `The published incident "${old.slug}" was deleted.`,
            hint: `Restore it (git checkout <base> -- ${old.file}); to correct it, post a new update.`,
          },
    );
  }
  problems.push(...checkAudienceHistory(base, head, now));
  if (base.components && head.components) {
    const remaining = new Set(head.components.value.components.map((component) => component.id));
    const referenced = new Set([...componentsIn(base.incidents), ...componentsIn(head.incidents)]);
    for (const component of base.components.value.components) {
      if (remaining.has(component.id) || !referenced.has(component.id)) continue;
      problems.push({
        file: head.components.file,
        severity: 'error',
        ...head.components.locate(['components'], 'key'),
        code: 'ComponentRemoved',
        message: `The component "${component.id}" was removed, but incidents refer to it.`,
        hint: `Keep it and mark it retired instead:\n  - id: ${component.id}\n    name: ${JSON.stringify(component.name)}\n    retired: true`,
      });
    }
  }
  return problems;
}

import type { IncidentState } from '../derive.ts';
import type { Permalinks } from '../permalinks.ts';
import type { Strings } from '../strings.ts';
import { maintenanceStatusAt } from '../timeline.ts';
import { postmortemIn, updateMessageIn } from '../translated-text.ts';
import type { UpdateStatus } from '../vocabulary.ts';

/** One status change the site publishes, before it becomes a feed item or a notification. */
export interface RawEntry {
  anchor: string;
  /** The label in the title: an update status, or the postmortem. */
  label: string;
  /** The incident's status this entry announces (a postmortem follows the resolving update). */
  status: UpdateStatus;
  at: number;
  message: string;
  /** The language of `message` when it is the untranslated original on another language's page; else undefined. */
  lang?: string | undefined;
}

/** Explicit updates, a maintenance window opening or closing on its own, and a published postmortem. */
export function publishedChanges(
  state: IncidentState,
  now: number,
  links: Permalinks,
  strings: Strings,
  page: { language: string; languages: readonly string[] },
): RawEntry[] {
  const { incident } = state;
  const label = (status: UpdateStatus) => strings.updateStatus[status];
  const [original] = page.languages;
  const entries: RawEntry[] = incident.updates
    .map((update, index) => ({
      anchor: links.updateAnchor(index),
      label: label(update.status),
      status: update.status,
      at: update.at,
      message: update.message,
      lang: updateMessageIn(update, page.language, original!).lang,
    }))
    .filter((entry) => entry.at <= now);
  if (state.postmortemAt !== null)
    entries.push({
      anchor: 'postmortem',
      label: strings.postmortem,
      status: 'resolved',
      at: state.postmortemAt,
      message: incident.body,
      lang: postmortemIn(incident, page.language, original!).lang,
    });
  if (incident.kind === 'maintenance' && incident.window) {
    for (const [anchor, at] of [
      ['window-start', incident.window.start],
      ['window-end', incident.window.end],
    ] as const) {
      if (at > now) continue;
      const fromWindow = incident.updates.every((update) => update.at > at || update.status === 'scheduled');
      if (!fromWindow) continue;
      const status = maintenanceStatusAt(incident, at);
      const message = status === 'completed' ? strings.windowEnded : strings.windowStarted;
      entries.push({ anchor, label: label(status), status, at, message });
    }
  }
  return entries;
}

import type { IncidentState } from '../domain/derive.ts';
import type { DateFormat } from '../domain/date-format.ts';
import { directionWithin } from '../domain/languages.ts';
import type { Permalinks } from '../domain/permalinks.ts';
import type { Component } from '../domain/schema/index.ts';
import type { Strings } from '../domain/strings.ts';
import { impactAfter } from '../domain/timeline.ts';
import { incidentTitleIn, postmortemIn, updateMessageIn, type TranslatedText } from '../domain/translated-text.ts';
import { renderMarkdown } from '../serialize/markdown.ts';
import type { IncidentView, TimeView, UpdateView } from './views.ts';

export function timeView(format: DateFormat, instant: number): TimeView {
  return { iso: new Date(instant).toISOString(), text: format.dateTime(instant) };
}

/** The timeline note of an update that changed the impact (an escalation or de-escalation). */
function impactChangeAt(strings: Strings, state: IncidentState, index: number): string | undefined {
  const { incident } = state;
  if (incident.kind !== 'incident' || incident.updates[index]!.impact === undefined) return undefined;
  const before = impactAfter(incident, index);
  const after = impactAfter(incident, index + 1);
  return before === after ? undefined : strings.impactChanged(strings.impact[before], strings.impact[after]);
}

export function incidentView(
  strings: Strings,
  state: IncidentState,
  now: number,
  links: Permalinks,
  format: DateFormat,
  names: Map<string, Component>,
  previewSlugs: () => ReadonlySet<string>,
  language: { current: string; original: string },
): IncidentView {
  const { incident } = state;
  const fallback = (text: TranslatedText) => text.lang;
  const direction = (text: TranslatedText) => directionWithin(text.lang, language.current);
  const title = incidentTitleIn(incident, language.current, language.original);
  const body = postmortemIn(incident, language.current, language.original);
  let updates: UpdateView[] | undefined;
  let bodyHtml: string | undefined;
  const renderUpdates = () =>
    (updates ??= incident.updates
      .map((update, index) => {
        const message = updateMessageIn(update, language.current, language.original);
        return {
          anchor: links.updateAnchor(index),
          url: links.update(incident.slug, index),
          status: update.status,
          label: strings.updateStatus[update.status],
          at: timeView(format, update.at),
          html: renderMarkdown(update.message),
          lang: fallback(message),
          dir: direction(message),
          impactChange: impactChangeAt(strings, state, index),
        };
      })
      .filter((_, index) => incident.updates[index]!.at <= now)
      .reverse());
  const latestUpdate = state.latestUpdate;
  const maintenance = incident.kind === 'maintenance';
  const end = state.resolvedAt ?? (state.active ? now : undefined);
  return {
    slug: incident.slug,
    kind: incident.kind,
    title: incident.title,
    titleLang: fallback(title),
    titleDir: direction(title),
    url: links.incident(incident.slug),
    status: state.status,
    statusLabel: strings.updateStatus[state.status],
    impact: maintenance ? 'maintenance' : state.impact,
    impactLabel: maintenance ? strings.componentStatus.under_maintenance : strings.impact[state.impact],
    active: state.active,
    started: timeView(format, state.startedAt),
    resolved: state.resolvedAt === null ? undefined : timeView(format, state.resolvedAt),
    duration: end === undefined || end < state.startedAt ? undefined : format.duration(end - state.startedAt),
    window: incident.window
      ? { start: timeView(format, incident.window.start), end: timeView(format, incident.window.end) }
      : undefined,
    // A component whose `since` date is still ahead does not exist yet (an announced maintenance may name it).
    affected: state.componentIds.flatMap((id) => {
      const component = names.get(id);
      return component ? [{ title: component.name, url: links.component(id) }] : [];
    }),
    get updates() {
      return renderUpdates();
    },
    get latest() {
      return renderUpdates()[0];
    },
    latestAgo: latestUpdate ? format.ago(latestUpdate.at, now) : undefined,
    statusByWindow:
      maintenance &&
      incident.window &&
      !incident.updates.some((update) => update.at <= now && update.status !== 'scheduled')
        ? { start: new Date(incident.window.start).toISOString(), end: new Date(incident.window.end).toISOString() }
        : undefined,
    nextUpdate:
      latestUpdate?.next_update !== undefined && state.active && latestUpdate.next_update > now
        ? timeView(format, latestUpdate.next_update)
        : undefined,
    postmortem: state.postmortemAt === null ? undefined : timeView(format, state.postmortemAt),
    bodyLang: fallback(body),
    bodyDir: direction(body),
    get bodyHtml() {
      return (bodyHtml ??= incident.body ? renderMarkdown(incident.body) : '');
    },
    get preview() {
      const latest = latestUpdate && latestUpdate.at <= now ? format.dateTime(latestUpdate.at) : undefined;
      const description = strings.incidentPreview(
        strings.updateStatus[state.status],
        maintenance ? strings.componentStatus.under_maintenance : strings.impact[state.impact],
        latest,
      );
      return {
        title: incident.title,
        description,
        image: links.absolute(links.previewImage(previewSlugs().has(incident.slug) ? incident.slug : undefined)),
        imageAlt: strings.previewImageAlt(`${incident.title}. ${description}`),
      };
    },
  };
}

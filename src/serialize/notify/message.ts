import type { StatusState } from '../../domain/derive.ts';
import type { ChannelMessages, PlannedMessage } from '../../domain/notify/plan-messages.ts';
import type { PublishedEvent } from '../../domain/notify/events.ts';
import type { LanguageView } from '../../domain/notify/language-views.ts';
import type { NotificationEvent } from '../../domain/notify/vocabulary.ts';
import type { ComponentStatus, UpdateStatus } from '../../domain/vocabulary.ts';
import { createDateFormat } from '../../domain/date-format.ts';
import type { Permalinks } from '../../domain/permalinks.ts';
import { pageStrings } from '../../domain/languages.ts';
import type { Strings } from '../../domain/strings.ts';
import { defuseMentions, truncate, wellFormed } from '../../domain/text-safety.ts';
import { plainTextOf } from './safe-text.ts';

/** Everything any channel says about one event, already made safe as plain text. */
export interface NotificationMessage {
  /** Ledger id, or `summary:<first id>` for a burst summary. */
  id: string;
  event: NotificationEvent | 'summary';
  pageName: string;
  pageUrl: string;
  title: string;
  status: UpdateStatus | null;
  statusLabel: string;
  /** For colours: none | minor | major | critical | maintenance | resolved. */
  severity: 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | 'resolved';
  impactLabel: string;
  components: string[];
  /** Plain text, well-formed, broadcast mentions defused; not yet escaped for any channel. */
  text: string;
  /** The author's markdown (well-formed), for HTML email through the site's sanitizer. */
  markdown: string;
  nextUpdate: string | null;
  at: number;
  when: string;
  /** The update's anchor on the site (operator alerts: the failed run). */
  url: string;
  /** The fixed words around the values, in the page's language. */
  labels: NotificationLabels;
  /** The source event, for the webhook's Statuspage-shaped body; absent on summaries. */
  source?: PublishedEvent;
}

/** The words every channel puts around a message's values. */
export interface NotificationLabels {
  status: string;
  impact: string;
  affected: string;
  nextUpdate: string;
  /** The link under a message cut to fit. */
  readFullUpdate: string;
  /** The body of an update without text. */
  noText: string;
  /** The link button: "View on the status page" (operator alerts: "View the failed run"). */
  link: string;
}

/**
 * The labels in the page's language, from its strings. `page.strings` may override them, so they
 * are made safe like the page's name: well-formed, broadcast mentions defused.
 */
export function notificationLabels(strings: Strings): NotificationLabels {
  const safe = (text: string) => defuseMentions(wellFormed(text));
  return {
    status: safe(strings.status),
    impact: safe(strings.impactLabel),
    affected: safe(strings.affected),
    nextUpdate: safe(strings.nextUpdateBy),
    readFullUpdate: safe(strings.readFullUpdate),
    noText: safe(strings.noText),
    link: safe(strings.viewOnStatusPage),
  };
}

/**
 * The labels cut to `max` UTF-16 units each (whole graphemes, then `…`): `page.strings` has no
 * length limit, and a receiver rejects every message with one over-long label (Slack's button
 * text: 75, Discord's field name: 256), forever (issue 22).
 */
export function labelsWithin(labels: NotificationLabels, max: number): NotificationLabels {
  const cut = (text: string) => truncate(text, max);
  return {
    status: cut(labels.status),
    impact: cut(labels.impact),
    affected: cut(labels.affected),
    nextUpdate: cut(labels.nextUpdate),
    readFullUpdate: cut(labels.readFullUpdate),
    noText: cut(labels.noText),
    link: cut(labels.link),
  };
}

/** Label and value of each fact a message has: status, then impact, components and next update when set. */
export function messageFacts(message: NotificationMessage): [label: string, value: string][] {
  const { labels } = message;
  return [
    [labels.status, message.statusLabel],
    ...(message.impactLabel ? [[labels.impact, message.impactLabel] as [string, string]] : []),
    ...(message.components.length ? [[labels.affected, message.components.join(', ')] as [string, string]] : []),
    ...(message.nextUpdate ? [[labels.nextUpdate, message.nextUpdate] as [string, string]] : []),
  ];
}

const componentSeverity: Record<ComponentStatus, NotificationMessage['severity']> = {
  operational: 'resolved',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** Builds the messages for one state; the date format is made once. */
export function createMessageBuilder(state: StatusState, links: Permalinks) {
  const format = createDateFormat(state.page.timezone, state.page.locale);
  const strings = pageStrings(state.page);
  const names = new Map(state.components.map((component) => [component.component.id, component.component.name]));
  const safe = (text: string) => defuseMentions(wellFormed(text));
  const base = {
    pageName: safe(state.page.name),
    pageUrl: links.absolute(links.home()),
    labels: notificationLabels(strings),
  };
  return {
    fromEvent(event: PublishedEvent): NotificationMessage {
      const { incident } = event;
      if (event.component) {
        const { id, from, to } = event.component;
        const name = safe(names.get(id) ?? id);
        const label = strings.componentStatus;
        return {
          ...base,
          id: event.id,
          event: event.event,
          title: name,
          status: null,
          statusLabel: label[to],
          severity: componentSeverity[to],
          impactLabel: incident.incident.kind === 'maintenance' ? strings.maintenance : strings.impact[incident.impact],
          components: [name],
          text: safe(strings.componentChanged(name, label[from], label[to], incident.incident.title)),
          markdown: '',
          nextUpdate: null,
          at: event.at,
          when: format.dateTime(event.at),
          url: event.url,
          source: event,
        };
      }
      const maintenance = incident.incident.kind === 'maintenance';
      const closed = event.status === 'resolved' || event.status === 'completed';
      return {
        ...base,
        id: event.id,
        event: event.event,
        title: safe(incident.incident.title),
        status: event.status,
        statusLabel: event.event === 'maintenance_reminder' ? strings.reminder : strings.updateStatus[event.status],
        severity: closed ? 'resolved' : maintenance ? 'maintenance' : incident.impact,
        impactLabel: maintenance ? strings.maintenance : strings.impact[incident.impact],
        components: incident.componentIds.map((id) => safe(names.get(id) ?? id)),
        text: defuseMentions(plainTextOf(event.message)),
        markdown: wellFormed(event.message),
        nextUpdate: event.nextUpdate === null ? null : format.dateTime(event.nextUpdate),
        at: event.at,
        when: format.dateTime(event.at),
        url: event.url,
        source: event,
      };
    },
    /** One message standing for a burst past the per-run cap. */
    summary(events: readonly PublishedEvent[]): NotificationMessage {
      const titles = [...new Set(events.map((event) => event.incident.incident.title))];
      const last = events[events.length - 1]!;
      const text = strings.summaryText(events.length, titles.join('; '));
      return {
        ...base,
        id: `summary:${events[0]!.id}`,
        event: 'summary',
        title: safe(strings.summaryTitle(events.length)),
        status: null,
        statusLabel: strings.summaryLabel,
        severity: 'none',
        impactLabel: '',
        components: [],
        text: safe(text),
        markdown: safe(text),
        nextUpdate: null,
        at: last.at,
        when: format.dateTime(last.at),
        url: base.pageUrl,
      };
    },
  };
}

const builders = new WeakMap<LanguageView, ReturnType<typeof createMessageBuilder>>();

/** A planned message written out, in the channel's language. */
export function writeMessage(planned: PlannedMessage, view: LanguageView): NotificationMessage {
  let build = builders.get(view);
  if (!build) builders.set(view, (build = createMessageBuilder(view.state, view.links)));
  return planned.kind === 'event' ? build.fromEvent(planned.event) : build.summary(planned.events);
}

/** One channel's planned messages written out, each with the ledger ids it stands for. */
export function writeMessages(plan: ChannelMessages): { message: NotificationMessage; ids: string[] }[] {
  return plan.messages.map((planned) => ({ message: writeMessage(planned, plan.view), ids: planned.ids }));
}

import { wordsOfLanguage } from '../../domain/languages.ts';
import { english } from '../../domain/strings.ts';
import { notificationLabels, type NotificationMessage } from './message.ts';
import { renderForPeople, type RenderedPayload } from './render.ts';
import type { NotificationKind } from '../../domain/notify/vocabulary.ts';
import { defuseMentions, flattenToLine, toCodeSpan, truncate, wellFormed } from '../../domain/text-safety.ts';

/** The webhook body's title: a field for machines, so always English. */
export const buildFailedTitle = english.buildFailedTitle;

export interface BuildFailure {
  /** From components.yml when it could be read. */
  pageName: string | undefined;
  /** `page.language` from components.yml, if it is a bundled one; otherwise the alert is in English. */
  language: string | undefined;
  pageUrl: string;
  /** The failed workflow run, an absolute http(s) URL. */
  runUrl: string;
  /** Which step or job failed, as the workflow says it; untrusted. */
  reason: string | undefined;
  at: number;
}

/** Operator text on one line, without control characters, well-formed, mentions defused, at most 300 units. */
function oneLine(text: string): string {
  const flat = flattenToLine(text).trim();
  return truncate(defuseMentions(wellFormed(flat)), 300);
}

/** The one operator alert: not an incident, so it has no status, impact or components. */
export function buildFailedMessage(failure: BuildFailure): NotificationMessage {
  const strings = wordsOfLanguage(failure.language);
  const reason = failure.reason === undefined ? '' : oneLine(failure.reason);
  const pageName = oneLine(failure.pageName ?? strings.unnamedPage);
  const text = [
    strings.buildFailedText(pageName),
    reason && strings.buildFailedReason(reason),
    strings.buildFailedRun(failure.runUrl),
  ]
    .filter(Boolean)
    .join('\n');
  const when = new Date(failure.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: `build_failed:${failure.runUrl}`,
    event: 'build_failed',
    pageName,
    pageUrl: failure.pageUrl,
    title: strings.buildFailedTitle,
    status: null,
    statusLabel: strings.buildFailedLabel,
    severity: 'critical',
    impactLabel: '',
    components: [],
    text,
    // Only the validated run URL may become a link; the page's name is in the footer, escaped.
    markdown: [
      strings.buildFailedText(strings.unnamedPage),
      reason && strings.buildFailedReason(toCodeSpan(reason)),
      strings.buildFailedRun(`<${failure.runUrl}>`),
    ]
      .filter(Boolean)
      .join('\n\n'),
    nextUpdate: null,
    at: failure.at,
    when,
    url: failure.runUrl,
    labels: { ...notificationLabels(strings), link: strings.viewFailedRun },
  };
}

/**
 * The alert in each channel's format. Webhooks get their own small body (`event: build_failed`),
 * never a Statuspage-shaped incident: a receiver written for Statuspage must not mistake an
 * operator alert for an outage.
 */
export function renderBuildFailedPayload(
  kind: NotificationKind,
  message: NotificationMessage,
  reason: string | undefined,
): RenderedPayload {
  if (kind !== 'webhook') return renderForPeople(kind, message);
  return {
    kind: 'json',
    body: JSON.stringify({
      meta: {
        documentation: 'https://github.com/statusmark/statusmark#operator-alerts',
        generated_at: new Date(message.at).toISOString(),
      },
      event: 'build_failed',
      build_failed: {
        title: buildFailedTitle,
        page_name: message.pageName,
        page_url: message.pageUrl,
        reason: reason === undefined ? null : oneLine(reason),
        run_url: message.url,
        at: message.when,
      },
    }),
  };
}

import { escapeHtml } from '../../domain/text-safety.ts';
import { renderMarkdown } from '../markdown.ts';
import { messageFacts, type NotificationMessage } from './message.ts';
import { truncate } from '../../domain/text-safety.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Long updates are cut in email too, with a link; mail clients and list servers choke on huge bodies. */
const maxEmailText = 20_000;

/**
 * Plain text plus HTML. The HTML body is the author's markdown through the site's own sanitizer
 * (no scripts, no event handlers, no unsafe URLs); every other value is escaped.
 */
export function renderEmail(message: NotificationMessage): EmailContent {
  const labels = message.labels;
  const facts = messageFacts(message);
  const more = `\n\n${labels.readFullUpdate}: ${message.url}`;
  const text = [
    `[${message.statusLabel}] ${message.title}`,
    '',
    ...facts.map(([name, value]) => `${name}: ${value}`),
    '',
    truncate(message.text, maxEmailText, more),
    '',
    `${message.pageName} · ${message.when}`,
    message.url,
    '',
  ].join('\n');
  const cut = message.markdown.length > maxEmailText;
  const html = [
    '<!doctype html><html><body>',
    `<h1>${escapeHtml(`[${message.statusLabel}] ${message.title}`)}</h1>`,
    `<p>${facts.map(([name, value]) => `<strong>${escapeHtml(name)}:</strong> ${escapeHtml(value)}`).join('<br>')}</p>`,
    renderMarkdown(cut ? truncate(message.markdown, maxEmailText) : message.markdown),
    cut ? `<p><a href="${escapeHtml(message.url)}">${escapeHtml(labels.readFullUpdate)}</a></p>` : '',
    `<p>${escapeHtml(message.pageName)} · ${escapeHtml(message.when)} · <a href="${escapeHtml(message.url)}">${escapeHtml(labels.link)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return {
    subject: truncate(`[${message.pageName}] [${message.statusLabel}] ${message.title}`.replace(/[\r\n]+/g, ' '), 200),
    text,
    html,
  };
}

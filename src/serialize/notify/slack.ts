import { labelsWithin, messageFacts, type NotificationMessage } from './message.ts';
import { truncate } from '../../domain/text-safety.ts';

/** Slack's three control characters, and nothing else (docs: "Escaping text"). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

/**
 * An incoming-webhook body: Block Kit blocks plus the top-level `text` that mobile notifications
 * show. Author text is escaped (so `<!here>` and `<url|label>` are inert), `verbatim` stops
 * auto-linking of bare mentions, and every text object stays within Slack's limits (button text
 * 75, header 150, text objects 3000).
 */
export function renderSlack(original: NotificationMessage): Record<string, unknown> {
  // Every label fits the smallest place one goes: the button's plain text (75).
  const message = { ...original, labels: labelsWithin(original.labels, 75) };
  const labels = message.labels;
  const more = `\n<${message.url}|${escapeSlack(labels.readFullUpdate)}>`;
  // Text objects need a visible character: an update of only an image has no text left.
  const body = truncate(escapeSlack(message.text || labels.noText), 2900, more);
  const facts = messageFacts(message);
  const header = truncate(`[${message.statusLabel}] ${message.title}`, 150);
  return {
    text: truncate(escapeSlack(`[${message.statusLabel}] ${message.title}: ${message.text}`), 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: header, emoji: false } },
      {
        type: 'section',
        text: mrkdwn(
          truncate(facts.map(([name, value]) => `*${escapeSlack(name)}:* ${escapeSlack(value)}`).join('  ·  '), 3000),
        ),
      },
      { type: 'section', text: mrkdwn(body) },
      {
        type: 'context',
        elements: [mrkdwn(truncate(`${escapeSlack(message.pageName)} · ${escapeSlack(message.when)}`, 3000))],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: labels.link },
            url: message.url,
          },
        ],
      },
    ],
    unfurl_links: false,
    unfurl_media: false,
  };
}

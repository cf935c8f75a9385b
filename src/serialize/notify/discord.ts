import { labelsWithin, messageFacts, type NotificationMessage } from './message.ts';
import { truncate } from '../../domain/text-safety.ts';

/** Embed colours (0xRRGGBB as an integer), by severity. */
export const discordColours: Record<NotificationMessage['severity'], number> = {
  none: 0x6b7280,
  minor: 0xd97706,
  major: 0xea580c,
  critical: 0xdc2626,
  maintenance: 0x2563eb,
  resolved: 0x16a34a,
};

/** Backslash-escapes Discord markdown, so author text cannot make masked links, headings, quotes or code. */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|[\]()<>])/g, '\\$1').replace(/^(\s*)([#>-])/gm, '$1\\$2');
}

/**
 * A webhook body with one embed: title ≤ 256, description ≤ 4096, field names ≤ 256 and values ≤ 1024, all under the
 * 6000-character embed total; `allowed_mentions.parse: []` silences every ping.
 */
export function renderDiscord(message: NotificationMessage): Record<string, unknown> {
  // Labels are field names (256); the read-more link is kept short so it always fits the description.
  const labels = labelsWithin(message.labels, 256);
  const more = `\n[${escapeDiscord(truncate(labels.readFullUpdate, 75))}](${message.url})`;
  const field = (name: string, value: string) => ({ name, value: truncate(value, 1024), inline: true });
  const fields = messageFacts({ ...message, labels }).map(([name, value]) => field(name, escapeDiscord(value)));
  const title = truncate(`[${message.statusLabel}] ${message.title}`, 256);
  const footer = truncate(message.pageName, 256);
  const used =
    title.length + footer.length + fields.reduce((sum, item) => sum + item.name.length + item.value.length, 0);
  const description = truncate(escapeDiscord(message.text || labels.noText), Math.min(4096, 6000 - used), more);
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        url: message.url,
        description,
        color: discordColours[message.severity],
        fields,
        footer: { text: footer },
        timestamp: new Date(message.at).toISOString(),
      },
    ],
  };
}

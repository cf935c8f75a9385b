import { labelsWithin, messageFacts, type NotificationMessage } from './message.ts';
import { truncate } from '../../domain/text-safety.ts';

/**
 * Teams' TextBlock markdown subset: backslash-escape what could make links, emphasis or lists,
 * and `<` so no `<at>` mention tag survives.
 */
export function escapeTeams(text: string): string {
  return text
    .replace(/([\\*_~`[\]()])/g, '\\$1')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/</g, '&lt;');
}

/**
 * A Workflows webhook body: one Adaptive Card 1.4 using only 1.2-era elements (TextBlock,
 * FactSet, Action.OpenUrl); no mention entities, so nothing can ping. Text stays far below
 * the ~28 KB message limit.
 */
export function renderTeams(message: NotificationMessage): Record<string, unknown> {
  // No documented per-field limits, only the message's ~28 KB: labels and words from page.strings are cut.
  const labels = labelsWithin(message.labels, 256);
  const more = `\n[${escapeTeams(truncate(labels.readFullUpdate, 75))}](${message.url})`;
  const facts = messageFacts({ ...message, labels }).map(([title, value]) => ({
    title,
    value: truncate(escapeTeams(value), 1000),
  }));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: truncate(escapeTeams(`[${message.statusLabel}] ${message.title}`), 300),
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
            },
            { type: 'FactSet', facts },
            { type: 'TextBlock', text: truncate(escapeTeams(message.text || labels.noText), 6000, more), wrap: true },
            {
              type: 'TextBlock',
              text: escapeTeams(`${message.pageName} · ${message.when}`),
              isSubtle: true,
              size: 'Small',
              wrap: true,
            },
          ],
          actions: [{ type: 'Action.OpenUrl', title: labels.link, url: message.url }],
        },
      },
    ],
  };
}

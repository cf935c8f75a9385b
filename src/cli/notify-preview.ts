import { escapeMarkdown } from '../domain/text-safety.ts';
import { audienceViews } from '../domain/notify/audience-views.ts';
import type { Snapshot } from '../domain/history.ts';
import { applyLedgerChanges, emptyLedger } from '../domain/notify/ledger.ts';
import { notifySite, planMessages } from '../domain/notify/plan-messages.ts';
import type { ComponentsFile, NotificationChannel } from '../domain/schema/index.ts';
import { writeMessages, type NotificationMessage } from '../serialize/notify/message.ts';

export interface PreviewedMessage {
  channel: NotificationChannel;
  message: NotificationMessage;
}

function siteOf(file: ComponentsFile, snapshot: Snapshot, now: number) {
  const incidents = snapshot.incidents.map((incident) => incident.value);
  return notifySite(audienceViews({ components: file, incidents }, now), file.notifications);
}

/**
 * The messages merging `head` onto `base` sends, per channel: as if the ledger held everything
 * `base` publishes at `now`. Channels that `base` does not configure get a first run (record only).
 */
export function previewNotifications(base: Snapshot, head: Snapshot, now: number): PreviewedMessage[] {
  const file = head.components?.value;
  if (!file) return [];
  const before = base.components ? siteOf(base.components.value, base, now) : undefined;
  const known = new Set(base.components?.value.notifications.channels.map((channel) => channel.id) ?? []);
  // What `base` published to each channel's audience counts as delivered.
  const ledger = applyLedgerChanges(
    emptyLedger(),
    file.notifications.channels
      .filter((channel) => known.has(channel.id))
      .map((channel) => ({ channel: channel.id, done: before!.forChannel(channel).events.map((event) => event.id) })),
  );
  // Each channel's messages in its own language, as `npm run notify` sends them.
  return planMessages(siteOf(file, head, now), ledger, now).flatMap((plan) =>
    writeMessages(plan).map(({ message }) => ({ channel: plan.channel, message })),
  );
}

/** Table-cell text: no pipes, tags, links, mentions or line breaks from author text. */
function cell(text: string, max = 160): string {
  const short = text.length > max ? `${text.slice(0, max - 1).toWellFormed()}…` : text;
  return escapeMarkdown(short);
}

/** Markdown section for the pull request summary: which messages merging sends, to which channels. */
export function summarizeNotifications(base: Snapshot, head: Snapshot, now: number): string {
  const channels = head.components?.value.notifications.channels ?? [];
  const lines = ['', '## Notifications merging this sends', ''];
  if (channels.length === 0) return `${lines.join('\n')}No notification channels are configured.\n`;
  const messages = previewNotifications(base, head, now);
  if (messages.length === 0) return `${lines.join('\n')}None: no channel is told about anything new.\n`;
  lines.push('| channel | kind | message | link |', '| --- | --- | --- | --- |');
  for (const { channel, message } of messages) {
    lines.push(
      `| \`${channel.id}\` | ${channel.kind} | **${cell(`[${message.statusLabel}] ${message.title}`, 120)}**: ${cell(message.text)} | ${message.url.replace(/[|()<>\s]/g, encodeURIComponent)} |`,
    );
  }
  lines.push('', 'Updates with `notify: false` are published without these messages.');
  return `${lines.join('\n')}\n`;
}

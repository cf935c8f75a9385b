import type { StatusState } from '../../domain/derive.ts';
import type { NotificationKind } from '../../domain/notify/vocabulary.ts';
import type { Permalinks } from '../../domain/permalinks.ts';
import { renderDiscord } from './discord.ts';
import { renderEmail, type EmailContent } from './email.ts';
import type { NotificationMessage } from './message.ts';
import { renderSlack } from './slack.ts';
import { renderTeams } from './teams.ts';
import { renderWebhook } from './webhook.ts';

export type RenderedPayload = { kind: 'json'; body: string } | { kind: 'email'; email: EmailContent };

/** One message as the channel kind receives it: a JSON body, or email parts. */
export function renderPayload(
  kind: NotificationKind,
  message: NotificationMessage,
  state: StatusState,
  links: Permalinks,
): RenderedPayload {
  if (kind === 'webhook') return { kind: 'json', body: JSON.stringify(renderWebhook(message, state, links)) };
  return renderForPeople(kind, message);
}

/** The kinds a person reads (chat and email): the same rendering for every kind of message. */
export function renderForPeople(
  kind: Exclude<NotificationKind, 'webhook'>,
  message: NotificationMessage,
): RenderedPayload {
  switch (kind) {
    case 'slack':
      return { kind: 'json', body: JSON.stringify(renderSlack(message)) };
    case 'discord':
      return { kind: 'json', body: JSON.stringify(renderDiscord(message)) };
    case 'teams':
      return { kind: 'json', body: JSON.stringify(renderTeams(message)) };
    case 'email':
      return { kind: 'email', email: renderEmail(message) };
  }
}

/**
 * Notification channels, and every check of one: its shape (the schema), its language (run from
 * components.yml's schema) and its references (ids unique, component filters naming real components).
 */
import { z } from 'zod';
import { notificationEvents, notificationKinds } from '../notify/vocabulary.ts';
import { secretNameProblems } from '../secret-names.ts';
import type { Locate, Problem } from '../problems.ts';
import { quoteList, suggestClosest } from '../suggest.ts';
import { EnvNameSchema, LeadTimeSchema, SlugSchema } from './primitives.ts';

/** One place announcements go: a chat channel, a webhook receiver or a mailing list. */
export const NotificationChannelSchema = z
  .strictObject({
    /** Permanent id: the delivery ledger is kept per channel id, so renaming one starts it afresh. Example: `ops-slack`. */
    id: SlugSchema,
    /** slack | discord | teams | webhook | email. Example: `slack`. */
    kind: z.enum(notificationKinds),
    /**
     * Environment variable with the secret. slack, discord, teams, webhook: the webhook URL.
     * email: a prefix, read as `<PREFIX>_HOST`, `<PREFIX>_PORT`, `<PREFIX>_USER`, `<PREFIX>_PASSWORD`.
     * When it is unset the channel is skipped with a warning. Example: `SLACK_WEBHOOK_URL`.
     */
    env: EnvNameSchema,
    /** webhook only: environment variable with the HMAC-SHA256 signing key. Default: none (unsigned). Example: `STATUS_WEBHOOK_SECRET`. */
    signing_secret_env: EnvNameSchema.optional(),
    /** Only incidents touching one of these component ids. Default: every incident. Example: `[api, auth]`. */
    components: z.array(SlugSchema).optional(),
    /**
     * Which events to send. Default: every event except `maintenance_reminder` (included when `remind_before` is set),
     * `component_status` and `build_failed`. `build_failed` is operator only: the status page could not be rebuilt
     * (a channel listing only it hears nothing else). Example: `[incident_update, maintenance_started]`, `[build_failed]`.
     */
    events: z.array(z.enum(notificationEvents)).min(1).optional(),
    /** Reminders sent this long before a maintenance window starts. Default: none. Example: `[24h, 1h]`. */
    remind_before: z.array(LeadTimeSchema).default([]),
    /** Allow http:// and private-network addresses (tests, intranet receivers). Default: `false` (https to public addresses only). */
    allow_private_network: z.boolean().default(false),
    /**
     * The language of this channel's messages, one of `page.languages`, written as it writes it:
     * labels, incident text where translated, and links to that language's pages.
     * Example: `en`. Default: the page's first language.
     */
    language: z.string().optional(),
    /**
     * `internal` (one of `audiences`): the channel is told about that audience's items too, with
     * links to that audience's site. Default: public (public items only, public links).
     */
    audience: SlugSchema.optional(),
    /** email only: the fixed list address every message goes to. Example: `status-announce@acme.example`. */
    to: z.email().optional(),
    /** email only: the sender address. Example: `status@acme.example`. */
    from: z.email().optional(),
  })
  .superRefine((channel, ctx) => {
    const problem = (path: string, code: string, message: string, hint: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code, hint } });
    if (channel.kind === 'email') {
      for (const field of ['to', 'from'] as const) {
        if (!channel[field])
          problem(
            'kind',
            'MissingEmailAddress',
            `The email channel "${channel.id}" has no "${field}" address.`,
            `Add "${field}: ${field === 'to' ? 'status-announce@example.com' : 'status@example.com'}" to the channel.`,
          );
      }
    } else {
      for (const field of ['to', 'from'] as const) {
        if (channel[field] !== undefined)
          problem(
            field,
            'EmailFieldOnChannel',
            `"${field}" only applies to email channels, and "${channel.id}" is a ${channel.kind} channel.`,
            `Remove "${field}", or set "kind: email".`,
          );
      }
    }
    if (channel.signing_secret_env !== undefined && channel.kind !== 'webhook')
      problem(
        'signing_secret_env',
        'SigningSecretOnChannel',
        `"signing_secret_env" only applies to webhook channels, and "${channel.id}" is a ${channel.kind} channel.`,
        'Remove "signing_secret_env", or set "kind: webhook".',
      );
    for (const { field, message, hint } of secretNameProblems(channel))
      problem(field, 'SecretNameNotAllowed', message, hint);
  });

/** Where and how updates are pushed when the deploy publishes them. */
export const NotificationsSchema = z.strictObject({
  /** Most messages one channel gets in one run; a larger burst ends with one summary message. Default: `5`. */
  max_per_run: z.number().int().min(1).max(100).default(5),
  /** The channels. Default: none. */
  channels: z.array(NotificationChannelSchema).default([]),
});

export type Notifications = z.output<typeof NotificationsSchema>;
export type NotificationChannel = Notifications['channels'][number];

/**
 * A channel's `language` is one of `page.languages`. Run from components.yml's schema, where
 * `channels` is whatever parsed (zod still refines a file that failed elsewhere).
 */
export function checkChannelLanguages(channels: unknown, languages: readonly string[], ctx: z.RefinementCtx): void {
  if (Array.isArray(channels))
    (channels as { language?: string }[]).forEach((channel, index) => {
      if (channel?.language === undefined || languages.includes(channel.language)) return;
      const suggestion = suggestClosest(channel.language, languages);
      ctx.addIssue({
        code: 'custom',
        path: ['notifications', 'channels', index, 'language'],
        message: `The channel's language "${channel.language}" is not one of the page's languages.`,
        params: {
          code: 'UnknownChannelLanguage',
          hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use one of ${languages.map((name) => `"${name}"`).join(', ')} (page.languages), or leave "language" out for the first.`,
        },
      });
    });
}

/** Channel ids are unique (the ledger is kept per id) and component filters name real components. */
export function checkNotificationChannels(
  file: string,
  value: { components: readonly { id: string }[]; notifications: Notifications },
  locate: Locate,
): Problem[] {
  const problems: Problem[] = [];
  const known = value.components.map((component) => component.id);
  const seen = new Set<string>();
  value.notifications.channels.forEach((channel, index) => {
    const at = (...path: (string | number)[]) => ({
      file,
      severity: 'error' as const,
      ...locate(['notifications', 'channels', index, ...path]),
    });
    if (seen.has(channel.id))
      problems.push({
        ...at('id'),
        code: 'DuplicateChannel',
        message: `The notification channel id "${channel.id}" is used twice.`,
        hint: 'Give each channel its own id: the delivery ledger is kept per channel id.',
      });
    seen.add(channel.id);
    channel.components?.forEach((id, position) => {
      if (known.includes(id)) return;
      const suggestion = suggestClosest(id, known);
      problems.push({
        ...at('components', position),
        code: 'UnknownComponent',
        message: `The component "${id}" in the channel "${channel.id}" is not in components.yml.`,
        hint: suggestion ? `Did you mean "${suggestion}"? Write "${suggestion}".` : `Use one of: ${quoteList(known)}.`,
      });
    });
  });
  return problems;
}

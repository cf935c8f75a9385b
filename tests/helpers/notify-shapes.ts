import { z } from 'zod';

// Strict schemas of what each receiver documents (see docs in /work/shared/reference and README):
// a payload that passes these is one the receiver accepts.

const text = (max: number) => z.string().min(1).max(max);
const slackText = z.strictObject({ type: z.literal('mrkdwn'), text: text(3000), verbatim: z.literal(true) });

/** Slack incoming webhook with Block Kit (≤ 50 blocks, header plain_text ≤ 150, text objects ≤ 3000). */
export const SlackMessageSchema = z.strictObject({
  text: text(4000),
  blocks: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({
          type: z.literal('header'),
          text: z.strictObject({ type: z.literal('plain_text'), text: text(150), emoji: z.boolean() }),
        }),
        z.strictObject({ type: z.literal('section'), text: slackText }),
        z.strictObject({ type: z.literal('context'), elements: z.array(slackText).min(1).max(10) }),
        z.strictObject({
          type: z.literal('actions'),
          elements: z.array(
            z.strictObject({
              type: z.literal('button'),
              text: z.strictObject({ type: z.literal('plain_text'), text: text(75) }),
              url: z.url().max(3000),
            }),
          ),
        }),
      ]),
    )
    .min(1)
    .max(50),
  unfurl_links: z.boolean(),
  unfurl_media: z.boolean(),
});

const trimmed = (max: number) => z.string().refine((value) => value.trim().length <= max && value.trim().length > 0);

/** Discord webhook with one embed: title 256, description 4096, fields 1024, total 6000, no pings. */
export const DiscordMessageSchema = z
  .strictObject({
    allowed_mentions: z.strictObject({ parse: z.array(z.never()).length(0) }),
    embeds: z
      .array(
        z.strictObject({
          title: trimmed(256),
          url: z.url(),
          description: trimmed(4096),
          color: z.number().int().min(0).max(0xffffff),
          fields: z.array(z.strictObject({ name: trimmed(256), value: trimmed(1024), inline: z.boolean() })).max(25),
          footer: z.strictObject({ text: trimmed(2048) }),
          timestamp: z.iso.datetime(),
        }),
      )
      .length(1),
  })
  .refine(({ embeds }) =>
    embeds.every(
      (embed) =>
        embed.title.length +
          embed.description.length +
          embed.footer.text.length +
          embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0) <=
        6000,
    ),
  );

const textBlock = z.strictObject({
  type: z.literal('TextBlock'),
  text: z.string().min(1),
  wrap: z.literal(true),
  weight: z.enum(['Bolder', 'Default', 'Lighter']).optional(),
  size: z.enum(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']).optional(),
  isSubtle: z.boolean().optional(),
});

/** Teams Workflows webhook: a message with one Adaptive Card 1.4 of 1.2-era elements, no mention entities. */
export const TeamsMessageSchema = z.strictObject({
  type: z.literal('message'),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal('application/vnd.microsoft.card.adaptive'),
        contentUrl: z.null(),
        content: z.strictObject({
          $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
          type: z.literal('AdaptiveCard'),
          version: z.literal('1.4'),
          body: z.array(
            z.union([
              textBlock,
              z.strictObject({
                type: z.literal('FactSet'),
                facts: z.array(z.strictObject({ title: z.string().min(1), value: z.string().min(1) })),
              }),
            ]),
          ),
          actions: z.array(z.strictObject({ type: z.literal('Action.OpenUrl'), title: z.string(), url: z.url() })),
        }),
      }),
    )
    .length(1),
});

const time = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$/);
const componentStatus = z.enum([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);

/** Statuspage's incident webhook: meta, page, incident with the full key union and updates newest first. */
export const StatuspageIncidentWebhookSchema = z.strictObject({
  meta: z.strictObject({ unsubscribe: z.url(), documentation: z.url(), generated_at: z.iso.datetime() }),
  page: z.strictObject({
    id: z.string(),
    status_indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
    status_description: z.string(),
  }),
  incident: z.strictObject({
    id: z.string(),
    page_id: z.string(),
    name: z.string(),
    status: z.enum([
      'investigating',
      'identified',
      'monitoring',
      'resolved',
      'postmortem',
      'scheduled',
      'in_progress',
      'verifying',
      'completed',
    ]),
    impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
    impact_override: z.null(),
    created_at: time,
    updated_at: time,
    started_at: time,
    monitoring_at: time.nullable(),
    resolved_at: time.nullable(),
    shortlink: z.url(),
    postmortem_body: z.null(),
    postmortem_body_last_updated_at: z.null(),
    postmortem_published_at: z.null(),
    postmortem_ignored: z.boolean(),
    postmortem_notified_subscribers: z.boolean(),
    postmortem_notified_twitter: z.boolean(),
    backfilled: z.boolean(),
    scheduled_for: time.nullable(),
    scheduled_until: time.nullable(),
    scheduled_reminded_at: time.nullable(),
    scheduled_remind_prior: z.boolean(),
    scheduled_auto_in_progress: z.boolean(),
    scheduled_auto_completed: z.boolean(),
    reminder_intervals: z.null(),
    metadata: z.strictObject({}),
    incident_updates: z
      .array(
        z.strictObject({
          id: z.string(),
          incident_id: z.string(),
          status: z.string(),
          body: z.string(),
          created_at: time,
          updated_at: time,
          display_at: time,
          affected_components: z
            .array(
              z.strictObject({
                code: z.string(),
                name: z.string(),
                old_status: componentStatus,
                new_status: componentStatus,
              }),
            )
            .nullable(),
          deliver_notifications: z.boolean(),
          custom_tweet: z.null(),
          wants_twitter_update: z.boolean(),
          twitter_updated_at: z.null(),
        }),
      )
      .min(1),
  }),
});

/** Statuspage's component webhook: component_update plus component, and no incident key. */
export const StatuspageComponentWebhookSchema = z.strictObject({
  meta: z.strictObject({ unsubscribe: z.url(), documentation: z.url(), generated_at: z.iso.datetime() }),
  page: z.strictObject({
    id: z.string(),
    status_indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
    status_description: z.string(),
  }),
  component_update: z.strictObject({
    id: z.string(),
    component_id: z.string(),
    component_type: z.literal('Component'),
    created_at: time,
    old_status: componentStatus,
    new_status: componentStatus,
  }),
  component: z.strictObject({
    id: z.string(),
    page_id: z.string(),
    group_id: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    status: componentStatus,
    position: z.number().int().min(1),
    showcase: z.boolean(),
    created_at: time,
    updated_at: time,
  }),
});

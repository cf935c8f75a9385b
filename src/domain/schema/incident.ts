import { z } from 'zod';
import { affectedStatuses, componentStatuses, impacts, kinds, updateStatuses } from '../vocabulary.ts';
import { SlugSchema, StatuspageIdSchema, TimestampSchema } from './primitives.ts';
import { ItemAudienceSchema } from './audiences.ts';

/**
 * The most characters (emoji count as one) an incident title may have, in any language: room for
 * a long headline, while a title cannot swamp the page, a feed reader or the link-preview card.
 */
export const maxTitleLength = 200;

/** A headline: not empty, at most `maxTitleLength` characters. */
export const TitleSchema = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const length = [...text].length;
    if (length <= maxTitleLength) return;
    const start = [...text].slice(0, 40).join('');
    ctx.addIssue({
      code: 'custom',
      message: `The title is ${length} characters long ("${start}…"); a title may have at most ${maxTitleLength}.`,
      params: {
        code: 'TitleTooLong',
        hint: `Shorten it to at most ${maxTitleLength} characters, a headline customers read at a glance, and put the details in the update's message.`,
      },
    });
  });

/** An affected component: a bare id (status follows impact), or an id with an explicit status. */
export const AffectedComponentSchema = z.union([
  SlugSchema.transform((id) => ({ id, status: undefined })),
  z.strictObject({
    /** Component id from components.yml. */
    id: SlugSchema,
    /** Its status while affected. Default: follows impact (maintenance: under_maintenance). */
    status: z.enum(affectedStatuses).optional(),
  }),
]);

/** A component's status from one update on. `operational` marks it recovered. */
export const UpdateComponentSchema = z.strictObject({
  id: SlugSchema,
  status: z.enum(componentStatuses),
});

export const UpdateSchema = z.strictObject({
  /** When it was published, with offset. Example: `2026-11-20T14:05:00Z`. */
  at: TimestampSchema,
  /** Incidents: investigating | identified | monitoring | resolved. Maintenance: scheduled | in_progress | verifying | completed. */
  status: z.enum(updateStatuses),
  /** What customers read; markdown. */
  message: z.string().min(1),
  /** Optional promise of the next update, shown on the page. Example: `2026-11-20T14:35:00Z`. */
  next_update: TimestampSchema.optional(),
  /** Optional component statuses from this update on. */
  components: z.array(UpdateComponentSchema).optional(),
  /**
   * Optional new impact from this update on, for an incident escalated or
   * de-escalated while open (the front matter's `impact` is the starting one).
   * Components listed without a status follow it. Example: `critical`. Default: unchanged.
   */
  impact: z.enum(impacts).optional(),
  /** `false` publishes the update without sending notifications (quiet fixes, typos). Default: `true`. */
  notify: z.boolean().default(true),
  /**
   * The message in the page's other languages (`page.languages` after the first), keyed by
   * language; markdown. A language left out shows `message`. Example: `{ en: We found the cause. }`.
   * Default: none.
   */
  translations: z.record(z.string(), z.string().min(1)).default({}),
  /** Its id on Statuspage, kept by `npm run import` and served by the API. Example: `7f4jmtk5hldk`. Default: a generated one. */
  statuspage_id: StatuspageIdSchema.optional(),
  /**
   * `internal` (one of `audiences` in components.yml): the update, its message and its effect on
   * impact and components show only on that audience's page and channels. Fixed once published;
   * to tell the public later, post a new update. Default: the incident's audience.
   */
  audience: ItemAudienceSchema,
});

/** One language's version of an incident's own text. */
export const IncidentTranslationSchema = z.strictObject({
  /** The title in this language, at most 200 characters. Default: the original title. */
  title: TitleSchema.optional(),
  /** The postmortem (the markdown below the front matter) in this language. Default: the original. */
  postmortem: z.string().min(1).optional(),
});

/** Front matter of `incidents/<slug>.md`. */
export const IncidentSchema = z.strictObject({
  /** `incident` or `maintenance`. Default: `incident`. */
  kind: z.enum(kinds).default('incident'),
  /** Headline customers read, at most 200 characters. Example: `Elevated API error rates`. */
  title: TitleSchema,
  /**
   * none | minor | major | critical: the starting impact; an update's `impact` changes it from then on.
   * Required for incidents; maintenance defaults to `none`.
   */
  impact: z.enum(impacts).optional(),
  /** When impact began, if before the first update. Default: the first update's time. */
  started: TimestampSchema.optional(),
  /** Maintenance only: planned `start` and `end`. */
  window: z.strictObject({ start: TimestampSchema, end: TimestampSchema }).optional(),
  /** Affected components. Default: none. */
  components: z.array(AffectedComponentSchema).default([]),
  /** Status updates, oldest first. Incidents need at least one. */
  updates: z.array(UpdateSchema).default([]),
  /**
   * Incidents only: when the postmortem (the markdown below the front matter)
   * was published, at or after the resolving update. From then on the API
   * reports status `postmortem`. Example: `2026-11-22T10:00:00Z`. Default: not published.
   */
  postmortem_published: TimestampSchema.optional(),
  /**
   * The title and postmortem in the page's other languages, keyed by language.
   * Example: `{ en: { title: Slow database } }`. Default: none.
   */
  translations: z.record(z.string(), IncidentTranslationSchema).default({}),
  /**
   * Its id on Statuspage, kept by `npm run import`: the API serves it, and the old link
   * `/incidents/<id>` leads to this incident's page. Example: `9tpgqq1h4bs7`. Default: a generated one.
   */
  statuspage_id: StatuspageIdSchema.optional(),
  /**
   * `internal` (one of `audiences` in components.yml): the incident or maintenance exists only on
   * that audience's page and channels; it may name public components, and its effect on them
   * shows only there. Changing it to public later publishes it. Default: public.
   */
  audience: ItemAudienceSchema,
});

export type IncidentInput = z.input<typeof IncidentSchema>;
export type IncidentFrontMatter = z.output<typeof IncidentSchema>;
export type Update = IncidentFrontMatter['updates'][number];

/** An incident as the model holds it: its front matter, plus what the file itself gives. */
export type Incident = IncidentFrontMatter & {
  /** File name without `.md`: permanent, in URLs, feeds and ids. */
  slug: string;
  /** Path relative to the content root, e.g. `incidents/2026-11-20-api.md`. */
  file: string;
  /** Markdown below the front matter (details or postmortem). */
  body: string;
};

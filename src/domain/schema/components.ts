import { z } from 'zod';
import { DateSchema, SlugSchema, StatuspageIdSchema } from './primitives.ts';
import { NameTranslationsSchema, ResolvedPageSchema } from './page.ts';
import { checkChannelLanguages, NotificationsSchema } from './notifications.ts';
import { AudiencesSchema, ItemAudienceSchema } from './audiences.ts';
import { CommitmentsSchema } from './commitments.ts';

export const GroupSchema = z.strictObject({
  /** Permanent id of the group. Example: `core`. */
  id: SlugSchema,
  /** Display name. Example: `Core platform`. */
  name: z.string().min(1),
  /** Optional line shown under the group name. Default: none. */
  description: z.string().optional(),
  /** Its id on Statuspage, kept by `npm run import` and served by the API. Example: `xf2vd8lzhj9r`. Default: a generated one. */
  statuspage_id: StatuspageIdSchema.optional(),
  /** Name and description in the page's other languages; see `NameTranslationsSchema`. */
  translations: NameTranslationsSchema,
  /** `internal` (one of `audiences`): the group and its components show only on that audience's page. Default: public. */
  audience: ItemAudienceSchema,
});

export const ComponentSchema = z.strictObject({
  /** Permanent id: in URLs, feeds and the API. Never rename; retire instead. Example: `api`. */
  id: SlugSchema,
  /** Display name. Example: `Public API`. */
  name: z.string().min(1),
  /** Optional line shown under the name. Default: none. */
  description: z.string().optional(),
  /** Id of the group it belongs to. Default: none (top level). */
  group: SlugSchema.optional(),
  /**
   * Date it started, in the page's time zone. Before it the component does not exist: not listed,
   * not in the API, its day bars show no data, uptime does not count, and incidents may not
   * refer to it. Example: `2025-03-01`. Default: it has always existed.
   */
  since: DateSchema.optional(),
  /** Kept so history resolves, hidden from the home page. Default: `false`. */
  retired: z.boolean().default(false),
  /**
   * Statuspage's `showcase`: `false` keeps the component off the home page, out of
   * `summary.json` and `components.json` and out of the overall status, while incidents can
   * still refer to it and it keeps its own page, history, feeds and badge. Default: `true`.
   */
  showcase: z.boolean().default(true),
  /** Its id on Statuspage, kept by `npm run import` and served by the API. Example: `cnnb39dkkk82`. Default: a generated one. */
  statuspage_id: StatuspageIdSchema.optional(),
  /** Name and description in the page's other languages; see `NameTranslationsSchema`. */
  translations: NameTranslationsSchema,
  /**
   * `internal` (one of `audiences`): the component, its page, feeds and badge exist only on that
   * audience's page, and only that audience's incidents and updates may name it. Default: public.
   */
  audience: ItemAudienceSchema,
});

/** `components.yml`: the page and what it reports on. */
export const ComponentsFileSchema = z
  .strictObject({
    page: ResolvedPageSchema,
    /** Audiences besides the public, each with its own site; see `AudiencesSchema`. Example: `[internal]`. Default: none. */
    audiences: AudiencesSchema,
    /** Display groups, in display order. Default: none. */
    groups: z.array(GroupSchema).default([]),
    /** Components in display order. At least one. */
    components: z.array(ComponentSchema).min(1),
    /** Push notifications to chat, webhooks and email. Default: none (feeds only). */
    notifications: NotificationsSchema.default({ max_per_run: 5, channels: [] }),
    /**
     * What the page promises per impact: the first update within minutes, updates on time, the
     * postmortem by its deadline; see `CommitmentsSchema`. Pull requests warn before a promise is
     * broken and `npm run report` measures them from git. Default: the procedures' usual figures.
     */
    commitments: CommitmentsSchema.prefault({}),
  })
  .superRefine((file, ctx) => {
    // Names translated into a language the page does not build would never be shown.
    // Zod still runs this when another part of the file failed; check only what parsed.
    if (!Array.isArray(file.page?.languages)) return;
    const [original, ...others] = file.page.languages;
    const check = (translations: Record<string, unknown> | undefined, path: (string | number)[]) => {
      for (const tag of Object.keys(translations ?? {}))
        if (!others.includes(tag))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'translations', tag],
            message:
              tag === original
                ? `"${tag}" is the page's first language: the name and description already are in it.`
                : `The translation is for "${tag}", which is not one of the page's other languages.`,
            params: {
              code: tag === original ? 'TranslationOfOriginal' : 'UnknownTranslationLanguage',
              hint:
                others.length > 0
                  ? `Use one of ${others.map((name) => `"${name}"`).join(', ')}, as page.languages writes it.`
                  : `The page has one language; list more in "page.languages" (for example "languages: [${original}, de]").`,
            },
          });
    };
    check(file.page.translations, ['page']);
    checkChannelLanguages(file.notifications?.channels, file.page.languages, ctx);
    if (Array.isArray(file.groups))
      file.groups.forEach((group, index) => check(group?.translations, ['groups', index]));
    if (Array.isArray(file.components))
      file.components.forEach((component, index) => check(component?.translations, ['components', index]));
  });

export type ComponentsFileInput = z.input<typeof ComponentsFileSchema>;
export type ComponentsFile = z.output<typeof ComponentsFileSchema>;
export type Group = ComponentsFile['groups'][number];
export type Component = ComponentsFile['components'][number];

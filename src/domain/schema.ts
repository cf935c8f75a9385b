import { z } from 'zod';
import { suggestClosest } from './suggest.ts';
import { localeProblem } from './locale.ts';
import { defaultLocaleFor, languagePathSegment, languageProblem } from './languages.ts';
import { english, placeholdersOf, type StringOverrides } from './strings.ts';
import { TitleSchema } from './title-schema.ts';
import {
  isCalendarDate,
  offsetMinutesOf,
  parseTimestamp,
  timestampPattern,
  timestampZone,
  timeZoneProblem,
  zonelessPattern,
} from './time.ts';
import {
  affectedStatuses,
  componentStatuses,
  impacts,
  kinds,
  slugPattern,
  toSlug,
  updateStatuses,
} from './vocabulary.ts';
import { notificationEvents, notificationKinds } from './notify/vocabulary.ts';
import { StatuspageIdSchema } from './source-ids.ts';
import { secretNameProblems } from './secret-names.ts';

/** `…+99:99`, `…-24:00`: the shape of an offset, but not one any clock uses. */
function hasImpossibleOffset(text: string): boolean {
  const zone = timestampZone(text);
  return zone !== undefined && zone !== 'Z' && Number.isNaN(offsetMinutesOf(zone));
}

/** Custom issues carry a permanent code and a hint in `params`; see zod-problems.ts. */
function fail(ctx: z.RefinementCtx, code: string, message: string, hint: string): void {
  ctx.addIssue({ code: 'custom', message, params: { code, hint } });
}

/**
 * A moment with an explicit offset of at most ±14:00, e.g. `2026-11-20T14:05:00Z` or
 * `2026-11-20T15:10:00+01:00`. Output: epoch milliseconds.
 */
export const TimestampSchema = z
  .string()
  .superRefine((text, ctx) => {
    if (zonelessPattern.test(text)) {
      fail(
        ctx,
        'MissingTimezoneOffset',
        `The time "${text}" has no time zone, so it could mean different moments.`,
        `Add "Z" for UTC or your offset, for example "${text}Z" or "${text}+01:00".`,
      );
    } else if (hasImpossibleOffset(text)) {
      fail(
        ctx,
        'InvalidTimezoneOffset',
        `The time "${text}" has the offset "${timestampZone(text)}", which no clock uses.`,
        'Offsets run from -12:00 to +14:00 with minutes below 60: write "Z" for UTC or your offset, for example "+01:00" or "+05:30".',
      );
    } else if (!timestampPattern.test(text) || Number.isNaN(parseTimestamp(text))) {
      fail(
        ctx,
        'InvalidTimestamp',
        `"${text}" is not a valid date and time.`,
        'Write it as ISO 8601 with an offset, for example "2026-11-20T14:05:00Z".',
      );
    }
  })
  .transform((text) => parseTimestamp(text));

/** A calendar date such as `2025-03-01`. */
export const DateSchema = z.string().superRefine((text, ctx) => {
  if (!isCalendarDate(text)) {
    fail(
      ctx,
      'InvalidDate',
      `"${text}" is not a calendar date.`,
      'Write the date as YYYY-MM-DD, for example "2025-03-01".',
    );
  }
});

/** A permanent lowercase identifier: letters, digits and single hyphens, e.g. `api-gateway`. */
export const SlugSchema = z.string().superRefine((text, ctx) => {
  if (!slugPattern.test(text)) {
    const fixed = toSlug(text);
    fail(
      ctx,
      'InvalidId',
      `"${text}" is not a valid id: use lowercase letters, digits and single hyphens.`,
      `Use "${fixed || 'my-component'}" instead.`,
    );
  }
});

const AbsoluteUrlSchema = z.string().superRefine((text, ctx) => {
  if (!/^https?:\/\/[^\s/]+/.test(text) || !URL.canParse(text)) {
    fail(
      ctx,
      'InvalidUrl',
      `"${text}" is not an absolute http(s) URL.`,
      'Write the full address, for example "https://status.example.com".',
    );
  }
});

/** `1h`, `90m`, `1d12h`, `1h30m` in milliseconds; NaN for anything else, or zero. */
function parseDurationText(text: string): number {
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text.trim());
  const ms = parts ? ((Number(parts[1] ?? 0) * 24 + Number(parts[2] ?? 0)) * 60 + Number(parts[3] ?? 0)) * 60_000 : NaN;
  return ms > 0 ? ms : NaN;
}

/** One entry of `page.strings`: words for the interface, using only the placeholders the entry has. */
function overrideText(template: string) {
  const allowed = placeholdersOf(template);
  return z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
      if (unknown.length > 0)
        fail(
          ctx,
          'UnknownPlaceholder',
          `"{${unknown[0]}}" is not a value this text can show.`,
          allowed.length > 0
            ? `Use ${allowed.map((name) => `"{${name}}"`).join(', ')}, or write the text without placeholders.`
            : 'This text shows no values; write it without "{…}".',
        );
    });
}

function overrideSchema(entry: unknown): z.ZodType {
  if (typeof entry === 'string') return overrideText(entry).optional();
  const forms = entry as Record<string, string>;
  if ('other' in forms) {
    const text = overrideText(Object.values(forms).join(' '));
    const byCategory = z.strictObject({
      zero: text.optional(),
      one: text.optional(),
      two: text.optional(),
      few: text.optional(),
      many: text.optional(),
      other: text.optional(),
    });
    return z.union([text, byCategory]).optional();
  }
  return z
    .strictObject(Object.fromEntries(Object.keys(forms).map((key) => [key, overrideText(forms[key]!).optional()])))
    .optional();
}

/**
 * `page.strings`: replacements for any of the interface's words, keyed like the English table in
 * src/domain/strings.ts (and the list in docs/authoring.md). A phrase with a count takes one text
 * or one per plural category (`one`, `few`, `many`, `other`…). Example: `indicator: { none: All good }`.
 * Default: none.
 */
const StringOverridesSchema = z.strictObject(
  Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, overrideSchema(entry)])),
) as unknown as z.ZodType<StringOverrides>;

/** A name and description in one of the page's other languages; either may be left out. */
export const NameTranslationSchema = z.strictObject({
  /** The name in this language. Default: the original name. */
  name: z.string().min(1).optional(),
  /** The description in this language. Default: the original description. */
  description: z.string().min(1).optional(),
});

/**
 * A name and description per other language of the page (`page.languages` after the first),
 * keyed as `languages` writes it. Example: `{ en: { name: Public API } }`. Default: none.
 */
const NameTranslationsSchema = z.record(z.string(), NameTranslationSchema).default({});

export const PageSchema = z.strictObject({
  /** The name shown in the header, title and feeds. Example: `Acme Status`. */
  name: z.string().min(1),
  /** Absolute URL where the site is served, without the base path. Example: `https://status.acme.com`. */
  url: AbsoluteUrlSchema,
  /** One sentence for search engines and link previews. Default: empty. */
  description: z.string().default(''),
  /** IANA zone for day boundaries and displayed times, spelled as IANA does (not an offset). Example: `Europe/Berlin`. */
  timezone: z.string().superRefine((name, ctx) => {
    const problem = timeZoneProblem(name);
    if (problem) fail(ctx, 'InvalidTimezone', problem.message, problem.hint);
  }),
  /**
   * BCP 47 tag of the language the page speaks: its words, and (unless `locale` says otherwise) its
   * dates and numbers. A bundled language (`en`, `de`, `fr`, `es`, `it`, `nl`, `pt-BR`, `pl`, `sv`,
   * `ja`, `ko`, `zh-Hans`, `tr`, `ar`), or a regional variant of one (`de-AT` uses `de`, `zh-Hans-TW` `zh-Hans`).
   * `en-XA` is not for readers: accented English 40 % longer, to check after adding words or CSS
   * that nothing is hard-coded in English and nothing overflows a narrow screen.
   * Example: `de`. Default: `en`.
   */
  language: z
    .string()
    .superRefine((name, ctx) => {
      const problem = languageProblem(name);
      if (problem) fail(ctx, 'InvalidLanguage', problem.message, problem.hint);
    })
    .optional(),
  /**
   * Several languages from one repository: the first is built at the site root, each other under
   * `/<language>/` (lower case, below `base_path`), every page linking its translations. Use
   * instead of `language`, not beside it. Feeds, calendar and badges exist per language; the
   * Statuspage-compatible API stays single, in the first language. Example: `[de, en]`.
   * Default: `[language]`.
   */
  languages: z
    .array(
      z.string().superRefine((name, ctx) => {
        const problem = languageProblem(name);
        if (problem) fail(ctx, 'InvalidLanguage', problem.message, problem.hint);
      }),
    )
    .min(1)
    .superRefine((names, ctx) => {
      const seen = new Set<string>();
      names.forEach((name, index) => {
        const path = languagePathSegment(name);
        if (seen.has(path))
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `"${name}" is listed twice in page.languages.`,
            params: { code: 'DuplicateLanguage', hint: `Remove the second "${name}".` },
          });
        seen.add(path);
      });
    })
    .optional(),
  /**
   * BCP 47 locale for dates and numbers, one this Node can format, when it differs from the
   * language (`language: en` with `locale: en-US` for a 12-hour clock). Example: `de-CH`.
   * Default: the language; for `en`, `en-GB`.
   */
  locale: z
    .string()
    .superRefine((name, ctx) => {
      const problem = localeProblem(name);
      if (problem) fail(ctx, 'InvalidLocale', problem.message, problem.hint);
    })
    .optional(),
  /** Replacements for the interface's words (of the first language); see `StringOverridesSchema`. Default: none. */
  strings: StringOverridesSchema.optional(),
  /**
   * Replacements for the words of the page's other languages, keyed by language as `languages`
   * writes it, each like `strings`. Example: `{ en: { support: Contact us } }`. Default: none.
   */
  language_strings: z.record(z.string(), StringOverridesSchema).optional(),
  /** The page's `name` and `description` in its other languages; see `NameTranslationsSchema`. */
  translations: z.record(z.string(), NameTranslationSchema).optional(),
  /** Where customers get help. Example: `https://acme.com/support`. Default: none. */
  support_url: AbsoluteUrlSchema.optional(),
  /**
   * Where customers sign up for updates by email: a mailing-list sign-up page or an
   * RSS-to-email service, offered in the page's "Subscribe to updates" menu.
   * Example: `https://acme.com/status-emails`. Default: none (no email option).
   */
  subscribe_email_url: AbsoluteUrlSchema.optional(),
  /** A file in public/ or a URL, shown in the header. Example: `/logo.svg`. Default: none (text only). */
  logo: z.string().optional(),
  /** How many entries each feed carries, newest first. Default: `50`. */
  feed_entries: z.number().int().min(1).max(1000).default(50),
  /** Path prefix when served below the domain root (GitHub Pages project sites). Example: `/status/`. Default: `/`. */
  base_path: z
    .string()
    .regex(/^\/([A-Za-z0-9._~-]+\/)*$/)
    .default('/'),
  /**
   * How late the page's next rebuild (next-rebuild.json's `due`) may be before the page tells
   * readers it may be out of date ("This page was last refreshed 3 hours ago"), in days, hours
   * and minutes.
   * Example: `2h`, `90m`, `1h30m`. Default: `1h`. Output: milliseconds.
   */
  stale_after: z
    .string()
    .superRefine((text, ctx) => {
      if (Number.isNaN(parseDurationText(text)))
        fail(
          ctx,
          'InvalidDuration',
          `"${text}" is not a duration.`,
          'Write days, hours and minutes as, for example, "1h", "90m" or "1h30m".',
        );
    })
    .default('1h')
    .transform(parseDurationText),
  /** The page's id on Statuspage, kept by `npm run import` and served as the API's `page.id`. Default: a generated one. */
  statuspage_id: StatuspageIdSchema.optional(),
});

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
});

/** The name of an environment variable, e.g. `SLACK_WEBHOOK_URL`: secrets never live in the repository. */
const EnvNameSchema = z.string().superRefine((text, ctx) => {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(text)) {
    const fixed = text
      .toUpperCase()
      .replace(/[^A-Z0-9_]+/g, '_')
      .replace(/^(\d)/, '_$1');
    fail(
      ctx,
      'InvalidEnvName',
      `"${text}" is not an environment variable name; the secret itself never goes in components.yml.`,
      text.includes('://') || !fixed
        ? 'Store the URL as a repository secret, pass it to the notify step, and write its name here, for example "SLACK_WEBHOOK_URL".'
        : `Write the name of the variable that holds it, for example "${fixed}".`,
    );
  }
});

/** A span before a maintenance window, e.g. `30m`, `1h`, `2d`. */
const LeadTimeSchema = z.string().superRefine((text, ctx) => {
  if (!/^[1-9]\d{0,3}[mhd]$/.test(text))
    fail(
      ctx,
      'InvalidLeadTime',
      `"${text}" is not a span of time.`,
      'Write minutes, hours or days, for example "30m", "1h" or "2d".',
    );
});

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

/** `components.yml`: the page and what it reports on. */
/**
 * The page with its languages and locale settled: `languages` lists every language, the first
 * being `language`; `locale` is `page.locale` or the language's default (see languages.ts).
 */
const ResolvedPageSchema = PageSchema.superRefine((page, ctx) => {
  if (page.languages && page.language !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['language'],
      message: `page.language ("${page.language}") and page.languages are both set.`,
      params: {
        code: 'LanguageAndLanguages',
        hint: `Keep one: "languages: [${page.languages.join(', ')}]" builds every language, the first at the root; remove the "language" line.`,
      },
    });
  const others = (page.languages ?? [page.language ?? 'en']).slice(1);
  for (const tag of Object.keys(page.language_strings ?? {}))
    if (!others.includes(tag))
      ctx.addIssue({
        code: 'custom',
        path: ['language_strings', tag],
        message: `page.language_strings has words for "${tag}", which is not one of the page's other languages.`,
        params: {
          code: 'UnknownTranslationLanguage',
          hint:
            others.length > 0
              ? `Use one of ${others.map((name) => `"${name}"`).join(', ')}; the first language's words go in "page.strings".`
              : 'The page has one language: put its words in "page.strings", or list more languages in "page.languages".',
        },
      });
}).transform((page) => {
  const languages = page.languages ?? [page.language ?? 'en'];
  return { ...page, language: languages[0]!, languages, locale: page.locale ?? defaultLocaleFor(languages[0]!) };
});

export const ComponentsFileSchema = z
  .strictObject({
    page: ResolvedPageSchema,
    /** Display groups, in display order. Default: none. */
    groups: z.array(GroupSchema).default([]),
    /** Components in display order. At least one. */
    components: z.array(ComponentSchema).min(1),
    /** Push notifications to chat, webhooks and email. Default: none (feeds only). */
    notifications: NotificationsSchema.default({ max_per_run: 5, channels: [] }),
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
    const channels: unknown = file.notifications?.channels;
    if (Array.isArray(channels))
      (channels as { language?: string }[]).forEach((channel, index) => {
        if (channel?.language === undefined || file.page.languages.includes(channel.language)) return;
        const suggestion = suggestClosest(channel.language, file.page.languages);
        ctx.addIssue({
          code: 'custom',
          path: ['notifications', 'channels', index, 'language'],
          message: `The channel's language "${channel.language}" is not one of the page's languages.`,
          params: {
            code: 'UnknownChannelLanguage',
            hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use one of ${file.page.languages.map((name) => `"${name}"`).join(', ')} (page.languages), or leave "language" out for the first.`,
          },
        });
      });
    if (Array.isArray(file.groups))
      file.groups.forEach((group, index) => check(group?.translations, ['groups', index]));
    if (Array.isArray(file.components))
      file.components.forEach((component, index) => check(component?.translations, ['components', index]));
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
});

export type ComponentsFileInput = z.input<typeof ComponentsFileSchema>;
export type ComponentsFile = z.output<typeof ComponentsFileSchema>;
export type Page = ComponentsFile['page'];
export type Group = ComponentsFile['groups'][number];
export type Component = ComponentsFile['components'][number];
export type IncidentInput = z.input<typeof IncidentSchema>;
export type IncidentFrontMatter = z.output<typeof IncidentSchema>;
export type Update = IncidentFrontMatter['updates'][number];
export type Notifications = ComponentsFile['notifications'];
export type NotificationChannel = Notifications['channels'][number];

/** An incident as the model holds it: its front matter, plus what the file itself gives. */
export type Incident = IncidentFrontMatter & {
  /** File name without `.md`: permanent, in URLs, feeds and ids. */
  slug: string;
  /** Path relative to the content root, e.g. `incidents/2026-11-20-api.md`. */
  file: string;
  /** Markdown below the front matter (details or postmortem). */
  body: string;
};

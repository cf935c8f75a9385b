import { z } from 'zod';
import { localeProblem } from '../locale.ts';
import { defaultLocaleFor, languagePathSegment, languageProblem } from '../languages.ts';
import { timeZoneProblem } from '../time.ts';
import { AbsoluteUrlSchema, DurationSchema, fail, StatuspageIdSchema } from './primitives.ts';
import { StringOverridesSchema } from './strings.ts';

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
export const NameTranslationsSchema = z.record(z.string(), NameTranslationSchema).default({});

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
  stale_after: DurationSchema.prefault('1h'),
  /** The page's id on Statuspage, kept by `npm run import` and served as the API's `page.id`. Default: a generated one. */
  statuspage_id: StatuspageIdSchema.optional(),
});

/**
 * The page with its languages and locale settled: `languages` lists every language, the first
 * being `language`; `locale` is `page.locale` or the language's default (see languages.ts).
 */
export const ResolvedPageSchema = PageSchema.superRefine((page, ctx) => {
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

export type Page = z.output<typeof ResolvedPageSchema>;

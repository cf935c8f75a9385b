import { localeProblem } from './locale.ts';
import { german } from './translations/de.ts';
import { french } from './translations/fr.ts';
import { spanish } from './translations/es.ts';
import { italian } from './translations/it.ts';
import { dutch } from './translations/nl.ts';
import { brazilianPortuguese } from './translations/pt-BR.ts';
import { polish } from './translations/pl.ts';
import { swedish } from './translations/sv.ts';
import { japanese } from './translations/ja.ts';
import { korean } from './translations/ko.ts';
import { simplifiedChinese } from './translations/zh-Hans.ts';
import { turkish } from './translations/tr.ts';
import { arabic } from './translations/ar.ts';
import { pseudoEnglish } from './translations/en-XA.ts';
import {
  applyOverrides,
  createStrings,
  english,
  type StringOverrides,
  type Strings,
  type Translation,
} from './strings.ts';

/**
 * The languages Statusmark ships complete translations for, by BCP 47 tag, and `en-XA`
 * (accented English, 40 % longer) for checking that no word is hard-coded and nothing overflows.
 */
export const translations = {
  en: english,
  de: german,
  fr: french,
  es: spanish,
  it: italian,
  nl: dutch,
  'pt-BR': brazilianPortuguese,
  pl: polish,
  sv: swedish,
  ja: japanese,
  ko: korean,
  'zh-Hans': simplifiedChinese,
  tr: turkish,
  ar: arabic,
  'en-XA': pseudoEnglish,
} satisfies Record<string, Translation>;

/** The pseudo-locale: a layout check for operators, not a language for readers. */
export const pseudoLanguage = 'en-XA';

export type BundledLanguage = keyof typeof translations;

export const bundledLanguages = Object.keys(translations) as BundledLanguage[];

/** The bundled languages a page can be written for readers in (all but the pseudo-locale). */
const readerLanguages = bundledLanguages.filter((language) => language !== pseudoLanguage);

function isBundled(tag: string): tag is BundledLanguage {
  return Object.hasOwn(translations, tag);
}

/**
 * The bundled translation a tag uses: the tag itself, else the most specific bundled tag it
 * narrows: language and script, then language and region, then the language (`zh-Hans-TW` →
 * `zh-Hans`, `de-AT` → `de`). A script never becomes another (`zh-Hant-TW` is not `zh-Hans`).
 */
export function bundledLanguageFor(tag: string): BundledLanguage | undefined {
  if (isBundled(tag)) return tag;
  try {
    const { language, script, region } = new Intl.Locale(tag);
    const candidates = [script && `${language}-${script}`, region && `${language}-${region}`, language];
    return candidates.find((candidate): candidate is BundledLanguage => !!candidate && isBundled(candidate));
  } catch {
    return undefined;
  }
}

/**
 * The locale dates and numbers follow when `page.locale` is not set: the
 * language itself, except English, which keeps the day-month order and
 * 24-hour clock of British English that pages had before languages existed.
 */
export function defaultLocaleFor(language: string): string {
  // Intl has no data for the pseudo-locale (it would quietly fall back to US English): it lays
  // dates out as the English page it stands in for.
  return language === 'en' || language === pseudoLanguage ? 'en-GB' : language;
}

/** `rtl` for languages written right to left (Arabic, Hebrew), from the locale data. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  let direction = directions.get(language);
  if (direction === undefined) {
    const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction: string } };
    directions.set(language, (direction = locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr'));
  }
  return direction;
}

/** Asked once per incident and page: the locale data is read once per language. */
const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * The `dir` of text in `textLanguage` shown on a page in `pageLanguage` (an untranslated original):
 * its own direction where the two differ, so English on an Arabic page keeps its full stop at the
 * end of the sentence; undefined where they agree or the text is in the page's language.
 */
export function directionWithin(textLanguage: string | undefined, pageLanguage: string): 'ltr' | 'rtl' | undefined {
  if (textLanguage === undefined) return undefined;
  const direction = textDirection(textLanguage);
  return direction === textDirection(pageLanguage) ? undefined : direction;
}

/** Why a page language cannot be used, with the fix; undefined when it can. */
export function languageProblem(tag: string): { message: string; hint: string } | undefined {
  const problem = localeProblem(tag, 'language');
  if (problem) return problem;
  if (bundledLanguageFor(tag)) return undefined;
  return {
    message: `"${tag}" is not one of the bundled languages.`,
    hint: `Use one of ${readerLanguages.map((name) => `"${name}"`).join(', ')}, or the closest one and override its words with "page.strings".`,
  };
}

/** The folder a language's pages are built in, below the base path: its tag in lower case (`pt-br`). */
export function languagePathSegment(tag: string): string {
  return tag.toLowerCase();
}

/** Where `language`'s pages live: undefined for the page's first language (the site root), else its folder. */
export function languageFolder(page: { languages: readonly string[] }, language: string): string | undefined {
  return language === page.languages[0] ? undefined : languagePathSegment(language);
}

/**
 * The page as one of its languages sees it: that language's words and dates. The first language
 * keeps `page.locale` and `page.strings`; the others use their language's own locale, and their words
 * with `page.language_strings` laid over them.
 */
export function pageInLanguage<
  Page extends {
    language: string;
    languages: string[];
    locale: string;
    strings?: StringOverrides | undefined;
    language_strings?: Record<string, StringOverrides> | undefined;
    name: string;
    description: string;
    translations?: Record<string, { name?: string | undefined; description?: string | undefined }> | undefined;
  },
>(page: Page, language: string): Page {
  if (language === page.languages[0]) return page;
  const translated = page.translations?.[language];
  return {
    ...page,
    language,
    locale: defaultLocaleFor(language),
    strings: page.language_strings?.[language],
    name: translated?.name ?? page.name,
    description: translated?.description ?? page.description,
  };
}

/** A language's name in that language, as a language switcher lists it: `Deutsch`, `English`, `Português (Brasil)`. */
export function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/**
 * The words of a language read from a components.yml that may not validate (operator alerts,
 * alerts writing an update): that language's, or English when the tag is missing or unusable.
 */
export function wordsOfLanguage(tag: string | undefined): Strings {
  const language = tag !== undefined && languageProblem(tag) === undefined ? tag : 'en';
  return pageStrings({ language, locale: defaultLocaleFor(language) });
}

/** The words of one page as templates (`{count}` unfilled, plural forms kept), for a script to fill in. */
export function pageTable(page: { language: string; strings?: StringOverrides | undefined }): Translation {
  return applyOverrides(translations[bundledLanguageFor(page.language) ?? 'en'], page.strings);
}

/** The words of one page: its language's translation with `page.strings` laid over it. */
export function pageStrings(page: {
  language: string;
  locale: string;
  strings?: StringOverrides | undefined;
}): Strings {
  return createStrings(pageTable(page), page.locale);
}

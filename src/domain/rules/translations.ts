import type { Incident } from '../schema/index.ts';
import { quoteList, suggestClosest } from '../suggest.ts';
import type { Kind } from '../vocabulary.ts';
import type { Report } from './report.ts';

/**
 * Translations are keyed by the page's other languages, written exactly as in `page.languages`:
 * a key that is not one of them would never be shown, and the first language is the original's.
 */
/** The parts of an incident that hold translations, as far as they could be read. */
export interface TranslatedParts {
  kind: Kind;
  translations: Readonly<Record<string, { postmortem?: unknown }>>;
  updates: readonly { translations: Readonly<Record<string, unknown>> }[];
}

export function checkTranslations(report: Report, incident: TranslatedParts, languages: readonly string[]): void {
  const [original, ...others] = languages;
  /** `text`: what the original text is, and where better wording belongs. */
  const check = (path: (string | number)[], language: string, text: { is: string; moveTo: string }) => {
    if (language === original) {
      report(
        path,
        'TranslationOfOriginal',
        `The translation "${language}" is in the page's first language, the one ${text.is} written in, so it would never be shown.`,
        `${text.moveTo}, or remove the "${language}" translation.${others.length ? ` Translations are for ${quoteList(others)}.` : ''}`,
        { part: 'key' },
      );
      return;
    }
    if (others.includes(language)) return;
    const suggestion = suggestClosest(language, others);
    report(
      path,
      'UnknownTranslationLanguage',
      `"${language}" is not one of the page's languages (page.languages in components.yml), so this translation would never be shown.`,
      suggestion
        ? `Did you mean "${suggestion}"? Keys are matched exactly as page.languages writes them; the page's other languages are ${quoteList(others)}.`
        : others.length
          ? `Use one of the page's other languages (${quoteList(others)}), or add "${language}" to page.languages in components.yml.`
          : `List it in components.yml with "languages: [${original}, ${language}]" under page (in place of any "language:" line), or remove the translation.`,
      { part: 'key' },
    );
  };
  incident.updates.forEach((update, index) => {
    for (const language of Object.keys(update.translations))
      check(['updates', index, 'translations', language], language, {
        is: '"message" is',
        moveTo: 'If it reads better, make it the "message"',
      });
  });
  for (const [language, translation] of Object.entries(incident.translations)) {
    check(['translations', language], language, {
      is: 'the title and the postmortem are',
      moveTo: 'If it reads better, move it into "title" (or the text below the front matter)',
    });
    if (incident.kind === 'maintenance' && translation.postmortem !== undefined)
      report(
        ['translations', language, 'postmortem'],
        'PostmortemOnMaintenance',
        `Only an incident has a postmortem; this file is a maintenance, so the "${language}" postmortem would never be shown.`,
        `Remove "postmortem" from translations.${language}; translate the last update's message instead.`,
        { part: 'key' },
      );
  }
}

/** A translated postmortem needs the original one: without it only that language's readers would get one. */
export function checkTranslatedPostmortem(report: Report, incident: Incident, languages: readonly string[]): void {
  if (incident.kind === 'maintenance' || incident.body.trim() !== '') return;
  for (const [language, translation] of Object.entries(incident.translations))
    if (translation.postmortem !== undefined)
      report(
        ['translations', language, 'postmortem'],
        'TranslationWithoutOriginal',
        `translations.${language}.postmortem is set but there is no postmortem text below the front matter, so only "${language}" readers would get one.`,
        `Write the postmortem in "${languages[0]}" below the closing "---" first, or remove "postmortem" from translations.${language}.`,
        { part: 'key' },
      );
}

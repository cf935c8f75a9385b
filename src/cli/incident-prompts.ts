import { suggestClosest } from '../domain/suggest.ts';
import { UsageError, type AuthoringContext } from './incident-context.ts';

export interface CommandIo {
  out: (line: string) => void;
  /** Asks a question in a terminal; absent when not interactive. */
  ask?: ((question: string) => Promise<string>) | undefined;
  env: Record<string, string | undefined>;
}

/**
 * The values given for one authoring command, by option name without `--` (`title`, `title-de`),
 * each in the order given: from the command line, or from a form or alert in `npm run post`.
 */
export type Flags = ReadonlyMap<string, readonly string[]>;

/** A value from a flag, or from a prompt in a terminal, or a usage error naming the flag. */
export async function valueOf(
  flags: Flags,
  io: Pick<CommandIo, 'ask'>,
  name: string,
  question: string,
  fallback?: string,
): Promise<string> {
  const given = flags.get(name)?.at(-1);
  if (given !== undefined) return given;
  if (io.ask) {
    const answer = (await io.ask(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    if (answer) return answer;
  }
  if (fallback !== undefined) return fallback;
  throw new UsageError(`Missing --${name} (${question.toLowerCase()}).`);
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} "${value}" is not one of ${allowed.join(', ')}.`);
}

type TranslatedField = 'title' | 'message';

/** `--title-de` and `--message-de`: checked by `checkTranslationFlags` once the page's languages are known. */
export const translationFlagPattern = /^(title|message)-(.+)$/;

/** `--title-de` → `title`, `de`; undefined for every other flag. */
function translationFlag(name: string): { field: TranslatedField; language: string } | undefined {
  const match = translationFlagPattern.exec(name);
  return match ? { field: match[1] as TranslatedField, language: match[2]! } : undefined;
}

/**
 * Refuses any `--title-<language>` or `--message-<language>` this page and command cannot take:
 * the language must be one of `page.languages` after the first, written as it writes it.
 */
export function checkTranslationFlags(
  flags: Flags,
  context: AuthoringContext,
  fields: readonly TranslatedField[],
): void {
  const [original, ...others] = context.languages;
  for (const name of flags.keys()) {
    const flag = translationFlag(name);
    if (!flag) continue;
    if (!fields.includes(flag.field))
      throw new UsageError(
        `--${name} only works with incident:new; add a translation of a published title by hand under "translations:" in the front matter (see docs/authoring.md).`,
      );
    if (flag.language === original)
      throw new UsageError(
        `--${name}: "${original}" is the page's first language, the one --${flag.field} is written in. Use --${flag.field}.`,
      );
    if (others.includes(flag.language)) {
      if (flags.get(name)!.at(-1)!.trim() === '')
        throw new UsageError(
          `--${name} is empty; leave it out and readers in "${flag.language}" see the ${original} text.`,
        );
      continue;
    }
    if (others.length === 0)
      throw new UsageError(
        `--${name}: the page has one language, "${original}", so it takes no translations. To publish in "${flag.language}" too, write "languages: [${original}, ${flag.language}]" under page in components.yml, in place of any "language:" line.`,
      );
    const suggestion = suggestClosest(flag.language, others);
    const valid = others.flatMap((language) => fields.map((field) => `--${field}-${language}`)).join(', ');
    throw new UsageError(
      `--${name}: "${flag.language}" is not one of the page's other languages (page.languages in components.yml).${suggestion ? ` Did you mean --${flag.field}-${suggestion}?` : ''} This page takes ${valid}.`,
    );
  }
}

/**
 * The text of `field` in each of the page's other languages: a flag, else `preset` (a template),
 * else an answer in a terminal; a language with none is left out and shows the original.
 */
export async function translationsOf(
  flags: Flags,
  io: Pick<CommandIo, 'ask'>,
  context: AuthoringContext,
  field: TranslatedField,
  question: string,
  preset: (language: string) => string | undefined = () => undefined,
): Promise<Record<string, string>> {
  const translations: Record<string, string> = {};
  for (const language of context.languages.slice(1)) {
    const given = flags.get(`${field}-${language}`)?.at(-1);
    const fallback = preset(language);
    let text = given ?? fallback;
    if (given === undefined && io.ask) {
      const offer = fallback === undefined ? ` (Enter: show the ${context.languages[0]} text)` : ` [${fallback}]`;
      text = (await io.ask(`${question} in ${language}${offer}: `)).trim() || fallback;
    }
    if (text) translations[language] = text;
  }
  return translations;
}

import { markdownToText } from '../markdown.ts';

/** Author markdown as plain text: the one place notifications turn markdown into text. */
export function plainTextOf(markdown: string): string {
  return wellFormed(markdownToText(wellFormed(markdown)));
}

/** Lone UTF-16 surrogates become U+FFFD, so no receiver's JSON or SMTP parser chokes on them. */
export function wellFormed(text: string): string {
  return text.toWellFormed();
}

/**
 * Breaks broadcast mentions (`@channel`, `@here`, `@everyone`, `@room`) with a word joiner, so even a
 * receiver that parses bare mentions cannot ping. Payload-level guards (Slack escaping, Discord
 * `allowed_mentions`) come on top.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(?=(channel|here|everyone|room|all)\b)/gi, '@\u2060');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * At most `max` UTF-16 units, cut between graphemes (never inside a surrogate pair, an emoji
 * sequence or a letter with its accents); a cut text ends with `…` and `suffix` (e.g. a link to
 * the full update), which always fits.
 */
export function truncate(text: string, max: number, suffix = ''): string {
  if (text.length <= max) return text;
  const tail = `…${suffix}`;
  let cut = Math.max(0, max - tail.length);
  if (cut > 0 && cut < text.length) cut = graphemes.segment(text).containing(cut)!.index;
  return `${text.slice(0, cut).trimEnd()}${tail}`.slice(0, max);
}

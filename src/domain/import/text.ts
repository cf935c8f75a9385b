/**
 * Text from another status page as markdown that reads back as the same text: Statuspage bodies
 * are plain text with `<br />` for line breaks and HTML entities, which are decoded exactly once
 * (`&amp;lt;` stays `&lt;`), and every character markdown would act on is escaped.
 */

import { decodeHtmlEntities } from '../text-safety.ts';

/** Markdown would read these as formatting, links, HTML or entities. */
const inlineSpecial = /[\\`*[\]~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** Markdown would read a line starting like this as a heading, quote, list, rule or code block. */
const blockStart = /^(#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|=+\s*$|-+\s*$|\|?[\s:|-]*-[\s:|-]*$)/;

/** One line of plain text as markdown that shows it literally. */
function escapeLine(line: string): string {
  const escaped = line.replace(inlineSpecial, (char) => `\\${char}`);
  const block = blockStart.exec(escaped);
  if (!block) return escaped;
  const digits = /^\d+/.exec(escaped)?.[0];
  return digits ? `${digits}\\${escaped.slice(digits.length)}` : `\\${escaped}`;
}

/**
 * Plain text with `<br>` line breaks (Statuspage's `body`) as markdown: blank lines stay paragraph
 * breaks, a single break stays a line break (a trailing `\`), leading and trailing spaces go.
 */
export function plainTextToMarkdown(text: string): string {
  const lines = decodeHtmlEntities(text.replace(/\r\n?/g, '\n').replace(/<br\s*\/?>/gi, '\n'))
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''));
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') {
      if (paragraphs.at(-1)!.length > 0) paragraphs.push([]);
    } else paragraphs.at(-1)!.push(escapeLine(line));
  }
  return paragraphs
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => paragraph.join('\\\n'))
    .join('\n\n');
}

/** The text a reader sees, for comparing: what `plainTextToMarkdown` keeps. */
export function comparableText(text: string): string {
  return decodeHtmlEntities(text.replace(/\r\n?/g, '\n').replace(/<br\s*\/?>/gi, '\n'))
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Text from another status page as markdown that reads back as the same text: Statuspage bodies
 * are plain text with `<br />` for line breaks and HTML entities, which are decoded exactly once
 * (`&amp;lt;` stays `&lt;`), and every character markdown would act on is escaped.
 */

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  euro: '€',
};

/** One pass over the entities: what one decodes to is never decoded again. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[name] ?? entity;
  });
}

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
  const lines = decodeEntities(text.replace(/\r\n?/g, '\n').replace(/<br\s*\/?>/gi, '\n'))
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
  return decodeEntities(text.replace(/\r\n?/g, '\n').replace(/<br\s*\/?>/gi, '\n'))
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Untrusted text made safe for one output: every character class, flattening, escaping and
 * code span lives here, so each output treats author, operator and peer text the same way.
 * Which function for which output:
 * - one line of a terminal or CI log: `escapeForLog`
 * - one line anywhere else (a PR title, a `GITHUB_OUTPUT` value, an alert): `flattenToLine`
 * - literal text in GitHub markdown: `escapeMarkdown`; in a code span: `toCodeSpan`,
 *   `toTableCellCode`
 * - HTML, XML and SVG text or attribute values: `escapeHtml`, after `stripIllegalXmlCharacters`;
 *   the way back, entities read as characters once: `decodeHtmlEntities`
 * - iCalendar text: `stripControlCharacters`
 * - chat messages and JSON: `wellFormed`, `defuseMentions`, `truncate`
 */

/**
 * Characters no author means to type and no output can carry: C0 controls
 * other than tab, LF and CR, DEL, C1 controls (U+0080–U+009F, usually text
 * decoded with the wrong code page), the noncharacters U+FFFE and U+FFFF, and
 * lone surrogates (only reachable through YAML escapes). C0 controls, U+FFFE,
 * U+FFFF and lone surrogates are illegal in XML 1.0; DEL and C1 are legal
 * there but render as nothing or as boxes, so they are refused too.
 */
export const controlCharacterPattern =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text without any character of `controlCharacterPattern`: nothing XML 1.0 forbids, no DEL, no C1 control. */
export function stripControlCharacters(text: string): string {
  return text.replace(new RegExp(controlCharacterPattern.source, 'g'), '');
}

/**
 * Invisible characters that make a name or title display differently from
 * what it says: bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, as in "Trojan Source") and zero-width characters (U+200B,
 * U+2060, U+FEFF). U+200C and U+200D are needed by emoji sequences and some
 * scripts, so they only count next to ASCII or at either end. LRM and RLM
 * (U+200E, U+200F) are left alone: right-to-left text uses them and they
 * cannot reorder a word.
 */
export const invisibleCharacterPattern = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]|[\u200C\u200D]/g;

/**
 * Every character that ends a line or drives a terminal: C0 controls (tab, LF and CR included),
 * DEL, C1 controls (U+0085 is a line break, U+009B a terminal's CSI) and the line and paragraph
 * separators U+2028 and U+2029.
 */
const lineBreaksAndControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text on one line: each run of line breaks and control characters becomes one space. */
export function flattenToLine(text: string): string {
  return text.replace(new RegExp(`${lineBreaksAndControls.source}+`, 'g'), ' ');
}

const logEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text on one line of a terminal or CI log: line breaks and other control characters become
 * visible escapes (`\n`, `\u001b`), so a value can never start a line of its own (where
 * `::notice::…` at a line start is a workflow command) nor move the cursor.
 */
export function escapeForLog(text: string): string {
  return text.replace(
    lineBreaksAndControls,
    (character) => logEscapes[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Text as literal text in GitHub-flavoured markdown: line breaks become
 * spaces (a table row stays one row) and every ASCII punctuation character is
 * backslash-escaped, which CommonMark allows for all of them. A title then
 * cannot open a heading, link, image, HTML tag, emphasis, entity or table
 * cell, and `www.` / `https:` lose the shape GitHub autolinks. Mentions and
 * issue references are defused with a word joiner: opening a pull request
 * pings no one and links no issue.
 */
export function escapeMarkdown(text: string): string {
  return flattenToLine(text)
    .replace(/(?:[@#]|\bGH-)(?!\u2060)/gi, (reference) => `${reference}${wordJoiner}`)
    .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}

/**
 * U+2060 WORD JOINER: invisible and unbreakable. GitHub finds `@user`, `@org/team`, `#42`,
 * `owner/repo#42` and `GH-42` in the rendered text, after markdown escapes are gone, so a
 * backslash does not stop a mention or an issue link (github/markup#1168, github/cmark-gfm#181);
 * a joiner right after `@`, `#` or `GH-` (one, even where chat text already has it) does, and
 * the text still reads the same.
 */
const wordJoiner = '\u2060';

/**
 * Text as one inline code span on one line: no emphasis, link or autolink can come out of it
 * (backslash escapes do not stop autolinking). The fence is one backtick longer than any run
 * inside; a space pads text that starts or ends with a backtick, as CommonMark strips it again.
 */
export function toCodeSpan(text: string): string {
  const flat = flattenToLine(text);
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** `toCodeSpan` for a GFM table cell, which ends at any `|` not escaped, even inside a code span. */
export function toTableCellCode(text: string): string {
  return toCodeSpan(text.replace(/\|/g, '\\|'));
}

/** Text or an attribute value in HTML, XML or SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The named entities other status pages use; any other name is left as written. */
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

/**
 * HTML entities (`&amp;`, `&#39;`, `&#x2019;`, the common named ones) as the characters they stand
 * for, in one pass: what one decodes to is never decoded again, so `&amp;lt;` stays `&lt;`.
 * For text another status page escaped, and for what sanitize-html escapes back when it strips tags.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[name] ?? entity;
  });
}

/** Everything outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), lone surrogates included. */
const illegalInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Drops characters no XML 1.0 document may contain. The validator already
 * refuses them in content; this keeps every output well-formed whatever
 * reaches it (feeds, calendar, badges, API).
 */
export function stripIllegalXmlCharacters(text: string): string {
  return text.replace(illegalInXml, '');
}

/** A JSON.stringify replacer applying stripIllegalXmlCharacters to every string value. */
export function withoutIllegalCharacters(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? stripIllegalXmlCharacters(value) : value;
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

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The longest start of `text` made of whole segments and at most `room` code points. */
function fittingStart(text: string, segmenter: Intl.Segmenter, room: number, wordEnds = false): string {
  let end = 0;
  let used = 0;
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    used += [...segment].length;
    if (used > room) break;
    if (!wordEnds || isWordLike) end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * At most `max` characters, counted as `TitleSchema` counts them (code points): a longer text is
 * cut after the last whole word that leaves room for `…` (word boundaries as `Intl.Segmenter`
 * finds them, so text without spaces is cut between words too), without the spaces and
 * punctuation before the cut. A first word longer than that is cut between graphemes.
 */
export function shortenAtWord(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const start = fittingStart(text, words, max - 1, true).replace(/[\s\p{P}]+$/u, '');
  return `${start || fittingStart(text, graphemes, max - 1)}…`;
}

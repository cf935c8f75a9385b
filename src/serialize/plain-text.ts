import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { decodeHtmlEntities, escapeHtml } from '../domain/text-safety.ts';
import { processMap } from './process-map.ts';

const lexer = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Text with HTML entities, as plain text: sanitize-html decodes every entity
 * and re-escapes `&`, `<`, `>` and `"`, which are then decoded in one pass, so
 * `&amp;lt;` stays `&lt;` instead of becoming `<` (decoding twice was a bug).
 */
function decodeEntities(text: string): string {
  // Without `&` or `<` there is nothing to decode, and the round trip gives the text back (issue 26: it was most of the API's cost).
  if (!/[&<]/.test(text)) return text;
  return decodeHtmlEntities(sanitizeHtml(text, { allowedTags: [], allowedAttributes: {} }));
}

const blockTag = /<\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|pre|tr|table|hr|section|article)\b[^>]*>/gi;

/** Raw HTML an author wrote: `<br>` and block boundaries become line breaks, other tags go. */
function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(blockTag, '\n'));
}

/**
 * Inline tokens back to HTML, author HTML kept raw so that htmlToText can
 * drop it whole (a `<script>`'s content too). Text keeps the author's
 * entities; code is escaped so that it comes out literally.
 */
function inlineHtml(tokens: readonly Token[] = []): string {
  return tokens.map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens
        ? inlineHtml(token.tokens)
        : (token.text as string).replace(/</g, '&lt;').replace(/>/g, '&gt;');
    case 'escape':
    case 'codespan':
      return escapeHtml(token.text as string);
    case 'br':
      return '<br>';
    case 'html':
      return token.text as string;
    case 'link': {
      const link = token as Tokens.Link;
      const label = inlineHtml(link.tokens);
      const plain = htmlToText(label);
      // Only addresses the HTML keeps as links are shown; a `javascript:` target is dropped there too.
      const shown = /^(?:https?:\/\/|mailto:)/i.test(link.href);
      return !shown || plain === link.href || `mailto:${plain}` === link.href
        ? label
        : `${label} (${escapeHtml(link.href)})`;
    }
    case 'image':
      return escapeHtml((token as Tokens.Image).text);
    default:
      return 'tokens' in token && token.tokens ? inlineHtml(token.tokens) : escapeHtml(token.raw);
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + line)
    .join('\n');
}

/** A paragraph keeps the author's line breaks and `<br>`s, without the spaces around them. */
function paragraph(tokens: readonly Token[] | undefined): string {
  return htmlToText(inlineHtml(tokens))
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .trim();
}

function blockToken(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
      return '';
    case 'paragraph':
    case 'heading':
    case 'text':
      return 'tokens' in token && token.tokens ? paragraph(token.tokens) : decodeEntities(token.text as string);
    case 'code':
      return token.text as string;
    case 'blockquote':
      return blockText((token as Tokens.Blockquote).tokens);
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, index) => indent(blockText(item.tokens, '\n'), list.ordered ? `${start + index}. ` : '- '))
        .join('\n');
    }
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => paragraph(cell.tokens)).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'html':
      return htmlToText(token.text as string)
        .replace(/[ \t]*\n[ \t]*/g, '\n')
        .trim();
    default:
      return decodeEntities(token.raw);
  }
}

function blockText(tokens: readonly Token[], separator = '\n\n'): string {
  return tokens
    .map(blockToken)
    .filter((text) => text !== '')
    .join(separator);
}

/**
 * Plain text by source, shared by every copy of this module in the process: a build renders each
 * message's HTML while it renders the pages (the prerender bundle's copy of these modules) and its
 * text for the API afterwards (the config's copy), and marked reads each message once for both
 * (issue 26).
 */
const texts = processMap<string>('markdown-text');

/**
 * The one plain-text rendering of author markdown, for every output that
 * cannot show HTML: the API's `body`, feed summaries, iCalendar descriptions
 * and notifications. Block boundaries and `<br>` become line breaks (never
 * nothing), list items keep a `- ` or `1. ` marker, links show their address,
 * code is kept literally and entities are decoded exactly once.
 */
export function markdownToText(source: string): string {
  let text = texts.get(source);
  if (text === undefined) texts.set(source, (text = textOfTokens(lexer.lexer(source))));
  return text;
}

/** Keeps what markdownToText gives for `source` from tokens already lexed for its HTML (marked's parser leaves them as they were). */
export function rememberText(source: string, tokens: readonly Token[]): void {
  if (!texts.has(source)) texts.set(source, textOfTokens(tokens));
}

/** Keeps `text` as what markdownToText gives for `source`, rendered by this module elsewhere (a worker thread). */
export function keepText(source: string, text: string): void {
  if (!texts.has(source)) texts.set(source, text);
}

export function textOfTokens(tokens: readonly Token[]): string {
  return blockText(tokens)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

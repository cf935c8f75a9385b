import { Marked, type TokensList } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { keepText, rememberText } from './plain-text.ts';
import { processMap } from './process-map.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * A build renders one message for its incident page and again for every feed that lists it (three
 * formats, the page's and each component's), and stock phrases ("We are investigating.") recur
 * across a history: each distinct text is rendered once. Shared by every copy of this module in
 * the process (the config's and the prerender bundle's), so HTML a build's worker thread rendered
 * ahead (keepRenderedMarkdown) reaches the pages.
 */
const rendered = processMap<string>('markdown-html');

/**
 * Markdown from incident files rendered to HTML that is safe to embed: no
 * scripts, no event handlers, no `javascript:` or `data:` URLs, no images.
 */
export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) rendered.set(source, (html = renderUncached(source)));
  return html;
}

/**
 * A message's HTML and plain text rendered elsewhere by this same module (a build's worker
 * thread, issue 26), kept so this thread does not render them again. What is already kept stays.
 */
export function keepRenderedMarkdown(entries: Iterable<RenderedMarkdown>): void {
  for (const { source, html, text } of entries) {
    if (!rendered.has(source)) rendered.set(source, html);
    keepText(source, text);
  }
}

/** One message as renderMarkdown and markdownToText give it. */
export interface RenderedMarkdown {
  source: string;
  html: string;
  text: string;
}

function renderUncached(source: string): string {
  const tokens = marked.lexer(source);
  const html = marked.parser(tokens);
  rememberText(source, tokens);
  return isPlainMarkup(tokens, html) ? asSanitized(html) : sanitizeMarkdownHtml(html);
}

/** Tags marked writes without attributes that the sanitizer keeps as they are. */
const plainTag = /<\/?(?:p|em|strong|code|pre|ul|ol|li|blockquote|h2|h3|h4|table|thead|tbody|tr|th|td|del)>/g;
const otherMarkup = /[<>]|&(?!(?:amp|lt|gt|quot|#39);)/;

/**
 * Most messages are paragraphs, emphasis, code and lists: when the author wrote no HTML, marked's
 * output for them is well nested, has only attribute-free allowed tags and the five entities
 * marked writes, and the sanitizer changes nothing in it but decoding `&quot;` and `&#39;`.
 * Sanitizing such HTML cost a build of 10,000 incidents seconds (issue 26); anything else
 * (author HTML, links, images, headings it renames) still goes through it.
 */
function isPlainMarkup(tokens: TokensList, html: string): boolean {
  let authorHtml = false;
  void marked.walkTokens(tokens, (token) => {
    if (token.type === 'html') authorHtml = true;
  });
  return !authorHtml && !otherMarkup.test(html.replace(plainTag, ''));
}

function asSanitized(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}

/** The sanitizer every message went through before the fast path, and still does when it is not plain. */
export function sanitizeMarkdownHtml(html: string): string {
  return (
    sanitizeHtml(html, {
      allowedTags: [
        'p',
        'br',
        'a',
        'em',
        'strong',
        'code',
        'pre',
        'ul',
        'ol',
        'li',
        'blockquote',
        'h2',
        'h3',
        'h4',
        'hr',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'del',
      ],
      allowedAttributes: { a: ['href', 'title', 'rel'] },
      allowedSchemes: ['http', 'https', 'mailto'],
      allowProtocolRelative: false,
      transformTags: {
        a: (tagName, attribs) => ({
          tagName,
          attribs: attribs.href ? { ...attribs, rel: 'nofollow noopener' } : attribs,
        }),
        h1: 'h2',
      },
    })
      // transformTags runs before unsafe hrefs are dropped; a link left without a target loses its rel too.
      .replace(/<a rel="nofollow noopener">/g, '<a>')
      .trim()
  );
}

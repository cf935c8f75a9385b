import { Marked, type TokensList } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { rememberText } from './plain-text.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * A build renders one message for its incident page and again for every feed that lists it (three
 * formats, the page's and each component's), and stock phrases ("We are investigating.") recur
 * across a history: each distinct text is rendered once.
 */
const rendered = new Map<string, string>();

/**
 * Markdown from incident files rendered to HTML that is safe to embed: no
 * scripts, no event handlers, no `javascript:` or `data:` URLs, no images.
 */
export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) rendered.set(source, (html = renderUncached(source)));
  return html;
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

import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

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
  const html = marked.parse(source) as string;
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

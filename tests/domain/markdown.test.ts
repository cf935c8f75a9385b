import fc from 'fast-check';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, test } from 'vitest';
import { renderMarkdown, sanitizeMarkdownHtml } from '../../src/serialize/markdown.ts';
import { markdownToText, textOfTokens } from '../../src/serialize/plain-text.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Pieces of what authors write, and of what tries to get past the sanitizer.
const piece = fc.constantFrom(
  'We are investigating',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '**',
  '*',
  '_',
  '~~',
  '`',
  '```\n',
  '    ',
  '- ',
  '1. ',
  '3. ',
  '> ',
  '## ',
  '# ',
  '| a | b |\n|---|---|\n',
  '---\n',
  "'",
  '"',
  '&',
  '&amp;',
  '&copy;',
  '&#39;',
  '&lt;',
  '<',
  '>',
  '<b>',
  '</p>',
  '<br>',
  '<script>x</script>',
  '[link](https://example.com "t")',
  '[x](javascript:alert(1))',
  '![img](https://example.com/a.png)',
  'https://example.com',
  '\\*',
  'ü',
  'مرحبا',
);
const markdown = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('markdown rendering without the sanitizer where it would change nothing (issue 26)', () => {
  test('gives exactly what sanitizing marked’s HTML gives, for any message', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        expect(renderMarkdown(source)).toBe(sanitizeMarkdownHtml(marked.parse(source) as string));
      }),
      { numRuns: 3000 },
    );
  });

  test('still sanitizes a message with a link, raw HTML or an image', () => {
    expect(
      renderMarkdown('See [the log](javascript:alert(1)) <script>alert(1)</script> ![x](https://e.example/x.png)'),
    ).toBe('<p>See <a>the log</a>  </p>');
    expect(renderMarkdown('It\'s "fixed" & <done>')).toBe('<p>It\'s "fixed" &amp; </p>');
  });

  test('plain text skips decoding only where sanitize-html would give the text back unchanged', () => {
    const decoded = (text: string) =>
      sanitizeHtml(text, { allowedTags: [], allowedAttributes: {} }).replace(
        /&(?:amp|lt|gt|quot|#39);/g,
        (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[entity]!,
      );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((text) => !/[&<]/.test(text)),
        (text) => {
          expect(decoded(text)).toBe(text);
        },
      ),
      { numRuns: 3000 },
    );
    expect(markdownToText('Fixed > 3 "regions" & it\'s done')).toBe('Fixed > 3 "regions" & it\'s done');
  });
});

describe('one reading of a message for its HTML and its plain text (issue 26)', () => {
  test('gives the plain text that reading the message afresh gives, after rendering its HTML', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const fresh = textOfTokens(marked.lexer(source));
        renderMarkdown(source);
        expect(markdownToText(source)).toBe(fresh);
      }),
      { numRuns: 3000 },
    );
  });
});

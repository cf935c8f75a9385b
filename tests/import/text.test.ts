import { describe, expect, test } from 'vitest';
import { comparableText, plainTextToMarkdown } from '../../src/domain/import/text.ts';
import { markdownToText } from '../../src/serialize/plain-text.ts';

/** What our API serves for an imported body, through the real markdown renderer. */
const served = (body: string) => markdownToText(plainTextToMarkdown(body));

describe('Statuspage bodies keep their text and line breaks (issue 24)', () => {
  test.each([
    ['line breaks and paragraphs', 'One.<br />Two.<br /><br />Three.'],
    ['entities decoded once', 'Errors &amp;lt;500&amp;gt; &amp; timeouts &quot;here&quot; &#39;x&#39;'],
    ['markdown characters stay literal', '*not bold* _not em_ snake_case `code` [link](x) ~~x~~ <b>tag</b> a > b'],
    ['line starts that markdown would read as blocks', '# one<br />- two<br />1. three<br />> four<br />---'],
    ['non-breaking spaces, as GitHub writes them', 'fail.\u00a0 Based on this\u00a0 retry.'],
  ])('%s', (_, body) => {
    expect(served(body)).toBe(comparableText(body));
  });

  test('keeps non-breaking spaces as written (issue 24)', () => {
    expect(served('a\u00a0 b')).toBe('a\u00a0 b');
  });
});

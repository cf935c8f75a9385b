import { Marked } from 'marked';
import { expect, test } from 'vitest';
import {
  controlCharacterPattern,
  decodeHtmlEntities,
  defuseMentions,
  escapeForLog,
  escapeHtml,
  escapeMarkdown,
  flattenToLine,
  shortenAtWord,
  invisibleCharacterPattern,
  stripControlCharacters,
  stripIllegalXmlCharacters,
  toCodeSpan,
  toTableCellCode,
  truncate,
  wellFormed,
  withoutIllegalCharacters,
} from '../../src/domain/text-safety.ts';

const marked = new Marked({ gfm: true, async: false });
const inline = (markdown: string) => marked.parseInline(markdown) as string;

test('the refused control characters are C0 but tab/LF/CR, DEL, C1, U+FFFE/U+FFFF and lone surrogates', () => {
  for (const char of [
    '\u0000',
    '\u000b',
    '\u001b',
    '\u007f',
    '\u0080',
    '\u0085',
    '\u009b',
    '\ufffe',
    '\uffff',
    '\ud800',
  ])
    expect(controlCharacterPattern.test(`a${char}b`), escapeForLog(char)).toBe(true);
  for (const char of ['\t', '\n', '\r', '\u00a0', '\u2028', '\u200f', '😀'])
    expect(controlCharacterPattern.test(`a${char}b`)).toBe(false);
});

test('the invisible characters are bidi embeddings, overrides, isolates and zero-width characters', () => {
  const found = (text: string) => [...text.matchAll(invisibleCharacterPattern)].map((match) => match[0]);
  expect(found('a\u202eb\u2066c\u2069d\u200be\ufeff')).toEqual(['\u202e', '\u2066', '\u2069', '\u200b', '\ufeff']);
  expect(found('right\u200fto\u200eleft')).toEqual([]);
});

test('flattenToLine turns each run of C0, DEL, C1 and U+2028/U+2029 into one space (issue 26)', () => {
  expect(flattenToLine('one\r\ntwo\tthree\u001b[31mfour\u007ffive')).toBe('one two three [31mfour five');
  expect(flattenToLine('next\u0085line\u2028and\u2029paragraph')).toBe('next line and paragraph');
  // Only U+0085 of the C1 block was flattened before issue 26; U+009B is an 8-bit terminal's CSI.
  expect(flattenToLine('csi\u009b31m\u0080\u009fend')).toBe('csi 31m end');
  expect(flattenToLine('kept: é ü\u00a0—')).toBe('kept: é ü\u00a0—');
});

test('escapeForLog writes every line break and control character as a visible escape, C1 too (issue 26)', () => {
  expect(escapeForLog('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
  expect(escapeForLog('\u001b[2J\u0000\u007f')).toBe('\\u001b[2J\\u0000\\u007f');
  expect(escapeForLog('\u0085\u009b\u2028\u2029')).toBe('\\u0085\\u009b\\u2028\\u2029');
  expect(escapeForLog('::error::x')).toBe('::error::x');
});

test('escapeMarkdown keeps a title one literal line of GitHub markdown, with # defused by a word joiner', () => {
  const title = '# [click](https://evil.example) <img src=x> *bold*\n| cell | www.example.com';
  expect(escapeMarkdown(title)).toBe(
    '\\#\u2060 \\[click\\]\\(https\\:\\/\\/evil\\.example\\) \\<img src\\=x\\> \\*bold\\* \\| cell \\| www\\.example\\.com',
  );
  expect(inline(escapeMarkdown(title))).not.toMatch(/<a|<img|<em/);
  expect(escapeMarkdown('a\u0085b\u009bc')).toBe('a b c');
});

test('toCodeSpan fences with one backtick more than the longest run inside', () => {
  expect(toCodeSpan('plain')).toBe('`plain`');
  expect(toCodeSpan('a `b` c')).toBe('``a `b` c``');
  expect(toCodeSpan('a ``` b')).toBe('````a ``` b````');
  expect(toCodeSpan('`start')).toBe('`` `start ``');
  expect(toCodeSpan('end`')).toBe('`` end` ``');
  for (const text of ['a `b` c', 'a ``` b', '`start', 'end`', '[x](https://evil.example) *bold* <b>'])
    expect(inline(toCodeSpan(text))).toBe(`<code>${escapeHtml(text)}</code>`);
});

test('toCodeSpan keeps the span on one line', () => {
  expect(toCodeSpan('line one\n\n# line two\u0085\u2028three')).toBe('`line one # line two three`');
});

test('toTableCellCode escapes the pipe that would end a GFM table cell', () => {
  expect(toTableCellCode('a|b')).toBe('`a\\|b`');
  const table = marked.parse(
    `| id | reply |\n| --- | --- |\n| x | ${toTableCellCode('550 | `no` |\nrelay')} |`,
  ) as string;
  expect(table).toContain('<td><code>550 | `no` | relay</code></td>');
});

test('escapeHtml escapes &, <, > and double quotes for text and attribute values', () => {
  expect(escapeHtml('<a href="x">Tom & Jerry</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;');
  expect(escapeHtml('&amp;')).toBe('&amp;amp;');
});

test('decodeHtmlEntities is the way back from escapeHtml, in one pass: &amp;lt; stays &lt; (issue 26)', () => {
  const text = 'Tom & Jerry <b> "quoted" &amp; it’s 5°';
  expect(decodeHtmlEntities(escapeHtml(text))).toBe(text);
  expect(decodeHtmlEntities('&amp;lt; &#39; &#x2019; &mdash; &hearts; &#0; AT&T')).toBe(
    "&lt; ' ’ — &hearts; &#0; AT&T",
  );
});

test('stripIllegalXmlCharacters drops what XML 1.0 forbids and keeps DEL, C1 and astral characters', () => {
  expect(stripIllegalXmlCharacters('a\u0000b\u000bc\ud800d\uffffe\t\n\r')).toBe('abcde\t\n\r');
  expect(stripIllegalXmlCharacters('\u007f\u0085😀')).toBe('\u007f\u0085😀');
  expect(JSON.stringify({ title: 'a\u0001b', count: 1 }, withoutIllegalCharacters)).toBe('{"title":"ab","count":1}');
});

test('stripControlCharacters also drops DEL and C1 controls, keeping tab and line breaks', () => {
  expect(stripControlCharacters('a\u0001b\u007fc\u0085d\u009be\ud800f\t\n\r😀')).toBe('abcdef\t\n\r😀');
});

test('wellFormed, defuseMentions and truncate keep chat messages safe', () => {
  expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
  expect(defuseMentions('@here and @channel, not @hereford')).toBe('@\u2060here and @\u2060channel, not @hereford');
  expect(truncate('short', 10)).toBe('short');
  expect(truncate('a 👩‍👩‍👧 family', 6)).toBe('a…');
  expect(truncate('abcdefghij', 8, ' more')).toBe('ab… more');
});

test('shortenAtWord cuts after the last whole word that leaves room for the ellipsis (issue 26)', () => {
  expect(shortenAtWord('Elevated API errors', 200)).toBe('Elevated API errors');
  expect(shortenAtWord('Elevated API errors in every region', 20)).toBe('Elevated API errors…');
  expect(shortenAtWord('Hello, world, again', 14)).toBe('Hello, world…');
  // No spaces: Japanese is cut between words; one endless word between graphemes.
  const japanese = shortenAtWord('データベースの障害により、すべての地域でエラー率が上昇しています。', 20);
  expect([...japanese].length).toBeLessThanOrEqual(20);
  expect(japanese.endsWith('…')).toBe(true);
  expect(shortenAtWord('a'.repeat(300), 200)).toBe(`${'a'.repeat(199)}…`);
  expect(shortenAtWord('😀'.repeat(250), 200)).toBe(`${'😀'.repeat(199)}…`);
});

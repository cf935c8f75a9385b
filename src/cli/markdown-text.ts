/**
 * U+2060 WORD JOINER: invisible and unbreakable. GitHub finds `@user`, `@org/team`, `#42`,
 * `owner/repo#42` and `GH-42` in the rendered text, after markdown escapes are gone, so a
 * backslash does not stop a mention or an issue link (github/markup#1168, github/cmark-gfm#181);
 * a joiner right after `@`, `#` or `GH-` (one, even where chat text already has it) does, and
 * the text still reads the same.
 */
const wordJoiner = '\u2060';

/**
 * Author text as literal text in GitHub-flavoured markdown: line breaks become
 * spaces (a table row stays one row) and every ASCII punctuation character is
 * backslash-escaped, which CommonMark allows for all of them. A title then
 * cannot open a heading, link, image, HTML tag, emphasis, entity or table
 * cell, and `www.` / `https:` lose the shape GitHub autolinks. Mentions and
 * issue references are defused with a word joiner: opening a pull request
 * pings no one and links no issue.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/(?:[@#]|\bGH-)(?!\u2060)/gi, (reference) => `${reference}${wordJoiner}`)
    .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}

/**
 * Author text in a code span, safe inside a table cell: the fence is one
 * backtick longer than any run inside, and `|` is escaped as GFM tables need.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

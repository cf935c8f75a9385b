/**
 * Author text as literal text in GitHub-flavoured markdown: line breaks become
 * spaces (a table row stays one row) and every ASCII punctuation character is
 * backslash-escaped, which CommonMark allows for all of them. A title then
 * cannot open a heading, link, image, HTML tag, emphasis, entity or table
 * cell, and `www.` / `https:` lose the shape GitHub autolinks.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
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

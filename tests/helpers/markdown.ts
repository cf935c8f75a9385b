import { Marked } from 'marked';

const marked = new Marked({ gfm: true });

/** The parts of marked's tokens these tests read. */
export interface Token {
  type: string;
  text?: string;
  tokens?: Token[];
  header?: { tokens: Token[] }[];
  rows?: { tokens: Token[] }[][];
  items?: Token[];
}

/** GitHub-flavoured markdown as marked reads it. */
export const lex = (markdown: string) => marked.lexer(markdown) as unknown as Token[];

export function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    walk(token.tokens ?? [], visit);
    for (const cell of token.header ?? []) walk(cell.tokens, visit);
    for (const row of token.rows ?? []) for (const cell of row) walk(cell.tokens, visit);
    walk(token.items ?? [], visit);
  }
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The text a reader sees, code spans included. */
export function plainText(tokens: readonly Token[]): string {
  let text = '';
  walk(tokens, (token) => {
    if (!token.tokens && token.text !== undefined) text += decode(token.text);
  });
  return text;
}

/**
 * What GitHub turns into a mention or an issue link: it looks for them in the rendered HTML's
 * text outside code (so a backslash before `@` or `#` does not stop it): `@user`, `@org/team`,
 * `#42`, `owner/repo#42`, `GH-42`.
 */
export function githubReferences(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false });
  const text = decode(html.replace(/<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]*>/g, ''));
  return [...text.matchAll(/(?<![\w`])@[a-z0-9][\w/-]*|#\d+|\bGH-\d+/gi)].map((match) => match[0]);
}

/** GitHub-flavoured markdown rendered to HTML, as marked renders it. */
export const renderMarkdown = (markdown: string) => marked.parse(markdown) as string;

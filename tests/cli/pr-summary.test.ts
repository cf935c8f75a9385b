import { describe, expect, test } from 'vitest';
import { runPrSummaryCommand, summarizeValidation } from '../../src/cli/pr-summary.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';
import { githubReferences, lex, plainText, renderMarkdown, walk } from '../helpers/markdown.ts';

const hostileTitles = [
  '# ✅ Validation passed, safe to merge',
  'Outage |\n\n## ✅ Validation passed\n\nSafe to merge.',
  '[Click here](https://evil.example/login)',
  '![logo](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)> <details open><summary>ok</summary></details>',
  'Visit www.evil.example or https://evil.example/x today',
  'Backticks ``` `code` ``` and \\`escaped\\`',
  '&lt;script&gt; &amp; &#x3C;b&#x3E;',
  'a | b | c',
  '**bold** _em_ ~~gone~~ <https://evil.example>',
  '[ref]: https://evil.example\n[ref]',
  '- [x] task\n> quote\n---',
];

function summaryFor(titles: readonly string[], extra: Record<string, string> = {}): string {
  const root = makeContentRoot({});
  initRepository(root);
  commitAll(root, 'empty');
  titles.forEach((title, index) =>
    writeFile(
      root,
      `incidents/hostile-${index}.md`,
      incidentFile(
        `title: ${JSON.stringify(title)}\nimpact: minor\ncomponents: [api]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n`,
      ),
    ),
  );
  for (const [name, content] of Object.entries(extra)) writeFile(root, `incidents/${name}`, content);
  let out = '';
  runPrSummaryCommand(['HEAD'], {
    out: (text) => (out += text),
    env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T12:00:00Z' },
  });
  return out;
}

describe('issue 11 item 13: the pull request summary shows author text as text', () => {
  test('hostile titles cannot write headings, links, images or HTML, and read back as written', () => {
    const tokens = lex(summaryFor(hostileTitles));
    const kinds = new Set<string>();
    const headings: string[] = [];
    walk(tokens, (token) => {
      kinds.add(token.type);
      if (token.type === 'heading') headings.push(token.text ?? '');
    });
    expect(headings).toEqual([
      '✅ Validation passed',
      'What this pull request publishes',
      '⚠️ Commitments',
      'Notifications merging this sends',
    ]);
    for (const kind of ['link', 'image', 'html', 'tag', 'def', 'blockquote', 'hr', 'list'])
      expect(kinds).not.toContain(kind);
    const table = tokens.find((token) => token.type === 'table');
    const titleKinds = new Set<string>();
    for (const row of table?.rows ?? []) walk(row[1]!.tokens, (token) => titleKinds.add(token.type));
    expect([...titleKinds].sort()).toEqual(['escape', 'text']);
    expect((table?.rows ?? []).map((row) => plainText(row[1]!.tokens).replaceAll('\u2060', '')).sort()).toEqual(
      hostileTitles.map((title) => title.replace(/\n+/g, ' ')).sort(),
    );
  });

  test('says plainly when validation failed, and escapes the quoted bad values', () => {
    const broken = incidentFile(
      'title: Broken\nimpact: minor\ncomponents: ["[api](https://evil.example)"]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n',
    );
    const summary = summaryFor(['# ✅ Validation passed'], { 'broken.md': broken });
    const tokens = lex(summary);
    const headings: string[] = [];
    const kinds = new Set<string>();
    walk(tokens, (token) => {
      kinds.add(token.type);
      if (token.type === 'heading') headings.push(token.text ?? '');
    });
    expect(headings).toEqual([
      '❌ Validation failed: do not merge',
      'What this pull request publishes',
      '⚠️ Commitments',
      'Notifications merging this sends',
    ]);
    expect(kinds).not.toContain('link');
    expect(summary.split('\n').slice(0, 5).join('\n')).toMatchInlineSnapshot(`
      "## ❌ Validation failed: do not merge

      1 error, 1 warning. Each is annotated on its line and printed in full by the validate step.

      - \`incidents/broken.md:4:14\` error \`InvalidId\`: \\"\\[api\\]\\(https\\:\\/\\/evil\\.example\\)\\" is not a valid id\\: use lowercase letters\\, digits and single hyphens\\."
    `);
  });

  test('a | in a listed problem stays a | inside its code span, which is not in a table (issue 26)', () => {
    const problem = {
      file: 'incidents/a|b.md',
      line: 1,
      column: 1,
      severity: 'error' as const,
      code: 'NotMarkdown',
      message: 'Incident files end in .md.',
      hint: '',
    };
    const html = renderMarkdown(summarizeValidation([problem], 1));
    expect(html).toContain('<code>incidents/a|b.md:1:1</code>');
  });
});

describe('the pull request summary pings no one (issue 22)', () => {
  const titles = ['Paging @acme/oncall and @octocat', 'Same as #42, acme/app#7 and GH-9', 'mail ops@example.com'];

  test('a title cannot mention a person or team or link an issue, and still reads as written', () => {
    const summary = summaryFor(titles);
    expect(githubReferences(summary)).toEqual([]);
    const table = lex(summary).find((token) => token.type === 'table');
    expect((table?.rows ?? []).map((row) => plainText(row[1]!.tokens).replaceAll('\u2060', '')).sort()).toEqual(
      [...titles].sort(),
    );
  });

  test('neither can a quoted bad value in the verdict', () => {
    const broken = incidentFile(
      'title: Broken\nimpact: minor\ncomponents: ["@acme/oncall"]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: "#42"\n',
    );
    expect(githubReferences(summaryFor([], { 'broken.md': broken }))).toEqual([]);
  });
});

describe('issue 22: a long history does not bury the pull request summary', () => {
  test('a failed validation lists its error, and counts the warnings about incidents resolved long ago', () => {
    const root = makeContentRoot({});
    for (let day = 1; day <= 25; day++)
      writeFile(
        root,
        `incidents/2024-03-${String(day).padStart(2, '0')}-outage.md`,
        incidentFile(
          `title: Outage\nimpact: major\ncomponents: [api]\nupdates:\n  - at: 2024-03-${String(day).padStart(2, '0')}T10:00:00Z\n    status: resolved\n    message: Fixed.\n`,
        ),
      );
    initRepository(root);
    commitAll(root, 'history');
    writeFile(root, 'incidents/broken.md', incidentFile('title: Broken\nimpact: minor\ncomponents: [nope]\n'));
    let summary = '';
    runPrSummaryCommand(['HEAD'], {
      out: (text) => (summary += text),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T12:00:00Z' },
    });
    expect(summary.split('\n## ')[0]).toMatchInlineSnapshot(`
      "## ❌ Validation failed: do not merge

      2 errors, 25 warnings. Each is annotated on its line and printed in full by the validate step.

      - \`incidents/broken.md:2:1\` error \`NoUpdates\`: An incident needs at least one update\\.
      - \`incidents/broken.md:4:14\` error \`UnknownComponent\`: The component \\"nope\\" is not in components\\.yml\\.
      - MissingPostmortem: 25 incidents resolved before 2026-08-25 have no postmortem (run \`npm run validate -- --verbose\` for the list).
      "
    `);
  });
});

describe('the pull request summary shows the impact readers will see', () => {
  test('an update that escalates an open incident shows the impact change', () => {
    const root = makeContentRoot({});
    initRepository(root);
    const opened = incidentFile(
      'title: Slow search\nimpact: minor\ncomponents: [api]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n',
    );
    writeFile(root, 'incidents/slow-search.md', opened);
    commitAll(root, 'open');
    writeFile(
      root,
      'incidents/slow-search.md',
      opened.replace(
        /---\n$/,
        '  - at: 2026-11-20T10:30:00Z\n    status: identified\n    message: Search is down.\n    impact: critical\n---\n',
      ),
    );
    let out = '';
    runPrSummaryCommand(['HEAD'], {
      out: (text) => (out += text),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T12:00:00Z' },
    });
    expect(out).toContain('| 1 new update | identified | minor → **critical** |');
  });
});

describe('the pull request summary shows translations readers of other languages will see', () => {
  test('a translation added to a published update is listed, not reported as nothing changing', () => {
    const components = fixtureComponents.replace(
      '  timezone: Europe/Berlin\n',
      '  timezone: Europe/Berlin\n  languages: [en, de]\n',
    );
    const root = makeContentRoot({}, components);
    initRepository(root);
    const published = incidentFile(
      'title: Slow search\nimpact: minor\ncomponents: [api]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n',
    );
    writeFile(root, 'incidents/slow-search.md', published);
    commitAll(root, 'open');
    writeFile(
      root,
      'incidents/slow-search.md',
      published.replace(
        '    message: Looking.\n',
        '    message: Looking.\n    translations:\n      de: Wir sehen nach.\n',
      ),
    );
    let out = '';
    runPrSummaryCommand(['HEAD'], {
      out: (text) => (out += text),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T12:00:00Z' },
    });
    expect(out).not.toContain('nothing customers see changes');
    expect(out).toContain('| `slow-search` | Slow search | translations: `de` | — | minor | `api` |');
  });
});

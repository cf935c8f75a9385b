import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { insertUpdate as appendUpdate, readAsValidator } from '../../src/node/update-insertion.ts';
import type { NewUpdate } from '../../src/domain/incident-text.ts';
import { deriveIncidentState } from '../../src/domain/derive.ts';
import { splitFrontMatter } from '../../src/node/source-file.ts';
import { parseDocument } from 'yaml';

const file = 'incidents/2026-11-20-api.md';
const resolve: NewUpdate = { at: '2026-11-21T10:00:00Z', status: 'resolved', message: 'Fixed: all good.' };
const first = '  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n';

/** What the validator reads, or a failed test naming its problems. */
function read(text: string) {
  const parsed = readAsValidator(file, text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line} ${p.code} ${p.message}`).join('\n'));
  return parsed.value.value;
}

/**
 * "Every prior byte unchanged": `after` is `before` with one non-empty piece
 * of text inserted at one offset, i.e. before = P + S and after = P + I + S.
 * Returns I, or throws.
 */
function insertedText(before: string, after: string): string {
  const grown = after.length - before.length;
  if (grown <= 0) throw new Error('nothing was inserted');
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
  if (prefix + suffix !== before.length) throw new Error(`existing text changed near offset ${prefix}`);
  return after.slice(prefix, prefix + grown);
}

/** Appends `update` and checks the result as a user would: same text plus one update, shown last. */
function appendAndCheck(source: string, update: NewUpdate = resolve) {
  const result = appendUpdate(file, source, update);
  expect(result.problem).toBeUndefined();
  return checkAppended(source, result.text, update);
}

function checkAppended(source: string, text: string, update: NewUpdate) {
  const before = read(source);
  const result = { text };
  const inserted = insertedText(source, result.text);
  const after = read(result.text);
  expect(after.updates.slice(0, -1)).toEqual(before.updates);
  expect(after.updates.at(-1)).toMatchObject({
    at: Date.parse(update.at),
    status: update.status,
    message: update.message,
    translations: update.translations ?? {},
  });
  expect({ ...after, updates: [] }).toEqual({ ...before, updates: [] });
  expect(deriveIncidentState(after, Date.parse('2026-11-22T00:00:00Z')).status).toBe(update.status);
  return { text: result.text, inserted };
}

const incident = (updates: string, { open = '---', body = '', rest = 'impact: minor\n' } = {}) =>
  `${open}\ntitle: API errors\n${rest}updates:\n${updates}---\n${body}`;

describe('appending an update where the validator reads the list', () => {
  test('an opening "--- " with a trailing space and a "---" rule in the body: the update goes into the front matter', () => {
    const source = incident(first, { open: '--- ', body: '\nWhat happened.\n\n---\n\nPostmortem.\n' });
    const { text } = appendAndCheck(source);
    expect(text.endsWith('---\n\nWhat happened.\n\n---\n\nPostmortem.\n')).toBe(true);
  });

  test('a quoted multi-line title whose continuation starts with "---" is left whole', () => {
    const source = `---\ntitle: "Database\n---slow queries"\nimpact: minor\nupdates:\n${first}---\n`;
    const { text } = appendAndCheck(source);
    expect(read(text).title).toBe('Database ---slow queries');
  });

  test('a flow-style updates list gets one more flow item', () => {
    const source = `---\ntitle: X\nimpact: minor\nupdates: [{at: 2026-11-20T10:00:00Z, status: investigating, message: Looking.}]\n---\n`;
    const { inserted } = appendAndCheck(source);
    expect(inserted).toBe(', { at: "2026-11-21T10:00:00Z", status: "resolved", message: "Fixed: all good." }');
  });

  test('a multi-line flow list with a trailing comma and a comment', () => {
    appendAndCheck(
      `---\ntitle: X\nimpact: minor\nupdates: [\n  {at: 2026-11-20T10:00:00Z, status: investigating, message: Looking.},  # first\n  ]\n---\n`,
    );
  });

  test('"-   at:" indentation and a list at column 0', () => {
    const source = incident('-   at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n');
    const { text } = appendAndCheck(source);
    expect(text).toBe(
      source.replace(
        'Looking.\n',
        'Looking.\n- at: 2026-11-21T10:00:00Z\n  status: resolved\n  message: "Fixed: all good."\n',
      ),
    );
  });

  test.each([
    ['at the end of the front matter', incident(`${first.replace('Looking.', '|+\n      Looking.\n')}\n`)],
    ['with no blank line after it', incident(first.replace('Looking.', '|+\n      Looking.'))],
    ['before another key', incident(`${first.replace('Looking.', '|+\n      Looking.\n')}\n`, { rest: '' }) + ''],
  ])('a "|+" last message keeps its trailing lines %s', (_, source) => {
    appendAndCheck(source);
  });

  test('a "|+" last message followed by more keys keeps its blank lines', () => {
    const source = `---\ntitle: X\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: |+\n      Looking.\n\nimpact: minor\n---\n`;
    appendAndCheck(source);
  });

  test('in a CRLF file every inserted line ends in CRLF', () => {
    const source = incident(first).replace(/\n/g, '\r\n');
    const { text } = appendAndCheck(source);
    expect(text).toBe(
      source.replace(
        'Looking.\r\n',
        'Looking.\r\n  - at: 2026-11-21T10:00:00Z\r\n    status: resolved\r\n    message: "Fixed: all good."\r\n',
      ),
    );
  });

  test('a byte-order mark stays in front', () => {
    const { text } = appendAndCheck(`\uFEFF${incident(first)}`);
    expect(text.startsWith('\uFEFF---\n')).toBe(true);
  });

  test('refuses front matter it cannot extend with an accurate problem instead of a history error', () => {
    // One flow mapping without "updates": a block key cannot follow it.
    const source = `---\n{title: X, impact: minor}\n---\n`;
    read(source);
    const result = appendUpdate(file, source, resolve);
    expect(result.problem).toMatchObject({ code: 'UpdateNotAppendable', line: 2, file });
  });
});

/** Pieces of valid front matter in the layouts authors (and editors) produce. */
const layout = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  open: fc.constantFrom('---', '--- ', '---\t', '---   '),
  close: fc.constantFrom('---', '--- ', '---\t'),
  title: fc.constantFrom(
    'title: Plain title',
    'title: Plain title # a comment',
    'title: "Quoted: with a colon"',
    'title: "Two\n  --- lines"',
    'title: "Continued\n---at column 0"',
    "title: 'Single\n  --- quoted'",
    'title: >-\n  Folded\n  --- text',
  ),
  style: fc.constantFrom('block', 'flow', 'flow-lines'),
  dash: fc.constantFrom('', '  ', '    '),
  gap: fc.constantFrom(' ', '   '),
  messages: fc.array(
    fc.constantFrom(
      'Plain.',
      'Plain. # a comment',
      '"Quoted\n  --- over lines"',
      '|+\n  Kept.\n\n',
      '|+\n  Kept.',
      '|\n  Clipped.\n\n',
      '>-\n  Folded\n  text.',
      "'single'",
    ),
    { minLength: 1, maxLength: 3 },
  ),
  rest: fc.constantFrom('before', 'after'),
  comment: fc.constantFrom('', '# a comment\n', '  # an indented comment\n', '\n'),
  body: fc.constantFrom('', '\nBody.\n', '\n---\n\nA rule above.\n', '--- \nrule\n---\n'),
  message: fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', ':', '#', '"', "'", '-', '\\', '{', '[', ',', '|', '>', '&', '*', 'é', '\n'),
    minLength: 1,
    maxLength: 20,
  }),
  /** The new update's message in another language, when it has one. */
  translation: fc.option(
    fc.string({
      unit: fc.constantFrom('ü', 'ß', ' ', ':', '#', '"', '-', '{', ',', '*', '\n'),
      minLength: 1,
      maxLength: 12,
    }),
    { nil: undefined },
  ),
});

function yamlLibraryRejects(source: string): boolean {
  const split = splitFrontMatter(file, source.replace(/^\uFEFF/, ''));
  return split.ok && parseDocument(split.value.yaml).errors.length > 0;
}

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

/** A block scalar or multi-line text, re-indented to sit under a key at `column`. */
const indented = (text: string, column: number) => text.replace(/\n(?=.)/g, `\n${' '.repeat(column)}`);

function render(l: Layout): string {
  const times = l.messages.map((_, index) => `2026-11-20T1${index}:00:00Z`);
  let updates: string;
  if (l.style === 'block') {
    const column = l.dash.length + 1 + l.gap.length;
    const pad = ' '.repeat(column);
    updates = l.messages
      .map(
        (message, index) =>
          `${l.dash}-${l.gap}at: ${times[index]}\n${pad}status: investigating\n${pad}message: ${indented(message, column + 2)}${message.endsWith('\n') ? '' : '\n'}`,
      )
      .join('');
    updates = `updates:\n${updates}${l.comment}`;
  } else {
    const items = l.messages.map(
      (_, index) => `{at: ${times[index]}, status: investigating, message: "Item ${index}"}`,
    );
    updates = l.style === 'flow' ? `updates: [${items.join(', ')}]\n` : `updates: [\n  ${items.join(',\n  ')},\n  ]\n`;
  }
  const rest = 'impact: minor\ncomponents:\n  - api\n';
  const yaml = `${l.title}\n${l.rest === 'before' ? rest + updates : updates + rest}`;
  const text = `${l.open}\n${yaml}${l.close}\n${l.body}`.replace(/\n/g, l.eol);
  return (l.bom ? '\uFEFF' : '') + text;
}

describe('appending an update to any valid layout', () => {
  test('the new update is the last one as the validator reads it, and no existing byte changes', () => {
    let checked = 0;
    let refused = 0;
    fc.assert(
      fc.property(layout, (l) => {
        const source = render(l);
        fc.pre(readAsValidator(file, source).ok);
        checked++;
        const update = {
          ...resolve,
          message: l.message,
          translations: l.translation === undefined ? undefined : { de: l.translation, 'pt-BR': l.message },
        };
        const result = appendUpdate(file, source, update);
        if (result.problem) {
          // Only where the validator's own two YAML readers disagree (`yaml` rejects a quoted
          // title continued on a "---" line; js-yaml accepts it, until the new message contains
          // "*", "&" or "!", which sends the validator to `yaml`): refused, with this code.
          expect(result.problem.code).toBe('UpdateNotAppendable');
          expect(yamlLibraryRejects(source)).toBe(true);
          refused++;
          return;
        }
        const { text } = checkAppended(source, result.text, update);
        // The original has only CRLF line ends, so a bare LF could only come from the insertion.
        if (l.eol === '\r\n') expect(text).not.toMatch(/(?<!\r)\n/);
      }),
      { numRuns: 300 },
    );
    // The generator must mostly produce files the validator accepts, or the property proves little.
    expect(checked).toBeGreaterThan(200);
    expect(refused).toBeLessThan(checked / 10);
  });
});

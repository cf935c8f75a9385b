import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Problem } from '../domain/problems.ts';
import type { LocatedIncident } from '../domain/rules/index.ts';
import { UpdateSchema, type Incident, type Update } from '../domain/schema/index.ts';
import { parseIncidentFile } from './parse-files.ts';
import { splitFrontMatter } from './source-file.ts';
import { updateData, updateFlow, updateLines, type NewUpdate } from '../domain/incident-text.ts';

/**
 * `text` is the file with the update inserted. `problem` is set when no
 * insertion reads back, through the validator, as the old updates plus exactly
 * the new one; such a text must not be written.
 */
export interface AppendResult {
  text: string;
  problem?: Problem | undefined;
}

const encoder = new TextEncoder();

/** The validator's reading of a file: the same decoder, front-matter splitter, YAML reader and schema. */
export function readAsValidator(file: string, text: string): ReturnType<typeof parseIncidentFile> {
  return parseIncidentFile(file, encoder.encode(text));
}

/** True when `after` is `before` with `expected` appended to its updates and nothing else changed. */
export function isOneUpdateAppended(before: Incident, after: Incident, expected: Update): boolean {
  const { updates: oldUpdates, ...oldRest } = before;
  const { updates: newUpdates, ...newRest } = after;
  return (
    isDeepStrictEqual(oldRest, newRest) &&
    newUpdates.length === oldUpdates.length + 1 &&
    oldUpdates.every((update, index) => isDeepStrictEqual(update, newUpdates[index])) &&
    isDeepStrictEqual(newUpdates.at(-1), expected)
  );
}

function lineStarts(text: string, lineBreak: RegExp): number[] {
  const starts = [0];
  for (const match of text.matchAll(lineBreak)) starts.push(match.index + match[0].length);
  return starts;
}

/** How many bytes of re-reading the fallback search may spend. */
const fallbackBytes = 2_000_000;

/** One place where text could go: a source offset and the text to put there. */
interface Insertion {
  offset: number;
  text: string;
}

/**
 * Where the new update could go, best first, found with the validator's own
 * front-matter splitter and the `yaml` reader the validator uses for
 * positions. Block lists: every line start from the end of the last item to
 * the next key (or the closing `---`); flow lists: right after the last item.
 */
function candidateInsertions(
  file: string,
  source: string,
  update: NewUpdate,
): { best: Insertion[]; fallback: Insertion[] } {
  const split = splitFrontMatter(file, source);
  if (!split.ok) return { best: [], fallback: [] };
  const yaml = split.value.yaml;
  const sourceLines = lineStarts(source, /\r?\n/g);
  const yamlLines = lineStarts(yaml, /\n/g);
  const yamlLineOffset = split.value.yamlLineOffset;
  /** Source offset of YAML line `index`; one past the last YAML line is the closing `---`. */
  const sourceLineStart = (index: number) => sourceLines[index + yamlLineOffset]!;
  const lineOf = (offset: number) => yamlLines.findLastIndex((start) => start <= offset);
  const toSource = (offset: number) => {
    const line = lineOf(offset);
    return sourceLineStart(line) + offset - yamlLines[line]!;
  };
  const lineBreakBefore = (offset: number) => (source.slice(offset - 2, offset) === '\r\n' ? '\r\n' : '\n');
  const closingLine = yamlLines.length;
  const blockAt = (line: number, indent: string): Insertion => {
    const offset = sourceLineStart(line);
    return { offset, text: updateLines(update, indent, lineBreakBefore(offset)) };
  };
  // Where `yaml` and the validator's fast reader (js-yaml) disagree, as on a quoted title continued
  // on a line starting "---", line starts are tried from the bottom up, indented like the last
  // "- at:" item, then places right after a closing brace (flow lists). Each try is a full read
  // of the file, so a budget keeps a large file from taking more than a second or two.
  const lastItemIndent = [...yaml.matchAll(/^( *)-[ \t]+at:/gm)].at(-1)?.[1] ?? '  ';
  const fallback = () => [
    ...Array.from({ length: closingLine }, (_, index) => blockAt(closingLine - index, lastItemIndent)),
    ...[...yaml.matchAll(/\}/g)].reverse().map((brace) => ({
      offset: toSource(brace.index + 1),
      text: `, ${updateFlow(update)}`,
    })),
  ];
  const fallbackBudget = Math.min(400, Math.max(10, Math.floor(fallbackBytes / Math.max(1, source.length))));
  const found = (best: Insertion[]) => ({ best, fallback: [] });

  const document = parseDocument(yaml, { uniqueKeys: true });
  const root = document.contents;
  if (document.errors.length > 0) return { best: [], fallback: fallback().slice(0, fallbackBudget) };
  if (!isMap(root)) return found([]);
  const index = root.items.findIndex((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === 'updates');
  if (index === -1) {
    const offset = sourceLineStart(closingLine);
    const eol = lineBreakBefore(offset);
    return found([{ offset, text: `updates:${eol}${updateLines(update, '  ', eol)}` }]);
  }
  const seq = root.items[index]!.value;
  if (!isSeq(seq) || !seq.range) return found([]);
  const last = seq.items.at(-1) as Node | undefined;
  if (seq.flow) {
    if (!last?.range) return found([{ offset: toSource(seq.range[0] + 1), text: updateFlow(update) }]);
    return found([{ offset: toSource(last.range[1]), text: `, ${updateFlow(update)}` }]);
  }
  if (!last?.range) return found([]);
  const dashLine = lineOf(seq.range[0]);
  const indent = ' '.repeat(seq.range[0] - yamlLines[dashLine]!);
  const end = last.range[1];
  const firstLine = yamlLines[lineOf(end)] === end ? lineOf(end) : lineOf(end) + 1;
  const nextKey = root.items[index + 1]?.key as Node | undefined;
  const lastLine = nextKey?.range ? lineOf(nextKey.range[0]) : closingLine;
  const insertions: Insertion[] = [];
  for (let line = firstLine; line <= lastLine; line++) insertions.push(blockAt(line, indent));
  return found(insertions);
}

/**
 * Inserts `update` after the last update of an incident file's text, changing
 * no existing byte: the result is always `source` with one piece of text
 * inserted. Each candidate place is read back with the validator's reader, and
 * the first that reads as the old incident plus exactly the new update at the
 * end wins. Expects `source` to parse (check with `readAsValidator` first).
 */
export function insertUpdate(file: string, source: string, update: NewUpdate): AppendResult {
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  const before = readAsValidator(file, source);
  const expected = UpdateSchema.safeParse(updateData(update));
  const { best, fallback } = candidateInsertions(file, text, update);
  const build = ({ offset, text: inserted }: Insertion) => bom + text.slice(0, offset) + inserted + text.slice(offset);
  if (before.ok && expected.success) {
    for (const insertion of [...best, ...fallback]) {
      const result = build(insertion);
      const after = readAsValidator(file, result);
      if (after.ok && isOneUpdateAppended(before.value.value, after.value.value, expected.data))
        return { text: result };
    }
  }
  return {
    text: build(best[0] ?? fallback.at(-1) ?? { offset: 0, text: '' }),
    problem: notAppendable(file, before.ok ? before.value : undefined),
  };
}

function notAppendable(file: string, incident: LocatedIncident | undefined): Problem {
  const position = incident?.locate(['updates'], 'key') ?? { line: 1, column: 1 };
  return {
    file,
    severity: 'error',
    ...position,
    code: 'UpdateNotAppendable',
    message:
      'The new update cannot be added after the last one without changing how the existing updates read, so the command will not write it.',
    hint: 'Add the update by hand at the end of the "updates:" list (see "An incident" in docs/authoring.md), then run npm run validate.',
  };
}

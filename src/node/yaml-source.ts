import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import type { Locate, Position, Problem } from '../domain/problems.ts';

/** YAML with more aliases than this is treated as a resource-exhaustion attack ("billion laughs"). */
const maxAliasCount = 100;

export interface ParsedYaml {
  data: unknown;
  locate: Locate;
}

function positionOf(lineCounter: LineCounter, offset: number, lineOffset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, column: col };
}

/** Finds the YAML node for a data path; returns the deepest node reached and whether it was a key. */
function nodeAt(document: Document, path: readonly (string | number)[], part: 'key' | 'value'): Node | undefined {
  let node: unknown = document.contents;
  let found: Node | undefined = node as Node | undefined;
  for (let index = 0; index < path.length; index++) {
    const key = path[index];
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key),
      );
      if (!pair) return found;
      if (last && part === 'key') return pair.key as Node;
      found = (pair.value ?? pair.key) as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) return found;
      found = isPair(item) ? (item.key as Node) : (item as Node);
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

/**
 * Anchors, aliases and tags can only start a node: at a line start, after a
 * list dash, after "key: " or inside a flow collection. Markdown such as
 * "we fixed **this**" mid-text does not count.
 */
const nodeProperty = /(?:^[ \t]*(?:[-?][ \t]+)*|[:?][ \t]+|[[{,][ \t]*)[&*!]/m;

/**
 * The fast path: js-yaml with the YAML 1.2 core schema (no timestamps, like
 * `yaml`) is about eight times faster. It is only used for documents without
 * anchors, aliases or tags, so alias limits still apply; any error or any
 * later problem falls back to `yaml`, which knows positions.
 */
function loadWithoutPositions(source: string): { ok: true; data: unknown } | { ok: false } {
  if (nodeProperty.test(source)) return { ok: false };
  try {
    return { ok: true, data: loadFast(source, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

/** A document whose first character starts a plain key (no comment, blank line, directive or marker first). */
const plainKeyFirst = /^[A-Za-z0-9_]/;

/**
 * Parses YAML that starts `lineOffset` lines into its file, keeping positions
 * so problems point at the offending key or list item.
 */
export function parseYamlWithPositions(
  file: string,
  source: string,
  lineOffset: number,
): { ok: true; value: ParsedYaml } | { ok: false; problems: Problem[] } {
  const fast = loadWithoutPositions(source);
  if (fast.ok) {
    let slow: ParsedYaml | undefined;
    const locate: Locate = (path, part) => {
      // The whole document (a warning about the incident as such) starts at its first key: when that
      // is the first character, `yaml` would say the same, without parsing the file a second time.
      if (path.length === 0 && plainKeyFirst.test(source)) return { line: lineOffset + 1, column: 1 };
      if (!slow) {
        const parsed = parseWithYaml(file, source, lineOffset);
        // The two parsers disagree only on exotic YAML; then the document start is the best we know.
        slow = parsed.ok ? parsed.value : { data: fast.data, locate: () => ({ line: lineOffset + 1, column: 1 }) };
      }
      return slow.locate(path, part);
    };
    return { ok: true, value: { data: fast.data, locate } };
  }
  return parseWithYaml(file, source, lineOffset);
}

function parseWithYaml(
  file: string,
  source: string,
  lineOffset: number,
): { ok: true; value: ParsedYaml } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    const seenLines = new Set<number>();
    return {
      ok: false,
      problems: document.errors.flatMap((error) => {
        const duplicate = error.code === 'DUPLICATE_KEY';
        // An unclosed quote is reported where scanning stopped; the author needs the line it opened on.
        const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
        const offset = quote ? Math.max(0, source.lastIndexOf(quote, error.pos[0] - 1)) : error.pos[0];
        const position = positionOf(lineCounter, offset, lineOffset);
        if (seenLines.has(position.line)) return [];
        seenLines.add(position.line);
        return {
          file,
          severity: 'error' as const,
          ...position,
          code: duplicate ? 'DuplicateKey' : 'YamlSyntax',
          message: duplicate
            ? 'This key appears twice in the same mapping.'
            : `The YAML cannot be read: ${error.message.split('\n')[0]}`,
          hint: duplicate
            ? 'Keep one of the two and delete the other.'
            : 'Check indentation (spaces, not tabs), quote text containing ": " or "#", and close every quote and bracket.',
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount });
  } catch (error) {
    const bomb = error instanceof ReferenceError || /alias/i.test(String(error));
    return {
      ok: false,
      problems: [
        {
          file,
          severity: 'error',
          line: 1 + lineOffset,
          column: 1,
          code: bomb ? 'YamlAliasLimit' : 'YamlSyntax',
          message: bomb
            ? `The YAML expands aliases more than ${maxAliasCount} times, which looks like a resource-exhaustion attack.`
            : `The YAML cannot be read: ${String(error)}`,
          hint: bomb ? 'Write the values out instead of using anchors (&) and aliases (*).' : 'Fix the YAML syntax.',
        },
      ],
    };
  }
  const locate: Locate = (path, part = 'value') => {
    const node = nodeAt(document, path, part);
    const offset = node?.range?.[0] ?? 0;
    return positionOf(lineCounter, offset, lineOffset);
  };
  return { ok: true, value: { data, locate } };
}

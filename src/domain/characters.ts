import type { Locate, Position, Problem } from './problems.ts';
import { controlCharacterPattern, invisibleCharacterPattern } from './text-safety.ts';

const characterNames: Record<number, string> = {
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0xfffe: 'noncharacter',
  0xffff: 'noncharacter',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x2060: 'word joiner',
  0xfeff: 'zero width no-break space',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** `U+000B (vertical tab)`. */
export function describeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  const name =
    characterNames[code] ??
    (code < 0x20 ? 'control character' : code < 0xa0 ? 'C1 control character' : 'lone surrogate');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`;
}

const controlHint =
  'Delete it, or retype the text by hand: pasted from a slide deck? PowerPoint and Keynote use U+000B for line breaks, and other tools leave similar invisible characters.';

/** Offset → 1-based line and column (UTF-16 units), counting only LF as a line break, as the YAML reader does. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Line and column → offset; the inverse of positionAt. */
function offsetAt(text: string, { line, column }: Position): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * Every control character written as such anywhere in a file (front matter,
 * comments, body), at its exact line and column; one problem per line.
 */
export function findControlCharacters(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const global = new RegExp(controlCharacterPattern.source, 'g');
  let lastLine = 0;
  for (const match of text.matchAll(global)) {
    const position = positionAt(text, match.index);
    if (position.line === lastLine) continue;
    lastLine = position.line;
    problems.push({
      file,
      severity: 'error',
      ...position,
      code: 'ControlCharacter',
      message: `Line ${position.line} contains the invisible control character ${describeCharacter(match[0])}, which feeds, calendars and badges cannot carry.`,
      hint: controlHint,
    });
  }
  return problems;
}

const namedEscapes: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', N: '\x85' };

/** Where `char` first appears after `from`, written as itself or as a YAML double-quoted escape. */
function findWritten(text: string, from: number, char: string): { offset: number; escaped: boolean } | undefined {
  const raw = text.indexOf(char, from);
  const escapes = /\\(\\|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0abefvN])/g;
  escapes.lastIndex = from;
  for (let match = escapes.exec(text); match; match = escapes.exec(text)) {
    if (raw !== -1 && match.index > raw) break;
    const body = match[1]!;
    const value = body.length === 1 ? namedEscapes[body] : String.fromCharCode(parseInt(body.slice(1), 16));
    if (value === char) return { offset: match.index, escaped: true };
  }
  return raw === -1 ? undefined : { offset: raw, escaped: false };
}

function isAscii(char: string | undefined): boolean {
  return char === undefined || char.charCodeAt(0) < 0x80;
}

/** The first invisible spoofing character in a name or title, if any. */
function firstInvisible(value: string): string | undefined {
  for (const match of value.matchAll(invisibleCharacterPattern)) {
    const char = match[0];
    if (char !== '\u200C' && char !== '\u200D') return char;
    if (isAscii(value[match.index - 1]) || isAscii(value[match.index + 1])) return char;
  }
  return undefined;
}

function walkStrings(
  data: unknown,
  path: (string | number)[],
  visit: (value: string, path: (string | number)[]) => void,
) {
  if (typeof data === 'string') visit(data, path);
  else if (Array.isArray(data)) data.forEach((item, index) => walkStrings(item, [...path, index], visit));
  else if (data !== null && typeof data === 'object')
    for (const [key, value] of Object.entries(data)) walkStrings(value, [...path, key], visit);
}

function fieldName(path: readonly (string | number)[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Checks every text value of parsed YAML: control characters that reached a
 * value through escapes such as "\u0001" (those written as themselves are
 * reported by findControlCharacters), and invisible characters in any `name`
 * or `title` (a warning). `source` is the text `locate` counts lines in.
 */
export function checkTextValues(file: string, source: string, data: unknown, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  walkStrings(data, [], (value, path) => {
    const control = controlCharacterPattern.exec(value)?.[0];
    const key = path[path.length - 1];
    const invisible = key === 'title' || key === 'name' ? firstInvisible(value) : undefined;
    for (const char of [control, invisible]) {
      if (char === undefined) continue;
      const start = offsetAt(source, locate(path));
      const written = findWritten(source, start, char);
      if (char === control && written && !written.escaped) continue;
      const position = written ? positionAt(source, written.offset) : locate(path);
      problems.push(
        char === control
          ? {
              file,
              severity: 'error',
              ...position,
              code: 'ControlCharacter',
              message: `${fieldName(path)} contains the invisible control character ${describeCharacter(char)}${written?.escaped ? ', written as an escape' : ''}, which feeds, calendars and badges cannot carry.`,
              hint: controlHint,
            }
          : {
              file,
              severity: 'warning',
              ...position,
              code: 'InvisibleCharacter',
              message: `${fieldName(path)} contains ${describeCharacter(char)}, an invisible character that can make it display differently from what it says.`,
              hint: 'Delete it: names and titles read the same without it. Right-to-left words need no override characters.',
            },
      );
    }
  });
  return problems;
}

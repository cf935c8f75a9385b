import type { Problem } from '../domain/problems.ts';

/** Larger files are refused before parsing: no status update needs a megabyte. */
export const maxFileBytes = 1024 * 1024;

function problem(file: string, line: number, code: string, message: string, hint: string): Problem {
  return { file, severity: 'error', line, column: 1, code, message, hint };
}

/** Decodes a file's bytes as UTF-8 text, refusing what no author meant to write. */
export function decodeSourceFile(
  file: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  if (bytes.byteLength > maxFileBytes) {
    return {
      ok: false,
      problem: problem(
        file,
        1,
        'FileTooLarge',
        `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB.`,
        'Keep the incident to its front matter and a postmortem; link to long documents instead of pasting them.',
      ),
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = 1 + bytes.subarray(0, nul).filter((byte) => byte === 10).length;
    return {
      ok: false,
      problem: problem(
        file,
        line,
        'BinaryFile',
        'The file contains a NUL byte, so it is binary, not text.',
        'Replace it with a UTF-8 markdown file.',
      ),
    };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    // Binary search for the shortest prefix that is already invalid, to name its line.
    let valid = 0;
    let end = bytes.length;
    while (end - valid > 1) {
      const middle = (valid + end) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
        valid = middle;
      } catch {
        end = middle;
      }
    }
    const line = 1 + bytes.subarray(0, end).filter((byte) => byte === 10).length;
    return {
      ok: false,
      problem: problem(
        file,
        line,
        'InvalidEncoding',
        'The file is not valid UTF-8 text.',
        'Save the file as UTF-8 in your editor ("Save with encoding: UTF-8").',
      ),
    };
  }
}

export interface FrontMatter {
  yaml: string;
  /** Lines before the YAML starts (the opening `---`). */
  yamlLineOffset: number;
  body: string;
}

/** Splits `---\nYAML\n---\nbody`. */
export function splitFrontMatter(
  file: string,
  text: string,
): { ok: true; value: FrontMatter } | { ok: false; problem: Problem } {
  if (text.trim() === '') {
    return {
      ok: false,
      problem: problem(
        file,
        1,
        'EmptyFile',
        'The file is empty.',
        'Start from a template: npm run incident:new, or copy an example from docs/authoring.md.',
      ),
    };
  }
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    return {
      ok: false,
      problem: problem(
        file,
        1,
        'MissingFrontMatter',
        'The file does not start with front matter.',
        'Put "---" on the first line, the YAML fields (title, impact, components, updates), then "---" on its own line.',
      ),
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (close === -1) {
    return {
      ok: false,
      problem: problem(
        file,
        1,
        'UnclosedFrontMatter',
        'The front matter opened with "---" on line 1 is never closed.',
        'Add a line with just "---" after the last YAML field.',
      ),
    };
  }
  return {
    ok: true,
    value: {
      yaml: lines.slice(1, close).join('\n'),
      yamlLineOffset: 1,
      body: lines
        .slice(close + 1)
        .join('\n')
        .trim(),
    },
  };
}

import { ImportError } from '../../domain/import/model.ts';

/** Deeper than any status page's JSON; deeper documents are refused before they are parsed. */
const maxDepth = 64;
/** Keys that could reach an object's prototype: never in a status page, refused wherever they are. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep `[` and `{` nest, outside strings; stops counting past `maxDepth`. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92) index++;
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      if (++depth > deepest && (deepest = depth) > maxDepth) return deepest;
    } else if (char === 125 || char === 93) depth--;
  }
  return deepest;
}

/** The place of a forbidden key, as `incidents[3] (id "x").incident_updates[0]`, or undefined. */
function findForbiddenKey(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findForbiddenKey(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const named = typeof record.id === 'string' && record.id.length <= 64 ? `${path} (id "${record.id}")` : path;
    for (const key of Object.keys(record)) {
      if (forbiddenKeys.has(key)) return `${named || 'the document'} has the key "${key}"`;
      const found = findForbiddenKey(record[key], named ? `${named}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A JSON document from a status page, checked before anything reads it: HTML where JSON was
 * expected, truncated text, nesting past 64 levels and prototype keys stop with the source named.
 */
export function parseJsonDocument(location: string, text: string): unknown {
  const start = text.trimStart()[0];
  const refuse = (message: string, hint: string) => {
    throw new ImportError(location, 'the document', message, hint, 'ImportSourceNotJson');
  };
  if (start === '<')
    refuse(
      'is HTML, not JSON.',
      'Give the status page address (https://status.example.com), or a folder holding api/v2/incidents.json.',
    );
  if (start !== '{' && start !== '[') refuse('is not JSON.', 'Check the address or file.');
  if (nestingDepth(text) > maxDepth)
    refuse(`nests deeper than ${maxDepth} levels, which no status page does.`, 'Check the source.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    refuse(`cannot be read as JSON (${(error as Error).message}); it may be truncated.`, 'Fetch it again.');
  }
  const forbidden = findForbiddenKey(data, '');
  if (forbidden)
    throw new ImportError(
      location,
      `the record at ${forbidden.replace(/ has the key.*$/, '')}`,
      `${forbidden.replace(/^.* has/, 'has')}, which no status page writes.`,
      'Nothing was written. Check where this document comes from.',
      'ImportSourceHostile',
    );
  return data;
}

import type { z } from 'zod';
import type { Locate, Problem } from './problems.ts';
import { quoteList, suggestClosest } from './suggest.ts';

type Path = (string | number)[];

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value}"`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys to values',
  boolean: 'true or false',
  number: 'a number',
};

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/** Picks the union branch that got furthest: for a mapping the object branch, else the first. */
function unionBranch(issue: z.core.$ZodIssueInvalidUnion, data: unknown, base: Path): z.core.$ZodIssue[] {
  const value = valueAt(data, [...base]);
  const branches = issue.errors;
  const wantsObject = value !== null && typeof value === 'object';
  const branch = branches.find((issues) =>
    issues.every((inner) => !(inner.code === 'invalid_type' && inner.path.length === 0)),
  );
  return branch ?? (wantsObject ? branches[branches.length - 1] : branches[0]) ?? [];
}

/**
 * Turns zod's issues into problems people can act on: quoting the bad value,
 * listing allowed words with the nearest one, pointing at the key's line.
 */
export function problemsFromZod(
  file: string,
  error: z.ZodError,
  data: unknown,
  locate: Locate,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const visit = (issues: readonly z.core.$ZodIssue[], base: Path) => {
    for (const issue of issues) {
      const path = [...base, ...(issue.path as Path)];
      const at = (part: 'key' | 'value' = 'value') => ({ file, severity: 'error' as const, ...locate(path, part) });
      const field = dotted(path) || 'the front matter';
      const value = valueAt(data, path);
      switch (issue.code) {
        case 'invalid_union':
          visit(unionBranch(issue, data, path), path);
          break;
        case 'unrecognized_keys':
          for (const key of issue.keys) {
            const allowed = knownKeys(path);
            const suggestion = suggestClosest(key, allowed);
            problems.push({
              file,
              severity: 'error',
              ...locate([...path, key], 'key'),
              code: 'UnknownKey',
              message: `"${key}" is not a known key${path.length ? ` in ${field}` : ''}.`,
              hint: suggestion
                ? `Did you mean "${suggestion}"? Rename "${key}:" to "${suggestion}:".`
                : `Remove it, or use one of: ${quoteList(allowed)}.`,
            });
          }
          break;
        case 'invalid_value': {
          const allowed = issue.values.map(String);
          const suggestion = typeof value === 'string' ? suggestClosest(value, allowed) : undefined;
          const key = String(path[path.length - 1] ?? 'value');
          problems.push({
            ...at(),
            code: `Invalid${key === 'status' ? 'Status' : key === 'impact' ? 'Impact' : key === 'kind' ? 'Kind' : 'Value'}`,
            message: `${field} is ${describe(value)}, which is not one of ${quoteList(allowed)}.`,
            hint: suggestion
              ? `Did you mean "${suggestion}"? Write "${key}: ${suggestion}".`
              : `Use one of: ${quoteList(allowed)}.`,
          });
          break;
        }
        case 'invalid_type':
          if (value === undefined) {
            problems.push({
              ...at(),
              ...locate(path.slice(0, -1), 'key'),
              code: 'MissingField',
              message: `${field} is required but missing.`,
              hint: `Add "${String(path[path.length - 1])}:" ${path.length > 1 ? `under ${dotted(path.slice(0, -1))}` : 'to the front matter'}.`,
            });
          } else {
            problems.push({
              ...at(),
              code: 'InvalidType',
              message: `${field} should be ${expectedWords[issue.expected] ?? issue.expected}, but it is ${describe(value)}.`,
              hint:
                issue.expected === 'string' && value !== null && typeof value !== 'object'
                  ? `Put the value in quotes: "${JSON.stringify(value)}".`
                  : `Write ${field} as ${expectedWords[issue.expected] ?? issue.expected}; see docs/authoring.md.`,
            });
          }
          break;
        case 'too_small':
          problems.push({
            ...at(),
            code: issue.origin === 'array' ? 'EmptyList' : 'EmptyValue',
            message: `${field} is empty.`,
            hint:
              issue.origin === 'array'
                ? `Add at least ${String(issue.minimum)} item.`
                : path.includes('translations')
                  ? `Write the translation, or remove "${String(path[path.length - 1])}:" to show the original text in that language.`
                  : `Write a value for ${field}.`,
          });
          break;
        case 'invalid_format':
          problems.push({
            ...at(),
            code: 'InvalidFormat',
            message: `${field} is ${describe(value)}, which is not in the expected format.`,
            hint:
              path[path.length - 1] === 'base_path'
                ? 'Write a path that starts and ends with "/", for example "/status/".'
                : 'See docs/authoring.md for the format.',
          });
          break;
        case 'custom': {
          const params = (issue.params ?? {}) as { code?: string; hint?: string };
          problems.push({
            ...at(),
            code: params.code ?? 'InvalidValue',
            message: issue.message,
            hint: params.hint ?? '',
          });
          break;
        }
        default:
          problems.push({
            ...at(),
            code: 'InvalidValue',
            message: `${field}: ${issue.message}.`,
            hint: 'See docs/authoring.md for the format.',
          });
      }
    }
  };
  visit(error.issues, []);
  return problems;
}

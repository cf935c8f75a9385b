import type { z } from 'zod';
import { checkTextValues, findControlCharacters } from '../domain/characters.ts';
import type { Locate, Problem } from '../domain/problems.ts';
import { allowedKeysAt } from '../domain/schema-keys.ts';
import { ComponentsFileSchema, IncidentSchema, type Incident } from '../domain/schema/index.ts';
import type { LocatedComponentsFile, LocatedIncident } from '../domain/rules/index.ts';
import { problemsFromZod } from '../domain/zod-problems.ts';
import { decodeSourceFile, splitFrontMatter } from './source-file.ts';
import { parseYamlWithPositions } from './yaml-source.ts';

/** On a schema failure, the YAML that did parse, so the other rules can still look at it. */
export interface Unparsed {
  data: unknown;
  locate: Locate;
}

/**
 * On success, `problems` holds what does not stop the file from being read
 * (control characters, invisible characters); callers must still report them.
 */
type Parsed<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[]; unparsed?: Unparsed };

/** Adds the character problems found so far to a result, keeping its verdict. */
function withCharacters<T>(characters: Problem[], parsed: Parsed<T>): Parsed<T> {
  return { ...parsed, problems: [...characters, ...parsed.problems] };
}

function parseWithSchema<S extends z.ZodType>(
  file: string,
  schema: S,
  data: unknown,
  locate: Locate,
): Parsed<z.output<S>> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problems: [
        {
          file,
          severity: 'error',
          ...locate([]),
          code: 'NotAMapping',
          message: `The YAML is ${data === null || data === undefined ? 'empty' : Array.isArray(data) ? 'a list' : 'a single value'}, not a mapping of fields.`,
          hint: 'Write one "key: value" per line, for example "title: Elevated API error rates".',
        },
      ],
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data, problems: [] };
  return {
    ok: false,
    problems: problemsFromZod(file, result.error, data, locate, (path) => allowedKeysAt(schema, path)),
    unparsed: { data, locate },
  };
}

/** `incidents/2026-11-20-api.md` → `2026-11-20-api`. */
export function slugOfFile(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.md$/, '');
}

/** Bytes of an incident file → the model's incident with a locator, or every problem found. */
export function parseIncidentFile(file: string, bytes: Uint8Array): Parsed<LocatedIncident> {
  const decoded = decodeSourceFile(file, bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const characters = findControlCharacters(file, decoded.text);
  const split = splitFrontMatter(file, decoded.text);
  if (!split.ok) return { ok: false, problems: [...characters, split.problem] };
  const yaml = parseYamlWithPositions(file, split.value.yaml, split.value.yamlLineOffset);
  if (!yaml.ok) return withCharacters(characters, yaml);
  characters.push(...checkTextValues(file, decoded.text, yaml.value.data, yaml.value.locate));
  const parsed = parseWithSchema(file, IncidentSchema, yaml.value.data, yaml.value.locate);
  if (!parsed.ok) return withCharacters(characters, parsed);
  const incident: Incident = { ...parsed.value, slug: slugOfFile(file), file, body: split.value.body };
  return { ok: true, value: { value: incident, locate: yaml.value.locate }, problems: characters };
}

/** Bytes of components.yml → the page, groups and components with a locator, or every problem found. */
export function parseComponentsFile(file: string, bytes: Uint8Array): Parsed<LocatedComponentsFile> {
  const decoded = decodeSourceFile(file, bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const characters = findControlCharacters(file, decoded.text);
  const yaml = parseYamlWithPositions(file, decoded.text, 0);
  if (!yaml.ok) return withCharacters(characters, yaml);
  characters.push(...checkTextValues(file, decoded.text, yaml.value.data, yaml.value.locate));
  const parsed = parseWithSchema(file, ComponentsFileSchema, yaml.value.data, yaml.value.locate);
  if (!parsed.ok) return withCharacters(characters, parsed);
  return { ok: true, value: { file, value: parsed.value, locate: yaml.value.locate }, problems: characters };
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../domain/history.ts';
import type { Locate, Problem } from '../domain/problems.ts';
import {
  checkComponentsFile,
  checkIncident,
  checkSlugs,
  checkUnparsedIncident,
  type LocatedIncident,
} from '../domain/rules.ts';
import type { ComponentsFile, Incident } from '../domain/schema.ts';
import { decodeSourceFile, maxFileBytes, splitFrontMatter } from './source-file.ts';
import { parseYamlWithPositions } from './yaml-source.ts';
import { parseComponentsFile, parseIncidentFile, slugOfFile } from './parse-files.ts';

export const componentsFileName = 'components.yml';
export const incidentsDirName = 'incidents';

export interface Repository {
  components: ComponentsFile;
  incidents: Incident[];
}

export interface LoadResult {
  /** Present when the files parsed; check `problems` for errors before using it. */
  repository?: Repository;
  /** What parsed, with positions: the head side of a history check. */
  snapshot: Snapshot;
  /** How many incident files were read, valid or not. */
  fileCount: number;
  problems: Problem[];
}

/** Reads a file, refusing giant ones by size before reading them into memory. */
function readBytes(path: string): Uint8Array {
  const size = statSync(path).size;
  return size > maxFileBytes ? new Uint8Array(size) : readFileSync(path);
}

/** Incident files are `incidents/*.md`; a README there is documentation, not an incident. */
export function isIncidentFileName(name: string): boolean {
  return name.endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** The incident files, sorted by name; subfolders (templates) are not incidents. */
export function listIncidentFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, incidentsDirName));
  } catch {
    return [];
  }
  return names
    .filter(isIncidentFileName)
    .sort()
    .map((name) => `${incidentsDirName}/${name}`);
}

/**
 * Loads and checks every content file under `root` at the build clock `now`.
 * The validator and the site build both call this: one path, one verdict.
 * `overrides` stands in for files on disk (the authoring commands check a
 * change before writing it).
 */
export function loadRepository(
  root: string,
  now: number,
  overrides: ReadonlyMap<string, Uint8Array> = new Map(),
): LoadResult {
  const problems: Problem[] = [];
  let componentsBytes: Uint8Array;
  try {
    componentsBytes = readBytes(join(root, componentsFileName));
  } catch {
    return {
      problems: [
        {
          file: componentsFileName,
          severity: 'error',
          line: 1,
          column: 1,
          code: 'MissingComponentsFile',
          message: `There is no ${componentsFileName} in ${root}.`,
          hint: 'Create it with page, groups and components; see docs/authoring.md.',
        },
      ],
      snapshot: { incidents: [], slugs: new Set() },
      fileCount: 0,
    };
  }
  const componentsFile = parseComponentsFile(componentsFileName, componentsBytes);
  if (componentsFile.ok) problems.push(...checkComponentsFile(componentsFile.value));
  else problems.push(...componentsFile.problems);

  const files = [...new Set([...listIncidentFiles(root), ...overrides.keys()])].sort();
  problems.push(...checkSlugs(files.map((file) => ({ file, slug: slugOfFile(file) }))));
  const located: LocatedIncident[] = [];
  const unparsed: { file: string; data: unknown; locate: Locate }[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = overrides.get(file) ?? readBytes(join(root, file));
    } catch (error) {
      problems.push({
        file,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'UnreadableFile',
        message: `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        hint: 'Make it a regular, readable markdown file, or remove it from incidents/.',
      });
      continue;
    }
    const parsed = parseIncidentFile(file, bytes);
    if (parsed.ok) located.push(parsed.value);
    else {
      problems.push(...parsed.problems);
      if (parsed.unparsed) unparsed.push({ file, ...parsed.unparsed });
    }
  }
  const snapshot: Snapshot = {
    components: componentsFile.ok ? componentsFile.value : undefined,
    incidents: located,
    slugs: new Set(files.map(slugOfFile)),
  };
  if (!componentsFile.ok) return { problems, snapshot, fileCount: files.length };
  const known = new Set(componentsFile.value.value.components.map((component) => component.id));
  for (const incident of located) problems.push(...checkIncident(incident, known, now, componentsFile.value.value));
  for (const { file, data, locate } of unparsed) problems.push(...checkUnparsedIncident(file, data, locate, known));
  return {
    repository: { components: componentsFile.value.value, incidents: located.map((incident) => incident.value) },
    problems,
    snapshot,
    fileCount: files.length,
  };
}

/**
 * The front matter of every incident file as authors wrote it, keyed by slug,
 * for Astro's content collection (which applies IncidentSchema itself). Runs
 * after the build's validation, so the files are known to parse.
 */
export function readIncidentFrontMatter(root: string): Record<string, Record<string, unknown>> {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const file of listIncidentFiles(root)) {
    const decoded = decodeSourceFile(file, readBytes(join(root, file)));
    const split = decoded.ok ? splitFrontMatter(file, decoded.text) : undefined;
    const yaml = split?.ok ? parseYamlWithPositions(file, split.value.yaml, split.value.yamlLineOffset) : undefined;
    if (yaml?.ok) entries[slugOfFile(file)] = yaml.value.data as Record<string, unknown>;
  }
  return entries;
}

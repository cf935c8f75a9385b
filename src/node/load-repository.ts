import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../domain/history.ts';
import type { Locate, Problem } from '../domain/problems.ts';
import {
  checkComponentsFile,
  checkComponentStatuspageIds,
  checkIncident,
  checkIncidentAudiences,
  checkIncidentStatuspageIds,
  checkUnparsedComponentsFile,
  checkSlugs,
  checkUnparsedIncident,
  type LocatedComponentsFile,
  type LocatedIncident,
} from '../domain/rules/index.ts';
import type { ComponentsFile, Incident } from '../domain/schema/index.ts';
import { nonRegularFileProblem, readRegularFile } from './regular-file.ts';
import { parseComponentsFile, parseIncidentFile, slugOfFile } from './parse-files.ts';
import { checkPublicFolder } from './public-folder.ts';

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

/** Incident files are `incidents/*.md`; a README there is documentation, not an incident. */
export function isIncidentFileName(name: string): boolean {
  return name.endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** Names in incidents/, or none when it is missing or a symbolic link (loadRepository refuses that). */
function readIncidentDirNames(root: string): string[] {
  try {
    if (lstatSync(join(root, incidentsDirName)).isSymbolicLink()) return [];
    return readdirSync(join(root, incidentsDirName));
  } catch {
    return [];
  }
}

/**
 * The incident files, sorted by name; subfolders (templates) are not incidents.
 * A symbolic link in place of incidents/ lists nothing here; loadRepository refuses it.
 */
export function listIncidentFiles(root: string): string[] {
  return readIncidentDirNames(root)
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
  const components = loadComponentsFile(root, problems);
  problems.push(
    ...refuseLinkedIncidentsFolder(root),
    ...warnSkippedMarkdown(root),
    ...checkPublicFolder(root, components.parsed?.value.page),
  );

  const files = [...new Set([...listIncidentFiles(root), ...overrides.keys()])].sort();
  problems.push(...checkSlugs(files.map((file) => ({ file, slug: slugOfFile(file) }))));
  const located: LocatedIncident[] = [];
  const unparsed: { file: string; data: unknown; locate: Locate }[] = [];
  for (const file of files) {
    const override = overrides.get(file);
    // A proposed change to a file that is a link on disk is refused too: writing it would follow the link.
    const linked = override && nonRegularFileProblem(file, join(root, file));
    const read = linked
      ? { ok: false as const, problem: linked }
      : override
        ? { ok: true as const, bytes: override }
        : readRegularFile(file, join(root, file));
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseIncidentFile(file, read.bytes);
    problems.push(...parsed.problems);
    if (parsed.ok) located.push(parsed.value);
    else if (parsed.unparsed) unparsed.push({ file, ...parsed.unparsed });
  }
  const snapshot: Snapshot = {
    components: components.parsed,
    incidents: located,
    slugs: new Set(files.map(slugOfFile)),
  };
  // Incidents are checked against whatever component ids could be read, so one run reports everything.
  const known = components.componentIds;
  for (const incident of located) {
    const found = checkIncident(incident, known, now, components.parsed?.value);
    problems.push(...found, ...checkIncidentAudiences(incident, components.parsed?.value, now, found));
  }
  problems.push(...checkIncidentStatuspageIds(located));
  const languages = components.parsed?.value.page.languages;
  for (const { file, data, locate } of unparsed)
    problems.push(...checkUnparsedIncident(file, data, locate, known, languages));
  if (!components.parsed) return { problems, snapshot, fileCount: files.length };
  return {
    repository: { components: components.parsed.value, incidents: located.map((incident) => incident.value) },
    problems,
    snapshot,
    fileCount: files.length,
  };
}

/**
 * components.yml, checked: the parsed file when it passed the schema, and the
 * component ids that could be read either way (undefined when none could).
 */
function loadComponentsFile(
  root: string,
  problems: Problem[],
): { parsed?: LocatedComponentsFile | undefined; componentIds: ReadonlySet<string> | undefined } {
  const read = readRegularFile(componentsFileName, join(root, componentsFileName));
  if (!read.ok) {
    const missing = read.errno === 'ENOENT';
    problems.push(
      missing
        ? {
            ...read.problem,
            code: 'MissingComponentsFile',
            message: `There is no ${componentsFileName} in ${root}.`,
            hint: 'Create it with page, groups and components; see docs/authoring.md.',
          }
        : read.problem,
    );
    return { componentIds: undefined };
  }
  const parsed = parseComponentsFile(componentsFileName, read.bytes);
  if (parsed.ok) {
    const { file, value, locate } = parsed.value;
    problems.push(...parsed.problems, ...checkComponentsFile(parsed.value));
    problems.push(...checkComponentStatuspageIds(file, value, locate));
    return { parsed: parsed.value, componentIds: new Set(parsed.value.value.components.map((c) => c.id)) };
  }
  problems.push(...parsed.problems);
  if (!parsed.unparsed) return { componentIds: undefined };
  const partial = checkUnparsedComponentsFile(componentsFileName, parsed.unparsed.data, parsed.unparsed.locate);
  problems.push(...partial.problems);
  return { componentIds: partial.componentIds };
}

/** Markdown-looking files in incidents/ that are not read as incidents: said out loud, not skipped silently. */
function warnSkippedMarkdown(root: string): Problem[] {
  return readIncidentDirNames(root)
    .filter((name) => /\.(md|markdown|mdown|mkd|mdx)$/i.test(name) && !isIncidentFileName(name))
    .sort()
    .map((name) => {
      const readme = /^readme\.md$/i.test(name);
      const renamed = `${name.replace(/\.[^.]+$/, '')}.md`;
      return {
        file: `${incidentsDirName}/${name}`,
        severity: 'warning' as const,
        line: 1,
        column: 1,
        code: 'NotAnIncidentFile',
        message: readme
          ? `${incidentsDirName}/${name} is not read as an incident: a README there is taken for documentation.`
          : `${incidentsDirName}/${name} is not read as an incident: only files ending in ".md" are.`,
        hint: readme
          ? `If it is documentation, move it out of ${incidentsDirName}/ (for example to docs/) to silence this; if it is an incident, give it a slug name such as "2026-11-23-api-errors.md".`
          : `Rename it to "${renamed}" if it is an incident, or move it out of ${incidentsDirName}/.`,
      };
    });
}

/** incidents/ itself as a symbolic link would publish a folder from anywhere. */
function refuseLinkedIncidentsFolder(root: string): Problem[] {
  try {
    if (!lstatSync(join(root, incidentsDirName)).isSymbolicLink()) return [];
  } catch {
    return [];
  }
  return [
    {
      file: incidentsDirName,
      severity: 'error',
      line: 1,
      column: 1,
      code: 'NotARegularFile',
      message: `${incidentsDirName}/ is a symbolic link; incident files are only read from a real folder in the repository.`,
      hint: `Replace the link with a folder holding the incident files themselves (git rm ${incidentsDirName}, then mkdir ${incidentsDirName}).`,
    },
  ];
}

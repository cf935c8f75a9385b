import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ImportPlan } from '../../domain/import/plan.ts';
import { hasErrors, type Problem } from '../../domain/problems.ts';
import { componentsFileName, incidentsDirName, listIncidentFiles, loadRepository } from '../load-repository.ts';
import { parseIncidentFile } from '../parse-files.ts';
import { editComponentsFile, renderComponentsFile, renderIncidentFile, renderUpdateItems } from './render.ts';

/** `fresh`: refuse existing content. `update`: add to it. `force`: replace components.yml and every incident file. */
export type WriteMode = 'fresh' | 'update' | 'force';

export interface WriteResult {
  /** Files written or replaced, relative to the root; empty when nothing changed. */
  changed: string[];
  /** Incident files removed by `force`. */
  removed: string[];
  problems: Problem[];
}

const problem = (file: string, code: string, message: string, hint: string): Problem => ({
  file,
  severity: 'error',
  line: 1,
  column: 1,
  code,
  message,
  hint,
});

/** The file with new update items inserted before its closing `---`, when that reads back as exactly those updates added. */
function appendToFile(file: string, text: string, updates: readonly Record<string, unknown>[]): string | Problem {
  const closing = /^---[ \t]*\r?$/gm;
  const marks = [...text.matchAll(closing)];
  const end = marks[1]?.index;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const result =
    end === undefined ? text : text.slice(0, end) + renderUpdateItems(updates).replace(/\n/g, eol) + text.slice(end);
  const before = parseIncidentFile(file, new TextEncoder().encode(text));
  const after = parseIncidentFile(file, new TextEncoder().encode(result));
  if (before.ok && after.ok) {
    const { updates: old, ...rest } = before.value.value;
    const { updates: all, ...restAfter } = after.value.value;
    if (
      isDeepStrictEqual(rest, restAfter) &&
      isDeepStrictEqual(all.slice(0, old.length), old) &&
      all.length === old.length + updates.length
    )
      return result;
  }
  return problem(
    file,
    'ImportNotAppendable',
    `The new updates cannot be added at the end of this file's "updates:" list without changing how the rest reads (it was edited after the import).`,
    'Move "updates:" back to the end of the front matter, or add the new updates by hand, then run the import again.',
  );
}

/**
 * Writes an import all or nothing: every file is first written to a staging folder inside the
 * content root, the whole staged content is checked by the validator, and only then are the
 * files moved into place. A failure leaves the content root as it was.
 */
export function writeImport(root: string, plan: ImportPlan, mode: WriteMode, now: number): WriteResult {
  const changes = new Map<string, string>();
  const problems: Problem[] = [];
  const existingIncidents = listIncidentFiles(root);
  const hasContent = existsSync(join(root, componentsFileName)) || existingIncidents.length > 0;
  if (mode === 'fresh' && hasContent)
    return {
      changed: [],
      removed: [],
      problems: [
        problem(
          existsSync(join(root, componentsFileName)) ? componentsFileName : existingIncidents[0]!,
          'ImportWouldOverwrite',
          `${root} already has content (${existingIncidents.length} incident files${existsSync(join(root, componentsFileName)) ? ' and components.yml' : ''}), and the import never overwrites it by default.`,
          'Add --update to add what is new to an earlier import, or --force to replace components.yml and every incident file with the import.',
        ),
      ],
    };
  const componentsPath = join(root, componentsFileName);
  if (plan.components.file) changes.set(componentsFileName, renderComponentsFile(plan.components.file));
  else if (
    plan.components.additions.components.length ||
    plan.components.additions.groups.length ||
    plan.components.sinceChanges.length
  )
    changes.set(componentsFileName, editComponentsFile(readFileSync(componentsPath, 'utf8'), plan.components));
  for (const file of plan.files) changes.set(file.file, renderIncidentFile(file));
  for (const { file, updates } of plan.appends) {
    const appended = appendToFile(file, readFileSync(join(root, file), 'utf8'), updates);
    if (typeof appended === 'string') changes.set(file, appended);
    else problems.push(appended);
  }
  const removed = mode === 'force' ? existingIncidents.filter((file) => !changes.has(file)) : [];
  if (problems.length) return { changed: [], removed: [], problems };
  if (changes.size === 0 && removed.length === 0) return { changed: [], removed: [], problems: [] };

  const stage = mkdtempSync(join(root, '.statusmark-import-'));
  try {
    const staged = join(stage, 'content');
    mkdirSync(join(staged, incidentsDirName), { recursive: true });
    if (existsSync(componentsPath) && !changes.has(componentsFileName))
      cpSync(componentsPath, join(staged, componentsFileName));
    for (const file of existingIncidents)
      if (!changes.has(file) && !removed.includes(file)) cpSync(join(root, file), join(staged, file));
    for (const [file, text] of changes) writeFileSync(join(staged, file), text);
    const checked = loadRepository(staged, now).problems.filter((item) => item.severity === 'error');
    if (hasErrors(checked)) return { changed: [], removed: [], problems: checked };
    moveIntoPlace(root, stage, [...changes.keys()], removed);
    return { changed: [...changes.keys()].sort(), removed, problems: [] };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Moves staged files over the root's, keeping the old ones aside until every move succeeded. */
function moveIntoPlace(root: string, stage: string, files: string[], removed: string[]): void {
  const backup = join(stage, 'backup');
  const done: { file: string; hadOld: boolean }[] = [];
  try {
    mkdirSync(join(root, incidentsDirName), { recursive: true });
    mkdirSync(join(backup, incidentsDirName), { recursive: true });
    for (const file of removed) {
      renameSync(join(root, file), join(backup, file));
      done.push({ file, hadOld: true });
    }
    for (const file of files) {
      const hadOld = existsSync(join(root, file));
      if (hadOld) renameSync(join(root, file), join(backup, file));
      done.push({ file, hadOld });
      mkdirSync(dirname(join(root, file)), { recursive: true });
      renameSync(join(stage, 'content', file), join(root, file));
    }
  } catch (error) {
    for (const { file, hadOld } of done.reverse()) {
      if (existsSync(join(root, file)) && !removed.includes(file)) rmSync(join(root, file));
      if (hadOld) renameSync(join(backup, file), join(root, file));
    }
    throw error;
  }
}

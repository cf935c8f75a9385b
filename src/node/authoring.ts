import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkHistory } from '../domain/history.ts';
import {
  newIncidentSlug,
  newIncidentText,
  updateData,
  type NewIncident,
  type NewUpdate,
} from '../domain/incident-text.ts';
import type { Problem } from '../domain/problems.ts';
import { UpdateSchema, type Incident } from '../domain/schema/index.ts';
import { slugPattern } from '../domain/vocabulary.ts';
import { incidentsDirName, loadRepository } from './load-repository.ts';
import { FileChangedError, FileLockedError, replaceFileAtomically, withFileLock } from './locked-write.ts';
import { insertUpdate, isOneUpdateAppended, readAsValidator } from './update-insertion.ts';

// The authoring API under `npm run incident:*` and `npm run post`: typed input in, one checked
// file out. Every write is validated as `npm run validate` would read it, made under the file's
// lock, compared with what was read, and read back; anything else is a list of problems.

/** Where and when to write: the content root (components.yml, incidents/) and the build clock. */
export interface ContentRoot {
  root: string;
  now: number;
}

/** The file written (`incidents/<slug>.md`), or why nothing was written. */
export type AuthoringResult = { file: string } | { problems: Problem[] };

/** An incident file as read before a change: its bytes, to check nothing changed since, and its text. */
export interface SeenFile {
  bytes: Uint8Array;
  text: string;
}

/** A refusal about one file, thrown inside this module and returned as `{ problems }`. */
class Refusal extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems[0]?.message);
    this.problems = problems;
  }
}

function fileProblem(file: string, code: string, message: string, hint: string): Problem {
  return { file, severity: 'error', line: 1, column: 1, code, message, hint };
}

async function refusing(action: () => Promise<AuthoringResult>): Promise<AuthoringResult> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof Refusal) return { problems: error.problems };
    throw error;
  }
}

/** The validator's problems with `text` as `file`, plus append-only history against `previous`. */
function problemsWith(site: ContentRoot, file: string, text: string, previous: string | undefined): Problem[] {
  const loaded = loadRepository(site.root, site.now, new Map([[file, new TextEncoder().encode(text)]]));
  const problems: Problem[] = loaded.problems.filter(
    (problem) => problem.file === file && problem.severity === 'error',
  );
  if (previous !== undefined) {
    const before = readAsValidator(file, previous);
    const after = loaded.snapshot.incidents.filter((incident) => incident.value.file === file);
    // The file is still there even when the new text fails to parse: never call it deleted.
    if (before.ok)
      problems.push(
        ...checkHistory(
          { incidents: [before.value], slugs: new Set() },
          { incidents: after, slugs: new Set([before.value.value.slug]) },
          site.now,
        ),
      );
  }
  return problems;
}

/** Reads a file as bytes and text, refusing anything but a regular file. */
function readIncidentBytes(site: ContentRoot, file: string): SeenFile {
  const path = join(site.root, file);
  if (!lstatSync(path).isFile())
    throw new Refusal([
      fileProblem(
        file,
        'NotARegularFile',
        `${file} is a link or special file, not a regular file.`,
        'Incident files are plain markdown files in incidents/; replace the link with the file itself.',
      ),
    ]);
  const bytes = readFileSync(path);
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/**
 * Writes `text` to `file` when it was `previous` (undefined: a new file) and
 * nothing has changed on disk since: atomically, then reads the file back and
 * restores the old bytes unless `confirm` accepts what is now on disk. Call it
 * while holding the file's lock.
 */
function writeChecked(
  site: ContentRoot,
  file: string,
  text: string,
  previous: Uint8Array | undefined,
  confirm: (written: string) => boolean,
): void {
  const path = join(site.root, file);
  const bytes = new TextEncoder().encode(text);
  try {
    replaceFileAtomically(path, bytes, previous);
  } catch (error) {
    if (!(error instanceof FileChangedError)) throw error;
    throw new Refusal([
      previous
        ? fileProblem(
            file,
            'FileChangedWhileWriting',
            `${file} changed on disk while this command was preparing the update (another editor or command wrote it).`,
            'Look at the file, then run the command again; it will append to the new version.',
          )
        : fileProblem(
            file,
            'FileChangedWhileWriting',
            `${file} was created by another editor or command while this one was preparing it.`,
            'Look at that file; update it with npm run incident:update, or pick another title.',
          ),
    ]);
  }
  const written = readFileSync(path);
  if (Buffer.compare(written, bytes) === 0 && confirm(new TextDecoder('utf-8', { ignoreBOM: true }).decode(written)))
    return;
  if (previous) replaceFileAtomically(path, previous, written);
  throw new Refusal([
    fileProblem(
      file,
      'WriteNotConfirmed',
      `${file} did not read back as the old updates plus the new one after writing, so the original was restored.`,
      'Run npm run validate, then add the update by hand if the command keeps refusing.',
    ),
  ]);
}

/** Runs `action` holding `file`'s lock, turning a lock held too long into a problem. */
async function lockedFile<T>(site: ContentRoot, file: string, action: () => T | Promise<T>): Promise<T> {
  try {
    return await withFileLock(join(site.root, file), action);
  } catch (error) {
    if (!(error instanceof FileLockedError)) throw error;
    const lock = `${incidentsDirName}/${error.lockFile.replace(/^.*[\\/]/, '')}`;
    throw new Refusal([
      fileProblem(
        file,
        'FileLocked',
        `Another incident command is writing ${file} (lock ${lock}, held by ${error.holder || 'an unknown process'}).`,
        `Wait for it and run the command again; if no other command is running, delete ${lock}.`,
      ),
    ]);
  }
}

/** `incidents/<slug>.md` for a new incident: the date of its first update and its title. */
export function newIncidentFile(input: NewIncident): string {
  return `${incidentsDirName}/${newIncidentSlug(input)}.md`;
}

/** Writes a new incident file, refusing when it would not validate or when the file exists by then. */
export function createIncident(site: ContentRoot, input: NewIncident): Promise<AuthoringResult> {
  const file = newIncidentFile(input);
  const text = newIncidentText(input);
  return refusing(async () => {
    const problems = problemsWith(site, file, text, undefined);
    if (problems.length > 0) return { problems };
    await lockedFile(site, file, () =>
      writeChecked(site, file, text, undefined, (written) => readAsValidator(file, written).ok),
    );
    return { file };
  });
}

/** `incidents/<slug>.md`, refusing a slug that could name anything outside incidents/. */
function incidentFile(site: ContentRoot, slug: string): string {
  const file = `${incidentsDirName}/${slug}.md`;
  if (!slugPattern.test(slug))
    throw new Refusal([
      fileProblem(
        `${incidentsDirName}/`,
        'InvalidSlug',
        `"${slug}" is not an incident slug: a slug is the file name in incidents/ without ".md", in lowercase letters, digits and hyphens.`,
        'List the incidents with ls incidents/ and pass one name, for example 2026-11-20-elevated-api-errors.',
      ),
    ]);
  if (!existsSync(join(site.root, file)))
    throw new Refusal([
      fileProblem(file, 'IncidentNotFound', `There is no ${file}.`, 'List the incidents with ls incidents/.'),
    ]);
  return file;
}

/** The incident `slug` as it is on disk now, read as the validator reads it. */
export function readIncident(
  site: ContentRoot,
  slug: string,
): { file: string; seen: SeenFile; incident: Incident } | { problems: Problem[] } {
  try {
    const file = incidentFile(site, slug);
    const seen = readIncidentBytes(site, file);
    const parsed = readAsValidator(file, seen.text);
    if (!parsed.ok) return { problems: parsed.problems };
    return { file, seen, incident: parsed.value.value };
  } catch (error) {
    if (error instanceof Refusal) return { problems: error.problems };
    throw error;
  }
}

/** The update itself, or how to make it from the incident as it is when the lock is held. */
export type UpdateSource = NewUpdate | ((incident: Incident) => NewUpdate | Promise<NewUpdate>);

/** Appends `update` to the file as it was `seen`, checks it as validate would, and writes it. Hold the lock. */
function appendAndWrite(site: ContentRoot, file: string, seen: SeenFile, update: NewUpdate): AuthoringResult {
  const appended = insertUpdate(file, seen.text, update);
  const expected = UpdateSchema.safeParse(updateData(update));
  // A new update the schema rejects is the author's to fix: show validate's message for it.
  if (appended.problem && expected.success) return { problems: [appended.problem] };
  const problems = problemsWith(site, file, appended.text, seen.text);
  if (problems.length > 0) return { problems };
  if (appended.problem || !expected.success) return { problems: appended.problem ? [appended.problem] : [] };
  const before = readAsValidator(file, seen.text);
  writeChecked(site, file, appended.text, seen.bytes, (written) => {
    const after = readAsValidator(file, written);
    return before.ok && after.ok && isOneUpdateAppended(before.value.value, after.value.value, expected.data);
  });
  return { file };
}

/**
 * Appends one update to `incidents/<slug>.md`, changing no existing byte, under the file's lock so
 * parallel runs queue up instead of overwriting each other. With `seen` (read earlier, say while
 * someone typed the update) the file is only written if it is still exactly that.
 */
export function appendUpdate(
  site: ContentRoot,
  slug: string,
  update: UpdateSource,
  options: { seen?: SeenFile | undefined } = {},
): Promise<AuthoringResult> {
  return refusing(async () => {
    const file = incidentFile(site, slug);
    return lockedFile(site, file, async () => {
      const seen = options.seen ?? readIncidentBytes(site, file);
      const parsed = readAsValidator(file, seen.text);
      if (!parsed.ok) return { problems: parsed.problems };
      const next = typeof update === 'function' ? await update(parsed.value.value) : update;
      return appendAndWrite(site, file, seen, next);
    });
  });
}

import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkHistory } from '../domain/history.ts';
import { sortProblems, type Problem } from '../domain/problems.ts';
import { quoteList, suggestClosest } from '../domain/suggest.ts';
import { bundledLanguageFor, pageStrings } from '../domain/languages.ts';
import { TemplateSchema, type Template } from '../domain/template.ts';
import { deriveIncidentState } from '../domain/derive.ts';
import { parseTimestamp } from '../domain/time.ts';
import { allowedNextStatuses } from '../domain/transitions.ts';
import {
  affectedStatuses,
  componentStatuses,
  impacts,
  slugPattern,
  toSlug,
  type ComponentStatus,
  type Impact,
  type UpdateStatus,
} from '../domain/vocabulary.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { componentsFileName, incidentsDirName, loadRepository } from '../node/load-repository.ts';
import { FileChangedError, FileLockedError, replaceFileAtomically, withFileLock } from '../node/locked-write.ts';
import { parseComponentsFile } from '../node/parse-files.ts';
import { splitFrontMatter } from '../node/source-file.ts';
import { parseYamlWithPositions } from '../node/yaml-source.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { escapeForLog as visible } from '../domain/text-safety.ts';
import { appendUpdate, isOneUpdateAppended, readAsValidator } from './append-update.ts';
import { authorTimestamp, newIncidentText, updateData, type NewUpdate } from './incident-text.ts';
import { UpdateSchema } from '../domain/schema/index.ts';

export interface CommandIo {
  out: (line: string) => void;
  /** Asks a question in a terminal; absent when not interactive. */
  ask?: ((question: string) => Promise<string>) | undefined;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

interface Options {
  flags: Map<string, string[]>;
  positional: string[];
}

function parseArgs(args: readonly string[]): Options {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    const value = inline ?? args[++index];
    if (value === undefined) throw new UsageError(`The option --${name} needs a value.`);
    flags.set(name!, [...(flags.get(name!) ?? []), value]);
  }
  return { flags, positional };
}

/** A value from a flag, or from a prompt in a terminal, or a usage error naming the flag. */
async function valueOf(
  options: Options,
  io: CommandIo,
  name: string,
  question: string,
  fallback?: string,
): Promise<string> {
  const given = options.flags.get(name)?.at(-1);
  if (given !== undefined) return given;
  if (io.ask) {
    const answer = (await io.ask(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    if (answer) return answer;
  }
  if (fallback !== undefined) return fallback;
  throw new UsageError(`Missing --${name} (${question.toLowerCase()}).`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} "${value}" is not one of ${allowed.join(', ')}.`);
}

/** `30m`, `2h`, `1h30m` from now, or an ISO time with offset. */
export function parseWhen(text: string, now: number): number {
  const relative = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text.trim());
  if (relative && (relative[1] || relative[2]))
    return now + (Number(relative[1] ?? 0) * 60 + Number(relative[2] ?? 0)) * 60_000;
  const instant = parseTimestamp(text.trim());
  if (Number.isNaN(instant))
    throw new UsageError(`"${text}" is neither a duration like 30m or 1h nor a time like 2026-11-20T14:35:00Z.`);
  return instant;
}

/** A file-name slug from a title: accents folded to their letters, at most 60 characters. */
function slugify(text: string): string {
  return toSlug(text.normalize('NFKD')).slice(0, 60).replace(/-+$/, '');
}

interface Context {
  root: string;
  now: number;
  timeZone: string;
  componentIds: string[];
  /** `page.languages`: the first is the one `--title` and `--message` are written in. */
  languages: string[];
  /** What `incident:resolve` says without `--message`, in the page's first language. */
  closingWords: { incident: string; maintenance: string };
}

/**
 * English pages keep their closing sentences; a page in another language says its own word for
 * the final status ("Behoben"), never English text on a German page.
 */
function closingWordsFor(page: Parameters<typeof pageStrings>[0]): Context['closingWords'] {
  if (bundledLanguageFor(page.language) === 'en')
    return { incident: 'This incident has been resolved.', maintenance: 'The maintenance is complete.' };
  const { updateStatus } = pageStrings(page);
  return { incident: updateStatus.resolved, maintenance: updateStatus.completed };
}

function loadContext(io: CommandIo): Context {
  const root = readContentRoot(io.env);
  const now = readBuildClock(io.env);
  const parsed = parseComponentsFile(componentsFileName, readFileSync(join(root, componentsFileName)));
  if (!parsed.ok) throw new UsageError(`${componentsFileName} is invalid; run npm run validate first.`);
  return {
    root,
    now,
    timeZone: parsed.value.value.page.timezone,
    componentIds: parsed.value.value.components.filter((c) => !c.retired).map((c) => c.id),
    languages: parsed.value.value.page.languages,
    closingWords: closingWordsFor(parsed.value.value.page),
  };
}

type TranslatedField = 'title' | 'message';

/** `--title-de` → `title`, `de`; undefined for every other flag. */
function translationFlag(name: string): { field: TranslatedField; language: string } | undefined {
  const match = /^(title|message)-(.+)$/.exec(name);
  return match ? { field: match[1] as TranslatedField, language: match[2]! } : undefined;
}

/**
 * Refuses any `--title-<language>` or `--message-<language>` this page and command cannot take:
 * the language must be one of `page.languages` after the first, written as it writes it.
 */
function checkTranslationFlags(options: Options, context: Context, fields: readonly TranslatedField[]): void {
  const [original, ...others] = context.languages;
  for (const name of options.flags.keys()) {
    const flag = translationFlag(name);
    if (!flag) continue;
    if (!fields.includes(flag.field))
      throw new UsageError(
        `--${name} only works with incident:new; add a translation of a published title by hand under "translations:" in the front matter (see docs/authoring.md).`,
      );
    if (flag.language === original)
      throw new UsageError(
        `--${name}: "${original}" is the page's first language, the one --${flag.field} is written in. Use --${flag.field}.`,
      );
    if (others.includes(flag.language)) {
      if (options.flags.get(name)!.at(-1)!.trim() === '')
        throw new UsageError(
          `--${name} is empty; leave it out and readers in "${flag.language}" see the ${original} text.`,
        );
      continue;
    }
    if (others.length === 0)
      throw new UsageError(
        `--${name}: the page has one language, "${original}", so it takes no translations. To publish in "${flag.language}" too, write "languages: [${original}, ${flag.language}]" under page in components.yml, in place of any "language:" line.`,
      );
    const suggestion = suggestClosest(flag.language, others);
    const valid = others.flatMap((language) => fields.map((field) => `--${field}-${language}`)).join(', ');
    throw new UsageError(
      `--${name}: "${flag.language}" is not one of the page's other languages (page.languages in components.yml).${suggestion ? ` Did you mean --${flag.field}-${suggestion}?` : ''} This page takes ${valid}.`,
    );
  }
}

/**
 * The text of `field` in each of the page's other languages: a flag, else `preset` (a template),
 * else an answer in a terminal; a language with none is left out and shows the original.
 */
async function translationsOf(
  options: Options,
  io: CommandIo,
  context: Context,
  field: TranslatedField,
  question: string,
  preset: (language: string) => string | undefined = () => undefined,
): Promise<Record<string, string>> {
  const translations: Record<string, string> = {};
  for (const language of context.languages.slice(1)) {
    const given = options.flags.get(`${field}-${language}`)?.at(-1);
    const fallback = preset(language);
    let text = given ?? fallback;
    if (given === undefined && io.ask) {
      const offer = fallback === undefined ? ` (Enter: show the ${context.languages[0]} text)` : ` [${fallback}]`;
      text = (await io.ask(`${question} in ${language}${offer}: `)).trim() || fallback;
    }
    if (text) translations[language] = text;
  }
  return translations;
}

/** A refusal that is about one file: printed as a problem, exit 1, nothing written. */
class RefusedError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems[0]?.message);
    this.problems = problems;
  }
}

function fileProblem(file: string, code: string, message: string, hint: string): Problem {
  return { file, severity: 'error', line: 1, column: 1, code, message, hint };
}

function refuse(problems: Problem[], file: string, io: CommandIo): number {
  for (const problem of sortProblems(problems)) io.out(formatHuman(problem));
  io.out(`Nothing was written to ${file}.`);
  return 1;
}

/** The validator's problems with `text` as `file`, plus append-only history against `previous`. */
function problemsWith(context: Context, file: string, text: string, previous: string | undefined): Problem[] {
  const loaded = loadRepository(context.root, context.now, new Map([[file, new TextEncoder().encode(text)]]));
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
          context.now,
        ),
      );
  }
  return problems;
}

/** Reads a file as bytes and text, refusing anything but a regular file. */
function readIncidentBytes(context: Context, file: string): { bytes: Uint8Array; text: string } {
  const path = join(context.root, file);
  if (!lstatSync(path).isFile())
    throw new RefusedError([
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
  context: Context,
  file: string,
  text: string,
  previous: Uint8Array | undefined,
  confirm: (written: string) => boolean,
): void {
  const path = join(context.root, file);
  const bytes = new TextEncoder().encode(text);
  try {
    replaceFileAtomically(path, bytes, previous);
  } catch (error) {
    if (!(error instanceof FileChangedError)) throw error;
    throw new RefusedError([
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
  throw new RefusedError([
    fileProblem(
      file,
      'WriteNotConfirmed',
      `${file} did not read back as the old updates plus the new one after writing, so the original was restored.`,
      'Run npm run validate, then add the update by hand if the command keeps refusing.',
    ),
  ]);
}

function printWritten(file: string, io: CommandIo): number {
  const slug = file.slice(incidentsDirName.length + 1, -3);
  io.out(`Wrote ${file}`);
  io.out(`Preview: npm run dev, then open http://127.0.0.1:4321/incidents/${slug}/`);
  io.out('Publish: commit the file and open a pull request; CI validates it and the merge deploys it.');
  return 0;
}

/** Runs `action` holding `file`'s lock, turning a lock held too long into a problem. */
async function lockedFile<T>(context: Context, file: string, action: () => T | Promise<T>): Promise<T> {
  try {
    return await withFileLock(join(context.root, file), action);
  } catch (error) {
    if (!(error instanceof FileLockedError)) throw error;
    const lock = `${incidentsDirName}/${error.lockFile.replace(/^.*[\\/]/, '')}`;
    throw new RefusedError([
      fileProblem(
        file,
        'FileLocked',
        `Another incident command is writing ${file} (lock ${lock}, held by ${error.holder || 'an unknown process'}).`,
        `Wait for it and run the command again; if no other command is running, delete ${lock}.`,
      ),
    ]);
  }
}

function readTemplate(context: Context, name: string): Template {
  const template = parseTemplate(context.root, name);
  const others = context.languages.slice(1);
  const stray = Object.keys(template.translations).find((language) => !others.includes(language));
  if (stray !== undefined)
    throw new UsageError(
      `The template "${name}" has a "${stray}" translation, which is not one of the page's other languages (${others.length ? quoteList(others) : 'it has none'}); fix incidents/templates/${name}.md or page.languages in components.yml.`,
    );
  return template;
}

function parseTemplate(root: string, name: string): Template {
  if (!slugPattern.test(name))
    throw new UsageError(
      `"${name}" is not a template name; use one of the file names in incidents/templates/ without .md.`,
    );
  const file = join(root, incidentsDirName, 'templates', `${name}.md`);
  if (!existsSync(file)) {
    const available = readdirSync(join(root, incidentsDirName, 'templates'))
      .filter((n) => n.endsWith('.md'))
      .map((n) => n.slice(0, -3));
    throw new UsageError(`There is no template "${name}". Available: ${available.join(', ')}.`);
  }
  const split = splitFrontMatter(file, readFileSync(file, 'utf8'));
  const yaml = split.ok ? parseYamlWithPositions(file, split.value.yaml, 1) : undefined;
  const parsed = yaml?.ok ? TemplateSchema.safeParse(yaml.value.data) : undefined;
  if (!parsed?.success) throw new UsageError(`The template ${file} is not valid; see docs/authoring.md.`);
  return parsed.data;
}

function parseComponentList(text: string, known: readonly string[]): { id: string; status?: ComponentStatus }[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [reference, status] = item.split('=');
      const id = /^\d+$/.test(reference!) ? (known[Number(reference) - 1] ?? reference!) : reference!;
      return status ? { id, status: oneOf(status, affectedStatuses, 'components') } : { id };
    });
}

async function runNew(options: Options, io: CommandIo): Promise<number> {
  const context = loadContext(io);
  const template = options.flags.has('template')
    ? readTemplate(context, options.flags.get('template')!.at(-1)!)
    : undefined;
  checkTranslationFlags(options, context, ['title', 'message']);
  const kind = template?.kind ?? 'incident';
  const title = await valueOf(options, io, 'title', 'Title', template?.title);
  // A template's translation translates the template's own text: a title or message of the
  // author's making would otherwise be published with the template's words in other languages.
  const titleTranslations = await translationsOf(options, io, context, 'title', 'Title', (language) =>
    title === template?.title ? template.translations[language]?.title : undefined,
  );
  const impact: Impact | undefined =
    kind === 'incident'
      ? oneOf(
          await valueOf(options, io, 'impact', `Impact (${impacts.join(', ')})`, template?.impact),
          impacts,
          'impact',
        )
      : undefined;
  if (io.ask && !options.flags.has('components'))
    io.out(`Components: ${context.componentIds.map((id, index) => `${index + 1}. ${id}`).join('  ')}`);
  const componentDefault = template?.components.map((c) => (c.status ? `${c.id}=${c.status}` : c.id)).join(',') ?? '';
  const components = parseComponentList(
    await valueOf(
      options,
      io,
      'components',
      'Affected components (ids or numbers, comma-separated; id=status to set one)',
      componentDefault,
    ),
    context.componentIds,
  );
  const defaultStatus = template?.status ?? (kind === 'maintenance' ? 'scheduled' : 'investigating');
  const status = (await valueOf(options, io, 'status', 'Status', defaultStatus)) as UpdateStatus;
  const message = await valueOf(options, io, 'message', 'Message for customers', template?.message);
  const translations = await translationsOf(options, io, context, 'message', 'Message', (language) =>
    message === template?.message ? template.translations[language]?.message : undefined,
  );
  let window: { start: string; end: string } | undefined;
  if (kind === 'maintenance') {
    const start = parseWhen(
      await valueOf(options, io, 'start', 'Window start (ISO time or e.g. 24h from now)'),
      context.now,
    );
    const end = parseWhen(
      await valueOf(
        options,
        io,
        'end',
        'Window end (ISO time)',
        authorTimestamp(start + 2 * 3_600_000, context.timeZone),
      ),
      context.now,
    );
    window = { start: authorTimestamp(start, context.timeZone), end: authorTimestamp(end, context.timeZone) };
  }
  const nextUpdate = options.flags.get('next-update')?.at(-1);
  const at = authorTimestamp(context.now, context.timeZone);
  const datePrefix = at.slice(0, 10);
  const slug = `${datePrefix}-${slugify(title) || kind}`;
  const file = `${incidentsDirName}/${slug}.md`;
  if (existsSync(join(context.root, file)))
    throw new UsageError(`${file} already exists; update it with npm run incident:update -- ${slug}.`);
  const text = newIncidentText({
    kind,
    title,
    impact,
    components,
    window,
    titleTranslations,
    update: {
      at,
      status,
      message,
      translations,
      nextUpdate: nextUpdate ? authorTimestamp(parseWhen(nextUpdate, context.now), context.timeZone) : undefined,
    },
  });
  const problems = problemsWith(context, file, text, undefined);
  if (problems.length > 0) return refuse(problems, file, io);
  await lockedFile(context, file, () =>
    writeChecked(context, file, text, undefined, (written) => readAsValidator(file, written).ok),
  );
  return printWritten(file, io);
}

/**
 * `incidents/<slug>.md` for a slug given on the command line, checked with
 * the validator's slug rule so that no name can reach outside incidents/.
 */
function incidentFileName(context: Context, slug: string | undefined, command: string): string {
  if (!slug)
    throw new UsageError(`Name the incident: npm run incident:${command} -- <slug> (the file name without .md).`);
  const clean = slug.replace(/^incidents\//, '').replace(/\.md$/, '');
  if (!slugPattern.test(clean)) {
    const suggestion = toSlug(clean.replace(/^.*\//, ''));
    const exists = suggestion && existsSync(join(context.root, incidentsDirName, `${suggestion}.md`));
    throw new RefusedError([
      fileProblem(
        `${incidentsDirName}/`,
        'InvalidSlug',
        `"${slug}" is not an incident slug: a slug is the file name in incidents/ without ".md", in lowercase letters, digits and hyphens.`,
        exists
          ? `Did you mean: npm run incident:${command} -- ${suggestion}`
          : `List the incidents with ls incidents/ and pass one name, for example: npm run incident:${command} -- 2026-11-20-elevated-api-errors`,
      ),
    ]);
  }
  const file = `${incidentsDirName}/${clean}.md`;
  if (!existsSync(join(context.root, file))) throw new UsageError(`There is no ${file}.`);
  return file;
}

/** The new update, from flags or prompts, for the incident as it is in `text`. */
async function askForUpdate(
  options: Options,
  io: CommandIo,
  resolve: boolean,
  context: Context,
  file: string,
  text: string,
): Promise<NewUpdate> {
  checkTranslationFlags(options, context, ['message']);
  const parsed = readAsValidator(file, text);
  if (!parsed.ok) throw new RefusedError(parsed.problems);
  const incident = parsed.value.value;
  const current = deriveIncidentState(incident, context.now).status;
  const final: UpdateStatus = incident.kind === 'maintenance' ? 'completed' : 'resolved';
  if (io.ask && !resolve && !options.flags.has('status'))
    io.out(`Current status: ${current}. Next may be: ${allowedNextStatuses(incident.kind, current).join(', ')}.`);
  const status = resolve ? final : ((await valueOf(options, io, 'status', 'Status', current)) as UpdateStatus);
  const message = await valueOf(
    options,
    io,
    'message',
    'Message for customers',
    resolve ? context.closingWords[incident.kind] : undefined,
  );
  const translations = await translationsOf(options, io, context, 'message', 'Message');
  const components = (options.flags.get('component') ?? []).flatMap((item) =>
    item.split(',').map((pair) => {
      const [id, value] = pair.split('=');
      if (!id || !value) throw new UsageError(`--component "${pair}" should look like api=degraded_performance.`);
      return { id: id.trim(), status: oneOf(value.trim(), componentStatuses, 'component') };
    }),
  );
  const nextUpdate = options.flags.get('next-update')?.at(-1);
  const impact = options.flags.get('impact')?.at(-1);
  return {
    at: authorTimestamp(context.now, context.timeZone),
    status,
    message,
    translations,
    nextUpdate: nextUpdate ? authorTimestamp(parseWhen(nextUpdate, context.now), context.timeZone) : undefined,
    components: components.length ? components : undefined,
    impact: impact === undefined ? undefined : oneOf(impact, impacts, 'impact'),
  };
}

/** Appends `update` to the file as it was `seen`, checks it as validate would, and writes it. Hold the lock. */
function appendAndWrite(
  context: Context,
  file: string,
  seen: { bytes: Uint8Array; text: string },
  update: NewUpdate,
  io: CommandIo,
): number {
  const appended = appendUpdate(file, seen.text, update);
  const expected = UpdateSchema.safeParse(updateData(update));
  // A new update the schema rejects is the author's to fix: show validate's message for it.
  if (appended.problem && expected.success) return refuse([appended.problem], file, io);
  const problems = problemsWith(context, file, appended.text, seen.text);
  if (problems.length > 0) return refuse(problems, file, io);
  if (appended.problem || !expected.success) return refuse(appended.problem ? [appended.problem] : [], file, io);
  const before = readAsValidator(file, seen.text);
  writeChecked(context, file, appended.text, seen.bytes, (written) => {
    const after = readAsValidator(file, written);
    return before.ok && after.ok && isOneUpdateAppended(before.value.value, after.value.value, expected.data);
  });
  return printWritten(file, io);
}

/**
 * In a terminal the file is read, the questions asked, and the file is only
 * written if it is unchanged by then (nobody holds a lock while typing).
 * Otherwise everything happens under the lock, so parallel runs queue up
 * instead of overwriting each other.
 */
async function runUpdate(options: Options, io: CommandIo, resolve: boolean): Promise<number> {
  const context = loadContext(io);
  const file = incidentFileName(context, options.positional[0], resolve ? 'resolve' : 'update');
  if (io.ask) {
    const seen = readIncidentBytes(context, file);
    const update = await askForUpdate(options, io, resolve, context, file, seen.text);
    return lockedFile(context, file, () => appendAndWrite(context, file, seen, update, io));
  }
  return lockedFile(context, file, async () => {
    const seen = readIncidentBytes(context, file);
    const update = await askForUpdate(options, io, resolve, context, file, seen.text);
    return appendAndWrite(context, file, seen, update, io);
  });
}

export const incidentUsage = `Usage:
  npm run incident:new [-- --template <name>] [--title T] [--impact none|minor|major|critical]
                       [--components api,webhooks=major_outage] [--status S] [--message M]
                       [--next-update 30m] [--start <time|24h>] [--end <time>]
                       [--title-<language> T] [--message-<language> M]
  npm run incident:update -- <slug> [--status S] [--message M] [--component api=operational] [--next-update 30m]
                           [--impact none|minor|major|critical] [--message-<language> M]
  npm run incident:resolve -- <slug> [--message M] [--message-<language> M]
--title-de and --message-de translate into one of page.languages after the first.
Without flags, each value is asked for in the terminal.`;

/** The options each command reads; `--title-<language>` and `--message-<language>` are checked on their own. */
const commandFlags: Record<string, readonly string[]> = {
  new: ['template', 'title', 'impact', 'components', 'status', 'message', 'next-update', 'start', 'end'],
  update: ['status', 'message', 'component', 'next-update', 'impact'],
  resolve: ['message', 'component', 'next-update', 'impact'],
};

/** A misspelt option is refused before anything is written, instead of being quietly left out of the update. */
function checkKnownFlags(command: string, options: Options): void {
  const known = commandFlags[command] ?? [];
  for (const name of options.flags.keys()) {
    if (known.includes(name) || translationFlag(name)) continue;
    const suggestion = suggestClosest(name, known);
    throw new UsageError(
      `--${name} is not an option of incident:${command}.${suggestion ? ` Did you mean --${suggestion}?` : ''} It takes ${known.map((flag) => `--${flag}`).join(', ')}.`,
    );
  }
}

/** `new`, `update` or `resolve`; returns the exit code. */
export async function runIncidentCommand(command: string, args: readonly string[], io: CommandIo): Promise<number> {
  try {
    const options = parseArgs(args);
    if (options.flags.has('help')) {
      io.out(incidentUsage);
      return 0;
    }
    checkKnownFlags(command, options);
    if (command === 'new') return await runNew(options, io);
    if (command === 'update') return await runUpdate(options, io, false);
    if (command === 'resolve') return await runUpdate(options, io, true);
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof RefusedError) {
      const file = error.problems[0]?.file ?? incidentsDirName;
      return refuse(error.problems, file, io);
    }
    if (!(error instanceof UsageError)) throw error;
    // The message quotes what was typed (or what a form or alert sent): on one line, so it cannot start a workflow command.
    io.out(`${visible(error.message)}\n\n${incidentUsage}`);
    return 2;
  }
}

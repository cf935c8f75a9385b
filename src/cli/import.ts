import { resolve } from 'node:path';
import { ImportError, type ImportSource } from '../domain/import/model.ts';
import { planImport, type ExistingContent } from '../domain/import/plan.ts';
import { readStatuspage } from '../domain/import/statuspage.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { hasErrors, type Problem } from '../domain/problems.ts';
import { quoteList, suggestClosest } from '../domain/suggest.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { createHttpClient, type HttpOptions } from '../node/import/http.ts';
import { readStatuspageDocuments } from '../node/import/statuspage-reader.ts';
import { writeImport } from '../node/import/write.ts';
import { loadRepository } from '../node/load-repository.ts';
import { readCstateSource } from '../node/import/cstate-reader.ts';
import { isOptionError, parseOptions, type ParsedOptions } from './options.ts';

export interface ImportIo {
  out: (line: string) => void;
  /** The progress line of a long import; default: none. */
  progress?: (line: string) => void;
  env: Record<string, string | undefined>;
  http?: HttpOptions;
}

const options = {
  update: { type: 'boolean' },
  force: { type: 'boolean' },
  strict: { type: 'boolean' },
  'page-id': { type: 'string' },
  'api-url': { type: 'string' },
  timezone: { type: 'string' },
  map: { type: 'string', multiple: true },
  root: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const usage = `Usage: npm run import -- statuspage <https://status.example.com | folder> [--update] [--force] [--strict]
       STATUSPAGE_API_KEY=… npm run import -- statuspage --page-id <id> [--update] [--force] [--strict]
       npm run import -- cstate <site folder> [--timezone Europe/Berlin] [--map old=new]… [--update] [--force] [--strict]
See "Moving from Statuspage / cState" in docs/authoring.md.`;

const usageProblem = (message: string, hint = usage): Problem => ({
  file: 'npm run import',
  severity: 'error',
  line: 1,
  column: 1,
  code: 'ImportUsage',
  message,
  hint,
});

function fromImportError(error: ImportError): Problem {
  return {
    file: error.source,
    severity: 'error',
    line: 1,
    column: 1,
    code: error.code,
    message: `${error.record[0]!.toUpperCase()}${error.record.slice(1)} ${error.message}`,
    hint: error.hint,
  };
}

type Parsed = ParsedOptions<typeof options>;

function readOptions(args: readonly string[]): Parsed | Problem {
  const parsed = parseOptions(args, options, { command: 'npm run import' });
  return isOptionError(parsed) ? usageProblem(parsed.message, `${parsed.takes}\n${usage}`) : parsed;
}

async function readSource(
  kind: string,
  from: string | undefined,
  values: Parsed['values'],
  io: ImportIo,
): Promise<ImportSource> {
  if (kind === 'statuspage') {
    const pageId = values['page-id'];
    const get = createHttpClient({ ...(pageId ? { minIntervalMs: 1000 } : {}), onWait: io.progress, ...io.http });
    const documents = await readStatuspageDocuments(from, {
      get,
      pageId,
      apiKey: io.env.STATUSPAGE_API_KEY,
      apiUrl: values['api-url'],
      progress: io.progress,
    });
    return readStatuspage(documents);
  }
  return readCstateSource(from, {
    timezone: values.timezone ?? 'UTC',
    map: values.map ?? [],
  });
}

/** `npm run import`: reads another status page and writes the files an author would have written. */
export async function runImportCommand(args: readonly string[], io: ImportIo): Promise<number> {
  const print = (problems: readonly Problem[]) => problems.forEach((item) => io.out(formatHuman(item)));
  const parsed = readOptions(args);
  if ('code' in parsed) return (print([parsed]), 1);
  const { values, positionals } = parsed;
  if (values.help) return (io.out(usage), 0);
  const [kind, from, ...extra] = positionals;
  if (kind !== 'statuspage' && kind !== 'cstate') {
    const suggestion = kind && suggestClosest(kind, ['statuspage', 'cstate']);
    print([
      usageProblem(
        kind
          ? `"${kind}" is not a source npm run import knows.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`
          : 'Name the source to import from: statuspage or cstate.',
      ),
    ]);
    return 1;
  }
  if (extra.length) return (print([usageProblem(`Unexpected ${quoteList(extra)}: give one source.`)]), 1);
  if (values.update && values.force)
    return (
      print([
        usageProblem(
          '--update and --force exclude each other.',
          '--update adds what is new to an earlier import; --force replaces the content with a fresh import.',
        ),
      ]),
      1
    );
  const root = resolve(values.root ?? readContentRoot(io.env));
  const now = readBuildClock(io.env);
  let existing: ExistingContent | undefined;
  if (values.update) {
    const loaded = loadRepository(root, now);
    const missing = loaded.problems.some((item) => item.code === 'MissingComponentsFile');
    if (!missing && (!loaded.repository || hasErrors(loaded.problems))) {
      print(loaded.problems.filter((item) => item.severity === 'error'));
      io.out(
        'The content does not validate, so the import adds nothing to it: fix the problems above (npm run validate) first.',
      );
      return 1;
    }
    if (loaded.repository)
      existing = { components: loaded.repository.components, incidents: loaded.repository.incidents };
  }
  try {
    const source = await readSource(kind, from, values, io);
    const plan = planImport(source, existing);
    const changes = plan.notes.filter((note) => !note.info);
    if (values.strict && changes.length) {
      for (const note of changes) io.out(`${note.file}: ${note.change} — ${note.reason}`);
      io.out(
        `--strict: the source needs ${changes.length} change(s) to fit Statusmark's rules (listed above), so nothing was written. Run without --strict to import with these changes.`,
      );
      return 1;
    }
    io.progress?.(`checking and writing ${plan.files.length + plan.appends.length} incident files`);
    const result = writeImport(
      root,
      plan,
      values.force ? 'force' : existing ? 'update' : values.update ? 'fresh' : 'fresh',
      now,
    );
    if (result.problems.length) {
      print(result.problems);
      io.out('Nothing was written.');
      return 1;
    }
    const { counts } = plan;
    const what = existing
      ? `${counts.incidents} new incidents (${counts.updates} updates), ${counts.appended} new updates to ${plan.appends.length} imported incidents, ${counts.unchanged} unchanged`
      : `${counts.incidents} incidents (${counts.updates} updates), ${plan.components.additions.components.length + ((plan.components.file?.components as unknown[] | undefined)?.length ?? 0)} components, ${(plan.components.file?.groups as unknown[] | undefined)?.length ?? 0} groups`;
    io.out(`Imported from ${source.name}: ${what}.`);
    if (result.changed.length === 0 && result.removed.length === 0) io.out('Nothing new: no file changed.');
    else
      io.out(
        `Wrote ${result.changed.length} files in ${root}${result.removed.length ? `, removed ${result.removed.length} incident files (--force)` : ''}.`,
      );
    if (plan.notes.length) {
      io.out(`Changed to fit Statusmark's rules (${plan.notes.length}):`);
      for (const note of plan.notes) io.out(`  ${note.file}: ${note.change} — ${note.reason}`);
    }
    if (counts.updates + counts.appended > 0)
      io.out('Nobody was notified: imported updates carry "notify: false". Next: npm run validate && npm run build');
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    print([fromImportError(error)]);
    io.out('Nothing was written.');
    return 1;
  }
}

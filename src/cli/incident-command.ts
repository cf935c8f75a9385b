import type { Problem } from '../domain/problems.ts';
import { sortProblems } from '../domain/problems.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { escapeForLog } from '../domain/text-safety.ts';
import { appendUpdate, createIncident, readIncident, type AuthoringResult } from '../node/authoring.ts';
import { incidentsDirName } from '../node/load-repository.ts';
import { loadAuthoringContext, RefusedError, UsageError } from './incident-context.ts';
import { incidentSlug, newIncidentInput, updateInput } from './incident-input.ts';
import { checkTranslationFlags, translationFlagPattern, type CommandIo, type Flags } from './incident-prompts.ts';
import { isOptionError, parseOptions } from './options.ts';

export type { CommandIo } from './incident-prompts.ts';

/** What the command printed for a refusal: every problem, then that nothing was written. */
export function refusalLines(problems: readonly Problem[], file: string): string[] {
  return [...sortProblems([...problems]).map(formatHuman), `Nothing was written to ${file}.`];
}

function print(result: AuthoringResult, io: CommandIo): number {
  if ('problems' in result) {
    for (const line of refusalLines(result.problems, result.problems[0]?.file ?? incidentsDirName)) io.out(line);
    return 1;
  }
  const slug = result.file.slice(incidentsDirName.length + 1, -3);
  io.out(`Wrote ${result.file}`);
  io.out(`Preview: npm run dev, then open http://127.0.0.1:4321/incidents/${slug}/`);
  io.out('Publish: commit the file and open a pull request; CI validates it and the merge deploys it.');
  return 0;
}

async function runNew(flags: Flags, io: CommandIo): Promise<AuthoringResult> {
  const context = loadAuthoringContext(io.env);
  checkTranslationFlags(flags, context, ['title', 'message']);
  return createIncident(context, await newIncidentInput(flags, io, context));
}

/**
 * In a terminal the file is read, the questions asked, and the file is only
 * written if it is unchanged by then (nobody holds a lock while typing).
 * Otherwise everything happens under the lock, so parallel runs queue up
 * instead of overwriting each other.
 */
async function runUpdate(flags: Flags, slugGiven: string | undefined, io: CommandIo, resolve: boolean) {
  const context = loadAuthoringContext(io.env);
  const slug = incidentSlug(context, slugGiven, resolve ? 'resolve' : 'update');
  checkTranslationFlags(flags, context, ['message']);
  if (!io.ask) return appendUpdate(context, slug, (incident) => updateInput(flags, io, resolve, context, incident));
  const current = readIncident(context, slug);
  if ('problems' in current) return current;
  const update = await updateInput(flags, io, resolve, context, current.incident);
  return appendUpdate(context, slug, update, { seen: current.seen });
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

const text = { type: 'string' } as const;
const help = { type: 'boolean' } as const;

/** The options each command reads; `--title-<language>` and `--message-<language>` are checked on their own. */
const commandOptions = {
  new: {
    template: text,
    title: text,
    impact: text,
    components: text,
    status: text,
    message: text,
    'next-update': text,
    start: text,
    end: text,
    help,
  },
  update: {
    status: text,
    message: text,
    component: { type: 'string', multiple: true },
    'next-update': text,
    impact: text,
    help,
  },
  resolve: { message: text, component: { type: 'string', multiple: true }, 'next-update': text, impact: text, help },
} as const;

/** The options as given: a misspelt one is refused before anything is written. */
function readFlags(
  command: keyof typeof commandOptions,
  args: readonly string[],
): { flags: Flags; positional: string[] } {
  const parsed = parseOptions(args, commandOptions[command], {
    command: `incident:${command}`,
    pattern: translationFlagPattern,
  });
  if (isOptionError(parsed)) throw new UsageError(`${parsed.message} ${parsed.takes}`);
  const flags = new Map<string, string[]>(parsed.patterned);
  for (const [name, value] of Object.entries(parsed.values))
    if (typeof value === 'string') flags.set(name, [value]);
    else if (Array.isArray(value)) flags.set(name, value.map(String));
    else if (value) flags.set(name, []);
  return { flags, positional: parsed.positionals };
}

/** `new`, `update` or `resolve`; returns the exit code. */
export async function runIncidentCommand(command: string, args: readonly string[], io: CommandIo): Promise<number> {
  try {
    if (!(command in commandOptions)) throw new UsageError(`Unknown command "${command}".`);
    const { flags, positional } = readFlags(command as keyof typeof commandOptions, args);
    if (flags.has('help')) {
      io.out(incidentUsage);
      return 0;
    }
    if (command === 'new') return print(await runNew(flags, io), io);
    return print(await runUpdate(flags, positional[0], io, command === 'resolve'), io);
  } catch (error) {
    if (error instanceof RefusedError) return print({ problems: error.problems }, io);
    if (!(error instanceof UsageError)) throw error;
    // The message quotes what was typed (or what a form or alert sent): on one line, so it cannot start a workflow command.
    io.out(`${escapeForLog(error.message)}\n\n${incidentUsage}`);
    return 2;
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../domain/problems.ts';
import { bundledLanguageFor, pageStrings } from '../domain/languages.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { componentsFileName } from '../node/load-repository.ts';
import type { ContentRoot } from '../node/authoring.ts';
import { parseComponentsFile } from '../node/parse-files.ts';

/** Refused input to an authoring command: printed with the usage text, exit 2, nothing written. */
export class UsageError extends Error {}

/** What the authoring commands need to know about the page before they ask anything. */
export interface AuthoringContext extends ContentRoot {
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
function closingWordsFor(page: Parameters<typeof pageStrings>[0]): AuthoringContext['closingWords'] {
  if (bundledLanguageFor(page.language) === 'en')
    return { incident: 'This incident has been resolved.', maintenance: 'The maintenance is complete.' };
  const { updateStatus } = pageStrings(page);
  return { incident: updateStatus.resolved, maintenance: updateStatus.completed };
}

/** Reads STATUS_ROOT's components.yml and the build clock. */
export function loadAuthoringContext(env: Record<string, string | undefined>): AuthoringContext {
  const root = readContentRoot(env);
  const now = readBuildClock(env);
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

/** A refusal that is about one file: printed as problems, exit 1, nothing written. */
export class RefusedError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems[0]?.message);
    this.problems = problems;
  }
}

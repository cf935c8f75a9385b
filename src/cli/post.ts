import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { readSnapshotAtRef } from '../node/git.ts';
import { loadRepository } from '../node/load-repository.ts';
import { commitAs, fetchBranch, isMergedInto, pushBranch, runGit } from '../node/post-branch.ts';
import { appendUpdate, createIncident, type AuthoringResult } from '../node/authoring.ts';
import { refusalLines } from './incident-command.ts';
import { loadAuthoringContext, RefusedError, UsageError } from './incident-context.ts';
import { incidentSlug, newIncidentInput, updateInput } from './incident-input.ts';
import { checkTranslationFlags } from './incident-prompts.ts';
import { appendStepSummary, setStepOutputs } from '../node/github-actions.ts';
import { escapeForLog, escapeMarkdown, flattenToLine } from '../domain/text-safety.ts';
import { summarizePublication } from './pr-summary.ts';
import { isOptionError, parseOptions } from './options.ts';
import { planAlert, planForm, planForState, RefusedInput, value, type Plan } from './post-plan.ts';

export { alertBranchName } from './post-plan.ts';

export interface PostIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** The pull request title: one line, at most 200 characters. */
function pullRequestTitle(text: string): string {
  return flattenToLine(text).trim().slice(0, 200);
}

function refuse(io: PostIo, lines: readonly string[]): number {
  for (const line of lines) io.out(escapeForLog(line));
  appendStepSummary(io.env, [
    '## ❌ Nothing was posted',
    '',
    'The authoring check refused this input; no branch or pull request was created.',
    '',
    ...lines.map((line) => `- ${escapeMarkdown(line)}`),
  ]);
  return 1;
}

/** Each problem's message and hint on lines of their own, for the log and the job summary. */
function problemLines(problems: Parameters<typeof refusalLines>[0]): string[] {
  const file = problems[0]?.file ?? 'incidents';
  return refusalLines(problems, file)
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Builds the typed input from the plan's values exactly as `npm run incident:*` builds it from
 * flags, and hands it to the authoring API: the written file, or the lines that say why not.
 */
async function author(plan: Plan, env: PostIo['env']): Promise<{ file: string; kind?: string } | string[]> {
  const flags = new Map(
    Object.entries(plan.values).flatMap(([name, given]) => (given === undefined ? [] : [[name, [given]]])),
  );
  const io = { out: () => {}, env };
  try {
    const context = loadAuthoringContext(env);
    let result: AuthoringResult;
    let kind: string | undefined;
    if (plan.command === 'new') {
      checkTranslationFlags(flags, context, ['title', 'message']);
      const input = await newIncidentInput(flags, io, context);
      kind = input.kind;
      result = await createIncident(context, input);
    } else {
      const slug = incidentSlug(context, plan.slug, plan.command);
      const resolve = plan.command === 'resolve';
      result = await appendUpdate(context, slug, (incident) => updateInput(flags, io, resolve, context, incident));
    }
    return 'problems' in result ? problemLines(result.problems) : { file: result.file, kind };
  } catch (error) {
    if (error instanceof RefusedError) return problemLines(error.problems);
    if (error instanceof UsageError) return [escapeForLog(error.message)];
    throw error;
  }
}

/** Puts the checkout back at `start`, without what a refused or superseded attempt wrote in incidents/. */
function resetTo(root: string, start: string): void {
  runGit(root, ['checkout', '--quiet', '--', 'incidents/']);
  runGit(root, ['clean', '--quiet', '--force', '--', 'incidents/']);
  runGit(root, ['checkout', '--quiet', '--detach', start]);
}

type Attempt = { posted: number } | 'branch-moved';

/** One try: base the work on the branch as origin has it now, write, commit, push. */
async function attemptPost(source: string, io: PostIo, root: string, now: number, start: string): Promise<Attempt> {
  let plan: Plan | string;
  try {
    plan = source === 'form' ? planForm(io.env) : planAlert(io.env, root);
  } catch (error) {
    if (error instanceof RefusedInput) return { posted: refuse(io, [error.message]) };
    throw error;
  }
  if (typeof plan !== 'string' && plan.existingBranch && fetchBranch(root, plan.existingBranch)) {
    const ref = `refs/remotes/origin/${plan.existingBranch}`;
    if (!isMergedInto(root, ref)) runGit(root, ['checkout', '--quiet', '--detach', ref]);
  }
  if (typeof plan !== 'string') plan = planForState(plan, root, now);
  if (typeof plan === 'string') {
    io.out(escapeForLog(plan));
    appendStepSummary(io.env, ['## Nothing to post', '', escapeMarkdown(plan)]);
    setStepOutputs(io.env, { pushed: 'false' });
    resetTo(root, start);
    return { posted: 0 };
  }
  const written = await author(plan, io.env);
  if (Array.isArray(written)) {
    resetTo(root, start);
    return { posted: refuse(io, written) };
  }
  const { file } = written;
  const branch = typeof plan.branch === 'string' ? plan.branch : plan.branch(file);
  if (plan.expectMaintenance && written.kind !== 'maintenance') {
    resetTo(root, start);
    return {
      posted: refuse(io, [
        `The template "${value(io.env, 'POST_TEMPLATE') ?? ''}" describes an incident, not maintenance; leave the template empty for scheduled-maintenance, or pick a template with kind: maintenance.`,
      ]),
    };
  }
  if (plan.command === 'new' && fetchBranch(root, branch) && !isMergedInto(root, `refs/remotes/origin/${branch}`)) {
    resetTo(root, start);
    return {
      posted: refuse(io, [
        `The branch ${branch} already holds unmerged work for ${file}; post an update to that incident instead.`,
      ]),
    };
  }
  const trailers = plan.trailers.some((line) => line.startsWith('Statusmark-Incident:'))
    ? plan.trailers
    : [...plan.trailers, ...(plan.trailers.length ? [`Statusmark-Incident: ${file}`] : [])];
  const message = `${plan.describe}: ${file}${trailers.length ? `\n\n${trailers.join('\n')}` : ''}`;
  commitAs(root, file, message, io.env.STATUS_NOW || undefined);
  if (!pushBranch(root, branch)) {
    resetTo(root, start);
    return 'branch-moved';
  }

  const base = readSnapshotAtRef(root, start);
  const head = loadRepository(root, now).snapshot;
  const incident = head.incidents.find((item) => item.value.file === file)?.value;
  const latest = incident?.updates.at(-1);
  const title = pullRequestTitle(`${plan.describe}: ${incident?.title ?? file}`);
  const body = [
    summarizePublication(base.ok ? base.snapshot : { incidents: [], slugs: new Set() }, head),
    ...(latest ? ['### The new update', '', `**${latest.status}**: ${escapeMarkdown(latest.message)}`, ''] : []),
    `Written by \`npm run post -- ${source}\` to \`${file}\` on \`${branch}\`. CI validates it like any other change; merging publishes it.`,
    '',
  ].join('\n');
  const bodyFile = join(io.env.RUNNER_TEMP || mkdtempSync(join(tmpdir(), 'statusmark-post-')), 'post-pull-request.md');
  writeFileSync(bodyFile, body);
  setStepOutputs(io.env, { pushed: 'true', branch, file, title, body_file: bodyFile, draft: String(plan.draft) });
  appendStepSummary(io.env, [body.replace(/\n$/, '')]);
  io.out(`Pushed ${file} to ${branch}.`);
  io.out(`Pull request title: ${title}`);
  io.out(`Pull request body: ${bodyFile}`);
  return { posted: 0 };
}

const attempts = 3;

/**
 * `npm run post -- form|alert`: one form submission or alert payload, read
 * from environment variables only, written by the same code as
 * `npm run incident:*`, committed on its own branch and pushed to origin.
 * When another run pushed the same branch first (two alerts at once), it
 * starts again from the new tip. The workflow opens (or keeps) the pull
 * request from the outputs.
 */
export async function runPostCommand(args: readonly string[], io: PostIo): Promise<number> {
  // Its values come from the environment only: any option at all gets the usage line.
  const parsed = parseOptions(args, {}, { command: 'npm run post' });
  const source = isOptionError(parsed) ? undefined : parsed.positionals[0];
  if (isOptionError(parsed) || (source !== 'form' && source !== 'alert') || parsed.positionals.length > 1) {
    io.out('Usage: npm run post -- form|alert (values come from POST_* or ALERT_* environment variables).');
    return 2;
  }
  const root = readContentRoot(io.env);
  const now = readBuildClock(io.env);
  // It moves HEAD and cleans incidents/ between attempts: only with no changes of one's own there.
  // (Other files may differ: npm install can rewrite package-lock.json in the workflow.)
  if (runGit(root, ['status', '--porcelain', '--', 'incidents/', 'components.yml']).trim())
    return refuse(io, [
      'npm run post works in a checkout without changes to incidents/ or components.yml, as in the workflows; commit or stash them first, or use npm run incident:new|update|resolve.',
    ]);
  runGit(root, ['checkout', '--quiet', '--detach']);
  const start = runGit(root, ['rev-parse', 'HEAD']).trim();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await attemptPost(source, io, root, now, start);
    if (result !== 'branch-moved') return result.posted;
    io.out(`Another run pushed the same branch first; trying again on top of it (${attempt} of ${attempts}).`);
  }
  return refuse(io, [`The branch kept moving while this run tried to push ${attempts} times; run it again.`]);
}

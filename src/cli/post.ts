import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toSlug, slugPattern } from '../domain/vocabulary.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { readSnapshotAtRef } from '../node/git.ts';
import { loadRepository } from '../node/load-repository.ts';
import { commitAs, fetchBranch, findTrailer, isMergedInto, pushBranch, runGit } from '../node/post-branch.ts';
import { deriveIncidentState } from '../domain/derive.ts';
import { readAsValidator } from './append-update.ts';
import { incidentUsage, runIncidentCommand } from './incident-command.ts';
import { wordsOfLanguage } from '../domain/languages.ts';
import { readOperatorSettings } from '../node/notify/operator-channels.ts';
import { escapeForLog as visible, escapeMarkdown as markdownText } from '../domain/text-safety.ts';
import { summarizePublication } from './pr-summary.ts';

export interface PostIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** What one run asks the authoring commands to do, and where the result goes. */
interface Plan {
  command: 'new' | 'update' | 'resolve';
  args: string[];
  /** The branch to push; for a new form incident it is named after the file once written. */
  branch: ((file: string) => string) | string;
  /** Base the work on this branch when origin has unmerged commits on it. */
  existingBranch?: string | undefined;
  draft: boolean;
  /** For the maintenance action: the template must make a maintenance. */
  expectMaintenance?: boolean;
  /** For alerts: whether this one says the problem cleared. */
  alertResolved?: boolean | undefined;
  /** Trailers recorded in the commit, so a later alert finds its incident. */
  trailers: string[];
  describe: string;
}

const formActions = ['new', 'update', 'resolve', 'maintenance'] as const;

/** A form or payload value: trimmed, empty as absent. */
function value(env: PostIo['env'], name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

/** `--flag value` pairs for the values that were given. */
function flags(pairs: Record<string, string | undefined>): string[] {
  return Object.entries(pairs).flatMap(([flag, given]) => (given === undefined ? [] : [`--${flag}`, given]));
}

/** Components with a status (`api=major_outage`), which is what an update can change; an alert's others are dropped. */
function componentChanges(text: string | undefined): string | undefined {
  const changes = (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.includes('='));
  return changes.length ? changes.join(',') : undefined;
}

/** `start` or `start/end` in the form's time field, for a maintenance window. */
function windowFlags(text: string | undefined): string[] {
  if (!text) return [];
  const [start, end] = text.split('/').map((part) => part.trim());
  return flags({ start, end: end || undefined });
}

class RefusedInput extends Error {}

/** `incidents/<slug>.md` as given in the form: only a well-formed slug names a branch. */
function cleanSlug(slug: string | undefined): string | undefined {
  const clean = slug?.replace(/^incidents\//, '').replace(/\.md$/, '');
  return clean && slugPattern.test(clean) ? clean : undefined;
}

function planForm(env: PostIo['env']): Plan {
  const action = value(env, 'POST_ACTION') ?? 'new';
  if (!(formActions as readonly string[]).includes(action))
    throw new RefusedInput(`The action "${action}" is not one of ${formActions.join(', ')}.`);
  const slugGiven = value(env, 'POST_SLUG');
  const message = value(env, 'POST_MESSAGE');
  const components = value(env, 'POST_COMPONENTS');
  if (action === 'new' || action === 'maintenance') {
    const template = value(env, 'POST_TEMPLATE') ?? (action === 'maintenance' ? 'scheduled-maintenance' : undefined);
    const time = value(env, 'POST_NEXT_UPDATE');
    return {
      command: 'new',
      args: [
        ...flags({
          template,
          title: value(env, 'POST_TITLE'),
          impact: action === 'new' ? value(env, 'POST_IMPACT') : undefined,
          components,
          status: value(env, 'POST_STATUS'),
          message,
          'next-update': action === 'new' ? time : undefined,
        }),
        ...(action === 'maintenance' ? windowFlags(time) : []),
      ],
      branch: (file) => `post/${file.slice('incidents/'.length, -3)}`,
      draft: false,
      trailers: [],
      describe: action === 'new' ? 'New incident' : 'Scheduled maintenance',
      expectMaintenance: action === 'maintenance',
    };
  }
  if (!slugGiven)
    throw new RefusedInput(
      `Name the incident to ${action}: its slug, the file name in incidents/ without .md (for example 2026-11-20-elevated-api-errors).`,
    );
  const slug = cleanSlug(slugGiven);
  return {
    command: action === 'resolve' ? 'resolve' : 'update',
    args: [
      slugGiven,
      ...flags({
        status: action === 'update' ? value(env, 'POST_STATUS') : undefined,
        message,
        // Every entry, so one without a status is refused with the command's message, not dropped.
        component: components,
        'next-update': action === 'update' ? value(env, 'POST_NEXT_UPDATE') : undefined,
        impact: value(env, 'POST_IMPACT'),
      }),
    ],
    branch: `post/${slug ?? 'invalid'}`,
    existingBranch: slug && `post/${slug}`,
    draft: false,
    trailers: [],
    describe: action === 'resolve' ? 'Resolve' : 'Update',
  };
}

/** A branch-safe name for an alert id: its slug, plus a short hash when the slug is not the id itself. */
export function alertBranchName(alertId: string): string {
  const slug = toSlug(alertId.normalize('NFKD')).slice(0, 48).replace(/-+$/, '');
  if (slug === alertId) return `alert/${slug}`;
  const hash = createHash('sha256').update(alertId).digest('hex').slice(0, 8);
  return `alert/${slug ? `${slug}-` : ''}${hash}`;
}

const resolvedValues = new Set(['true', 'yes', '1', 'resolved']);

function planAlert(env: PostIo['env'], root: string): Plan | string {
  const alertId = value(env, 'ALERT_ID');
  if (!alertId)
    throw new RefusedInput(
      'The alert has no id: send client_payload.alert_id, the same for every alert about one problem.',
    );
  const branch = alertBranchName(alertId);
  const trailers = [`Statusmark-Alert: ${branch.slice('alert/'.length)}`];
  const onOrigin = fetchBranch(root, branch);
  const known =
    (onOrigin
      ? findTrailer(root, `refs/remotes/origin/${branch}`, 'Statusmark-Alert', branch.slice(6), 'Statusmark-Incident')
      : undefined) ?? findTrailer(root, 'HEAD', 'Statusmark-Alert', branch.slice(6), 'Statusmark-Incident');
  const resolved = resolvedValues.has((value(env, 'ALERT_RESOLVED') ?? '').toLowerCase());
  const message = value(env, 'ALERT_MESSAGE');
  const components = value(env, 'ALERT_COMPONENTS');
  const impact = value(env, 'ALERT_IMPACT');
  if (!known) {
    if (resolved) return `No incident was opened for alert ${alertId}, so its resolution changes nothing.`;
    return {
      command: 'new',
      args: flags({
        template: value(env, 'ALERT_TEMPLATE'),
        title: value(env, 'ALERT_TITLE'),
        impact,
        components,
        message,
      }),
      branch,
      draft: true,
      trailers,
      describe: 'Draft incident from an alert',
    };
  }
  const slug = known.slice('incidents/'.length, -3);
  // The words the incident is written in: the page's first language (English when it cannot be read).
  const strings = operatorStrings(root);
  const resolveAs = value(env, 'ALERT_RESOLVE_AS') === 'resolved' ? 'resolved' : 'monitoring';
  const plan = {
    branch,
    existingBranch: branch,
    draft: true,
    alertResolved: resolved,
    trailers: [...trailers, `Statusmark-Incident: ${known}`],
  };
  if (resolved && resolveAs === 'resolved')
    return {
      ...plan,
      command: 'resolve',
      args: [slug, ...flags({ message, component: componentChanges(components) })],
      describe: 'Resolve from an alert',
    };
  return {
    ...plan,
    command: 'update',
    args: [
      slug,
      ...flags({
        status: resolved ? 'monitoring' : undefined,
        message: message ?? (resolved ? strings.alertCleared : (value(env, 'ALERT_TITLE') ?? strings.alertFiredAgain)),
        component: componentChanges(components),
        impact,
      }),
    ],
    describe: resolved ? 'Monitoring after an alert cleared' : 'Update from an alert',
  };
}

/** A single line of plain text, for a pull request title and a `GITHUB_OUTPUT` value. */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .trim()
    .slice(0, 200);
}

function writeOutputs(env: PostIo['env'], outputs: Record<string, string>): void {
  if (!env.GITHUB_OUTPUT) return;
  const delimiter = `statusmark_${createHash('sha256').update(JSON.stringify(outputs)).digest('hex')}`;
  for (const [name, text] of Object.entries(outputs))
    appendFileSync(env.GITHUB_OUTPUT, `${name}<<${delimiter}\n${oneLine(text)}\n${delimiter}\n`);
}

function writeSummary(env: PostIo['env'], markdown: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
}

/** The command's printed lines without the CLI usage text, which names flags the form does not have. */
function refusalLines(lines: readonly string[]): string[] {
  return lines
    .join('\n')
    .replace(incidentUsage, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function refuse(io: PostIo, lines: readonly string[]): number {
  for (const line of lines) io.out(visible(line));
  writeSummary(
    io.env,
    [
      '## ❌ Nothing was posted',
      '',
      'The authoring check refused this input; no branch or pull request was created.',
      '',
      ...lines.map((line) => `- ${markdownText(line)}`),
      '',
    ].join('\n'),
  );
  return 1;
}

/** Puts the checkout back at `start`, without what a refused or superseded attempt wrote in incidents/. */
function resetTo(root: string, start: string): void {
  runGit(root, ['checkout', '--quiet', '--', 'incidents/']);
  runGit(root, ['clean', '--quiet', '--force', '--', 'incidents/']);
  runGit(root, ['checkout', '--quiet', '--detach', start]);
}

/**
 * An alert about an incident that is already resolved on its branch: a cleared
 * alert has nothing to add, and a new one reopens it (resolved → investigating
 * is the one move back the validator allows).
 */
function planForState(plan: Plan, root: string, now: number): Plan | string {
  if (plan.alertResolved === undefined || plan.command === 'new') return plan;
  const file = `incidents/${plan.args[0]}.md`;
  if (!existsSync(join(root, file))) return plan;
  const parsed = readAsValidator(file, readFileSync(join(root, file), 'utf8'));
  if (!parsed.ok) return plan;
  const status = deriveIncidentState(parsed.value.value, now).status;
  if (status !== 'resolved' && status !== 'completed') return plan;
  if (plan.alertResolved) return `${file} is already resolved, so the cleared alert changes nothing.`;
  return { ...plan, args: [...plan.args, '--status', 'investigating'], describe: 'Reopened by an alert' };
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
    io.out(visible(plan));
    writeSummary(io.env, `## Nothing to post\n\n${markdownText(plan)}\n`);
    writeOutputs(io.env, { pushed: 'false' });
    resetTo(root, start);
    return { posted: 0 };
  }
  const lines: string[] = [];
  const code = await runIncidentCommand(plan.command, plan.args, { out: (line) => lines.push(line), env: io.env });
  if (code !== 0) {
    resetTo(root, start);
    return { posted: refuse(io, refusalLines(lines)) };
  }
  const file = /^Wrote (incidents\/[a-z0-9-]+\.md)$/m.exec(lines.join('\n'))?.[1];
  if (!file) throw new Error(`The authoring command reported no file:\n${lines.join('\n')}`);
  const branch = typeof plan.branch === 'string' ? plan.branch : plan.branch(file);
  if (plan.expectMaintenance && !/^kind: maintenance$/m.test(readFileSync(join(root, file), 'utf8'))) {
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
  const title = oneLine(`${plan.describe}: ${incident?.title ?? file}`);
  const body = [
    summarizePublication(base.ok ? base.snapshot : { incidents: [], slugs: new Set() }, head),
    ...(latest ? ['### The new update', '', `**${latest.status}**: ${markdownText(latest.message)}`, ''] : []),
    `Written by \`npm run post -- ${source}\` to \`${file}\` on \`${branch}\`. CI validates it like any other change; merging publishes it.`,
    '',
  ].join('\n');
  const bodyFile = join(io.env.RUNNER_TEMP || mkdtempSync(join(tmpdir(), 'statusmark-post-')), 'post-pull-request.md');
  writeFileSync(bodyFile, body);
  writeOutputs(io.env, { pushed: 'true', branch, file, title, body_file: bodyFile, draft: String(plan.draft) });
  writeSummary(io.env, body);
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
  const source = args[0];
  if (source !== 'form' && source !== 'alert') {
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

function operatorStrings(root: string) {
  const settings = readOperatorSettings(root);
  return wordsOfLanguage(settings.ok ? settings.value.language : undefined);
}

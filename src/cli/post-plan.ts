import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveIncidentState } from '../domain/derive.ts';
import { wordsOfLanguage } from '../domain/languages.ts';
import { maxTitleLength } from '../domain/schema/index.ts';
import { shortenAtWord } from '../domain/text-safety.ts';
import { slugPattern, toSlug } from '../domain/vocabulary.ts';
import { readOperatorSettings } from '../node/notify/operator-channels.ts';
import { fetchBranch, findTrailer } from '../node/post-branch.ts';
import { readAsValidator } from '../node/update-insertion.ts';

// What `npm run post` is asked to do: a form submission or an alert payload, read from the
// environment, as the option values of one authoring command and the branch the result goes to.

type Env = Record<string, string | undefined>;

/** The option values of an authoring command, by name; absent ones are left out. */
export type Values = Record<string, string | undefined>;

/** What one run asks the authoring API to do, and where the result goes. */
export interface Plan {
  command: 'new' | 'update' | 'resolve';
  /** The incident to update or resolve, as given. */
  slug?: string;
  values: Values;
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
export function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
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
function windowValues(text: string | undefined): Values {
  if (!text) return {};
  const [start, end] = text.split('/').map((part) => part.trim());
  return { start, end: end || undefined };
}

export class RefusedInput extends Error {}

/** `incidents/<slug>.md` as given in the form: only a well-formed slug names a branch. */
function cleanSlug(slug: string | undefined): string | undefined {
  const clean = slug?.replace(/^incidents\//, '').replace(/\.md$/, '');
  return clean && slugPattern.test(clean) ? clean : undefined;
}

export function planForm(env: Env): Plan {
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
      values: {
        template,
        title: value(env, 'POST_TITLE'),
        impact: action === 'new' ? value(env, 'POST_IMPACT') : undefined,
        components,
        status: value(env, 'POST_STATUS'),
        message,
        'next-update': action === 'new' ? time : undefined,
        ...(action === 'maintenance' ? windowValues(time) : {}),
      },
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
    slug: slugGiven,
    values: {
      status: action === 'update' ? value(env, 'POST_STATUS') : undefined,
      message,
      // Every entry, so one without a status is refused with the command's message, not dropped.
      component: components,
      'next-update': action === 'update' ? value(env, 'POST_NEXT_UPDATE') : undefined,
      impact: value(env, 'POST_IMPACT'),
    },
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

/**
 * An alert's title as an incident title: a monitoring tool may send a whole error text, and a
 * title over `maxTitleLength` would block the draft (TitleTooLong), so it is cut at a word.
 */
function alertTitle(env: Env): string | undefined {
  const title = value(env, 'ALERT_TITLE');
  return title && shortenAtWord(title, maxTitleLength);
}

const resolvedValues = new Set(['true', 'yes', '1', 'resolved']);

export function planAlert(env: Env, root: string): Plan | string {
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
      values: { template: value(env, 'ALERT_TEMPLATE'), title: alertTitle(env), impact, components, message },
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
      slug,
      values: { message, component: componentChanges(components) },
      describe: 'Resolve from an alert',
    };
  return {
    ...plan,
    command: 'update',
    slug,
    values: {
      status: resolved ? 'monitoring' : undefined,
      message: message ?? (resolved ? strings.alertCleared : (value(env, 'ALERT_TITLE') ?? strings.alertFiredAgain)),
      component: componentChanges(components),
      impact,
    },
    describe: resolved ? 'Monitoring after an alert cleared' : 'Update from an alert',
  };
}

/**
 * An alert about an incident that is already resolved on its branch: a cleared
 * alert has nothing to add, and a new one reopens it (resolved → investigating
 * is the one move back the validator allows).
 */
export function planForState(plan: Plan, root: string, now: number): Plan | string {
  if (plan.alertResolved === undefined || plan.command === 'new') return plan;
  const file = `incidents/${plan.slug}.md`;
  if (!existsSync(join(root, file))) return plan;
  const parsed = readAsValidator(file, readFileSync(join(root, file), 'utf8'));
  if (!parsed.ok) return plan;
  const status = deriveIncidentState(parsed.value.value, now).status;
  if (status !== 'resolved' && status !== 'completed') return plan;
  if (plan.alertResolved) return `${file} is already resolved, so the cleared alert changes nothing.`;
  return { ...plan, values: { ...plan.values, status: 'investigating' }, describe: 'Reopened by an alert' };
}

function operatorStrings(root: string) {
  const settings = readOperatorSettings(root);
  return wordsOfLanguage(settings.ok ? settings.value.language : undefined);
}

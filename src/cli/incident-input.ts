import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deriveIncidentState } from '../domain/derive.ts';
import { authorTimestamp, type NewIncident, type NewUpdate } from '../domain/incident-text.ts';
import type { Incident } from '../domain/schema/index.ts';
import { parseTimestamp } from '../domain/time.ts';
import { allowedNextStatuses } from '../domain/transitions.ts';
import {
  affectedStatuses,
  componentStatuses,
  impacts,
  slugPattern,
  toSlug,
  type Impact,
  type UpdateStatus,
} from '../domain/vocabulary.ts';
import { newIncidentFile } from '../node/authoring.ts';
import { incidentsDirName } from '../node/load-repository.ts';
import { RefusedError, UsageError, type AuthoringContext } from './incident-context.ts';
import { oneOf, translationsOf, valueOf, type CommandIo, type Flags } from './incident-prompts.ts';
import { readTemplate } from './incident-templates.ts';

// Flags (or a form's fields) and answers in a terminal → the typed input of the authoring API.

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

function parseComponentList(text: string, known: readonly string[]): NonNullable<NewIncident['components']> {
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

function nextUpdateOf(flags: Flags, context: AuthoringContext): string | undefined {
  const nextUpdate = flags.get('next-update')?.at(-1);
  return nextUpdate ? authorTimestamp(parseWhen(nextUpdate, context.now), context.timeZone) : undefined;
}

/** `incident:new`: a new incident or maintenance from flags, a template and answers. */
export async function newIncidentInput(flags: Flags, io: CommandIo, context: AuthoringContext): Promise<NewIncident> {
  const templateName = flags.get('template')?.at(-1);
  const template = templateName === undefined ? undefined : readTemplate(context, templateName);
  const kind = template?.kind ?? 'incident';
  const title = await valueOf(flags, io, 'title', 'Title', template?.title);
  // A template's translation translates the template's own text: a title or message of the
  // author's making would otherwise be published with the template's words in other languages.
  const titleTranslations = await translationsOf(flags, io, context, 'title', 'Title', (language) =>
    title === template?.title ? template.translations[language]?.title : undefined,
  );
  const impact: Impact | undefined =
    kind === 'incident'
      ? oneOf(await valueOf(flags, io, 'impact', `Impact (${impacts.join(', ')})`, template?.impact), impacts, 'impact')
      : undefined;
  if (io.ask && !flags.has('components'))
    io.out(`Components: ${context.componentIds.map((id, index) => `${index + 1}. ${id}`).join('  ')}`);
  const componentDefault = template?.components.map((c) => (c.status ? `${c.id}=${c.status}` : c.id)).join(',') ?? '';
  const components = parseComponentList(
    await valueOf(
      flags,
      io,
      'components',
      'Affected components (ids or numbers, comma-separated; id=status to set one)',
      componentDefault,
    ),
    context.componentIds,
  );
  const defaultStatus = template?.status ?? (kind === 'maintenance' ? 'scheduled' : 'investigating');
  const status = (await valueOf(flags, io, 'status', 'Status', defaultStatus)) as UpdateStatus;
  const message = await valueOf(flags, io, 'message', 'Message for customers', template?.message);
  const translations = await translationsOf(flags, io, context, 'message', 'Message', (language) =>
    message === template?.message ? template.translations[language]?.message : undefined,
  );
  let window: { start: string; end: string } | undefined;
  if (kind === 'maintenance') {
    const start = parseWhen(
      await valueOf(flags, io, 'start', 'Window start (ISO time or e.g. 24h from now)'),
      context.now,
    );
    const end = parseWhen(
      await valueOf(
        flags,
        io,
        'end',
        'Window end (ISO time)',
        authorTimestamp(start + 2 * 3_600_000, context.timeZone),
      ),
      context.now,
    );
    window = { start: authorTimestamp(start, context.timeZone), end: authorTimestamp(end, context.timeZone) };
  }
  const input: NewIncident = {
    kind,
    title,
    impact,
    components,
    window,
    translations: Object.fromEntries(
      Object.entries(titleTranslations).map(([language, text]) => [language, { title: text }]),
    ),
    update: {
      at: authorTimestamp(context.now, context.timeZone),
      status,
      message,
      translations,
      next_update: nextUpdateOf(flags, context),
    },
  };
  const file = newIncidentFile(input);
  if (existsSync(join(context.root, file)))
    throw new UsageError(
      `${file} already exists; update it with npm run incident:update -- ${file.slice(incidentsDirName.length + 1, -3)}.`,
    );
  return input;
}

/**
 * The slug of `incidents/<slug>.md` given on the command line, checked with
 * the validator's slug rule so that no name can reach outside incidents/.
 */
export function incidentSlug(context: AuthoringContext, slug: string | undefined, command: string): string {
  if (!slug)
    throw new UsageError(`Name the incident: npm run incident:${command} -- <slug> (the file name without .md).`);
  const clean = slug.replace(/^incidents\//, '').replace(/\.md$/, '');
  if (!slugPattern.test(clean)) {
    const suggestion = toSlug(clean.replace(/^.*\//, ''));
    const exists = suggestion && existsSync(join(context.root, incidentsDirName, `${suggestion}.md`));
    throw new RefusedError([
      {
        file: `${incidentsDirName}/`,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'InvalidSlug',
        message: `"${slug}" is not an incident slug: a slug is the file name in incidents/ without ".md", in lowercase letters, digits and hyphens.`,
        hint: exists
          ? `Did you mean: npm run incident:${command} -- ${suggestion}`
          : `List the incidents with ls incidents/ and pass one name, for example: npm run incident:${command} -- 2026-11-20-elevated-api-errors`,
      },
    ]);
  }
  if (!existsSync(join(context.root, incidentsDirName, `${clean}.md`)))
    throw new UsageError(`There is no ${incidentsDirName}/${clean}.md.`);
  return clean;
}

/** `incident:update` and `incident:resolve`: the new update, from flags or prompts, for `incident` as it is now. */
export async function updateInput(
  flags: Flags,
  io: CommandIo,
  resolve: boolean,
  context: AuthoringContext,
  incident: Incident,
): Promise<NewUpdate> {
  const current = deriveIncidentState(incident, context.now).status;
  const final: UpdateStatus = incident.kind === 'maintenance' ? 'completed' : 'resolved';
  if (io.ask && !resolve && !flags.has('status'))
    io.out(`Current status: ${current}. Next may be: ${allowedNextStatuses(incident.kind, current).join(', ')}.`);
  const status = resolve ? final : ((await valueOf(flags, io, 'status', 'Status', current)) as UpdateStatus);
  const message = await valueOf(
    flags,
    io,
    'message',
    'Message for customers',
    resolve ? context.closingWords[incident.kind] : undefined,
  );
  const translations = await translationsOf(flags, io, context, 'message', 'Message');
  const components = (flags.get('component') ?? []).flatMap((item) =>
    item.split(',').map((pair) => {
      const [id, value] = pair.split('=');
      if (!id || !value) throw new UsageError(`--component "${pair}" should look like api=degraded_performance.`);
      return { id: id.trim(), status: oneOf(value.trim(), componentStatuses, 'component') };
    }),
  );
  const impact = flags.get('impact')?.at(-1);
  return {
    at: authorTimestamp(context.now, context.timeZone),
    status,
    message,
    translations,
    next_update: nextUpdateOf(flags, context),
    components: components.length ? components : undefined,
    impact: impact === undefined ? undefined : oneOf(impact, impacts, 'impact'),
  };
}

import { describeCharacter } from '../characters.ts';
import { controlCharacterPattern } from '../text-safety.ts';
import type { Impact } from '../vocabulary.ts';
import { parseCstateDate } from './cstate-dates.ts';
import {
  ImportError,
  type ImportNote,
  type ImportSource,
  type SourceComponent,
  type SourceIncident,
  type SourceUpdate,
} from './model.ts';

/**
 * cState's severities, as the authoring guide documents them: the incident's impact, which sets
 * the status of every affected component (critical → major outage, major → partial outage, minor
 * → degraded performance). `informational: true` is impact none whatever the severity.
 */
export const cstateSeverities: Record<string, Impact> = { down: 'critical', disrupted: 'major', notice: 'minor' };

export interface CstateIssue {
  /** `content/issues/2020-01-08-outage.md`. */
  file: string;
  frontMatter: unknown;
  body: string;
}

export interface CstateSite {
  /** The folder the operator named. */
  name: string;
  config: unknown;
  issues: CstateIssue[];
  /** `--timezone`: how dates without an offset are read. */
  timezone: string;
  /** `--map old=new`: an `affected` name that is not a system, and the system it means. */
  map: ReadonlyMap<string, string>;
}

type Raw = Record<string, unknown>;
const record = (value: unknown): Raw | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;

/** The update blocks: text, then `{{< track "time" >}}`. */
const trackPattern = /\{\{<\s*track\s+"([^"]*)"\s*>\}\}/g;

function text(value: unknown, source: string, what: string, maxLength = 200_000): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new ImportError(source, what, 'is not text.', 'Write it as text in the file.');
  const string = String(value);
  if (string.length > maxLength)
    throw new ImportError(
      source,
      what,
      `is longer than ${maxLength.toLocaleString('en')} characters.`,
      'Check the file.',
    );
  const char = controlCharacterPattern.exec(string)?.[0];
  if (char)
    throw new ImportError(
      source,
      what,
      `contains the control character ${describeCharacter(char)}.`,
      'Remove it from the file.',
    );
  return string;
}

/** Reads a cState site (its `config.yml` and `content/issues/*.md`) into the importers' neutral shape. */
export function readCstate(site: CstateSite): ImportSource {
  const notes: ImportNote[] = [];
  const config = record(site.config) ?? {};
  const params = record(config.params) ?? {};
  const configFile = `${site.name}/config.yml`;
  const categories = (Array.isArray(params.categories) ? params.categories : [])
    .map(record)
    .filter((item) => item !== undefined);
  const grouped = new Set(
    categories
      .filter((category) => category.untitled !== true)
      .map((category) => text(category.name, configFile, 'a category name')),
  );
  const groups = categories
    .filter((category) => category.untitled !== true && typeof category.name === 'string')
    .map((category) => ({
      key: category.name as string,
      name: category.name as string,
      description: text(category.description, configFile, `category "${String(category.name)}"`),
    }));
  const systems = (Array.isArray(params.systems) ? params.systems : [])
    .map(record)
    .filter((item) => item !== undefined);
  const components: SourceComponent[] = systems.map((system, index) => {
    const name = text(system.name, configFile, `system ${index + 1}`, 500);
    if (!name)
      throw new ImportError(
        configFile,
        `system ${index + 1}`,
        'has no name.',
        'Give every system under params.systems a name.',
      );
    const category = typeof system.category === 'string' && grouped.has(system.category) ? system.category : undefined;
    return {
      key: name,
      name,
      description: text(system.description, configFile, `system "${name}"`, 10_000),
      group: category,
    };
  });
  const known = new Set(components.map((component) => component.key));
  for (const [from, to] of site.map)
    if (!known.has(to))
      throw new ImportError(
        `--map ${from}=${to}`,
        'the mapping',
        `names "${to}", which is not a system in config.yml.`,
        `Use one of: ${[...known].map((name) => `"${name}"`).join(', ')}.`,
        'ImportUsage',
      );
  const unknown = new Map<string, string[]>();
  const incidents = site.issues.map((issue) => {
    const incident = readIssue(issue, site, notes);
    incident.components = incident.components.map((name) => {
      const mapped = site.map.get(name) ?? name;
      if (!known.has(mapped)) unknown.set(mapped, [...(unknown.get(mapped) ?? []), issue.file]);
      return mapped;
    });
    return incident;
  });
  for (const [name, files] of unknown)
    components.push({
      key: name,
      name,
      description: undefined,
      group: undefined,
      retired: true,
      retiredReason: `it is in "affected" of ${files.join(', ')} but not a system in config.yml (or map it: --map "${name}=<system>")`,
    });
  return {
    name: site.name,
    page: {
      name: text(config.title, configFile, 'title', 500) ?? 'Status',
      url: (text(config.baseURL, configFile, 'baseURL', 2000) ?? 'https://status.example.com').replace(/\/+$/, ''),
      timezone: site.timezone,
    },
    groups,
    components,
    incidents,
    notes,
  };
}

function readIssue(issue: CstateIssue, site: CstateSite, notes: ImportNote[]): SourceIncident {
  const data = record(issue.frontMatter);
  if (!data)
    throw new ImportError(
      issue.file,
      'the front matter',
      'is not a mapping of fields.',
      'Check the file starts with "---", then "title: …".',
    );
  const zoneless: string[] = [];
  const date = (field: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return undefined;
    const parsed = parseCstateDate(value, site.timezone);
    if (!parsed)
      throw new ImportError(
        issue.file,
        field,
        `${JSON.stringify(value)} is not a date.`,
        'Write it as "2021-06-01 09:00:00".',
      );
    if (parsed.zoneless) zoneless.push(typeof value === 'string' ? value : JSON.stringify(value));
    return parsed.instant;
  };
  const title = text(data.title, issue.file, 'title', 1000);
  if (!title) throw new ImportError(issue.file, 'title', 'is missing.', 'Give the issue a title.');
  const start = date('date', data.date);
  if (start === undefined) throw new ImportError(issue.file, 'date', 'is missing.', 'Give the issue a date.');
  const severity = typeof data.severity === 'string' ? data.severity : 'disrupted';
  let impact = cstateSeverities[severity];
  if (!impact) {
    notes.push({
      file: issue.file,
      change: 'impact: major',
      reason: `"${severity}" is not a cState severity (down, disrupted, notice)`,
    });
    impact = 'major';
  }
  if (data.informational === true) impact = 'none';
  const body = text(issue.body, issue.file, 'the text', 1_000_000) ?? '';
  const updates: SourceUpdate[] = [];
  let rest = body;
  let last = 0;
  for (const match of body.matchAll(trackPattern)) {
    const message = body.slice(last, match.index).trim();
    const at = date(`{{< track "${match[1]}" >}}`, match[1]) ?? start;
    updates.push({ at, status: 'investigating', message, components: [] });
    last = match.index + match[0].length;
  }
  rest = body.slice(last).trim();
  if (updates.length === 0) {
    updates.push({ at: start, status: 'investigating', message: rest || title, components: [] });
    rest = '';
  }
  // Tracks are written newest first: reversed, equal times keep their written order.
  updates.reverse();
  const resolvedWhen = date('resolvedWhen', data.resolvedWhen);
  if (data.resolved === true) {
    const sorted = [...updates].sort((a, b) => a.at - b.at);
    const final = sorted.at(-1)!;
    const at = resolvedWhen ?? final.at;
    if (updates.length === 1 && body.search(trackPattern) === -1) {
      final.status = 'resolved';
      final.at = Math.max(at, final.at);
    } else if (at === final.at) final.status = 'resolved';
    else if (at > final.at)
      updates.push({ at, status: 'resolved', message: 'This issue has been resolved.', components: [] });
    else {
      final.status = 'resolved';
      notes.push({
        file: issue.file,
        change: `resolved at the last update (${new Date(final.at).toISOString()})`,
        reason: `resolvedWhen (${String(data.resolvedWhen)}) is before it`,
      });
    }
  }
  if (zoneless.length)
    notes.push({
      file: issue.file,
      change: `dates read in ${site.timezone}: ${[...new Set(zoneless)].join(', ')}`,
      reason: 'they carry no time zone (set it with --timezone)',
      info: true,
    });
  const affected = (Array.isArray(data.affected) ? data.affected : [])
    .map((name, index) => text(name, issue.file, `affected ${index + 1}`, 500) ?? '')
    .filter(Boolean);
  return {
    record: issue.file,
    kind: 'incident',
    title,
    impact,
    started: start,
    components: [...new Set(affected)],
    updates,
    body: rest || undefined,
  };
}

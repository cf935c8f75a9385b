import type { ComponentStatus, Impact, Kind } from '../vocabulary.ts';

/**
 * What an importer reads from another status page, before our rules are applied: the same
 * neutral shape for Statuspage and cState, so one planner decides ids, slugs and normalisations.
 * Instants are epoch milliseconds. `key` is the record's identity in the source (its id, or for
 * cState its name or file), used to join records and to name them in the report.
 */
export interface SourcePage {
  name: string;
  url: string;
  timezone: string;
  statuspageId?: string | undefined;
}

export interface SourceGroup {
  key: string;
  statuspageId?: string | undefined;
  name: string;
  description?: string | undefined;
}

export interface SourceComponent {
  key: string;
  statuspageId?: string | undefined;
  name: string;
  description?: string | undefined;
  /** The `key` of its group. */
  group?: string | undefined;
  /** When it was created: its `since` date. */
  createdAt?: number | undefined;
  showcase?: boolean | undefined;
  /** Named by incidents, but no longer listed by the source. */
  retired?: boolean | undefined;
  /** Why it is retired, for the report. Default: the source no longer lists it. */
  retiredReason?: string | undefined;
}

export interface SourceUpdate {
  statuspageId?: string | undefined;
  at: number;
  /** As the source wrote it; the planner maps or reports it. */
  status: string;
  /** Markdown, already converted from the source's text. */
  message: string;
  /** Component statuses set by this update, by component `key`. */
  components: { key: string; status: ComponentStatus }[];
}

export interface SourceIncident {
  /** How the report names it: `incident 9tpgqq1h4bs7`, `content/issues/2020-01-08-outage.md`. */
  record: string;
  statuspageId?: string | undefined;
  kind: Kind;
  title: string;
  impact: Impact;
  started?: number | undefined;
  window?: { start: number; end: number } | undefined;
  /** Affected components with no status of their own (they follow the impact), by `key`. */
  components: string[];
  /** In any order; the planner sorts them. */
  updates: SourceUpdate[];
  /** Markdown shown below the front matter: the postmortem, or details. */
  body?: string | undefined;
  postmortemPublished?: number | undefined;
}

export interface ImportSource {
  /** What the operator named: a URL or a folder. */
  name: string;
  page: SourcePage;
  groups: SourceGroup[];
  components: SourceComponent[];
  incidents: SourceIncident[];
  /** What the reader already had to change or leave out. */
  notes: ImportNote[];
}

/** One line of the report: which file changed, what changed, and why. */
export interface ImportNote {
  file: string;
  change: string;
  reason: string;
  /** Only told, not changed (dates read in a zone): `--strict` does not refuse it. */
  info?: boolean | undefined;
}

/** Thrown by readers and the planner for input that cannot be imported; printed as a problem. */
export class ImportError extends Error {
  /** The URL or file the bad record came from. */
  readonly source: string;
  /** The record: `incident "9tpgqq1h4bs7" (3rd in incidents.json)`. */
  readonly record: string;
  readonly hint: string;
  readonly code: string;
  constructor(source: string, record: string, message: string, hint: string, code = 'ImportSourceInvalid') {
    super(message);
    this.source = source;
    this.record = record;
    this.hint = hint;
    this.code = code;
  }
}

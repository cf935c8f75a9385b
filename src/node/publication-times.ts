import { CORE_SCHEMA, load } from 'js-yaml';
import type { Publication } from '../domain/commitments/measure.ts';
import { isoTime } from '../domain/commitments/durations.ts';
import { isClosingStatus } from '../domain/vocabulary.ts';
import { incidentsDirName, isIncidentFileName } from './load-repository.ts';
import { splitFrontMatter } from './source-file.ts';
import { git, readBlobs } from './git.ts';

export interface PublicationTimes {
  /** By incident file relative to the content root, e.g. `incidents/2026-11-20-api.md`. */
  byFile: Map<string, Publication>;
  /** What git could not tell, in sentences for the report. */
  notes: string[];
}

interface Change {
  file: string;
  /** The file's blob after the commit; undefined when the commit deleted it. */
  blob: string | undefined;
}

interface Commit {
  id: string;
  time: number;
  parents: number;
  changes: Change[];
}

/**
 * One `git log` pass over the first-parent history of `ref` (for a merge, its diff against the
 * branch it was merged into), listing the incident files each commit changed and their new blobs.
 */
function readCommits(root: string, ref: string, prefix: string): Commit[] {
  const log = git(root, [
    '-c',
    'core.quotePath=false',
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--raw',
    '-z',
    '--no-renames',
    '--no-abbrev',
    '--format=%x01%H %ct %P',
    // No pathspec: limiting to incidents/ makes git compare every commit's trees twice, three
    // times slower over 40,000 commits; other paths are skipped below.
    ref,
    '--',
  ]).toString();
  const commits: Commit[] = [];
  for (const chunk of log.split('\x01').slice(1)) {
    const fields = chunk.split('\0');
    const [id, time, ...parents] = fields[0]!.trim().split(' ');
    const changes: Change[] = [];
    for (let index = 1; index + 1 < fields.length; index += 2) {
      const meta = fields[index]!.trim().split(' ');
      const path = fields[index + 1]!;
      if (!path.startsWith(prefix)) continue;
      const file = path.slice(prefix.length);
      const name = file.slice(incidentsDirName.length + 1);
      if (name.includes('/') || !isIncidentFileName(name)) continue;
      changes.push({ file, blob: meta[4]?.startsWith('D') ? undefined : meta[3] });
    }
    commits.push({ id: id!, time: Number(time) * 1000, parents: parents.filter(Boolean).length, changes });
  }
  return commits;
}

interface BlobFacts {
  updates: number;
  postmortem: boolean;
  /** Its last update resolves or completes it. */
  closed: boolean;
}

/** How many updates a version of an incident file lists, and whether it has `postmortem_published`. */
function readFacts(text: string): BlobFacts {
  const split = splitFrontMatter('', text);
  if (!split.ok) return { updates: 0, postmortem: false, closed: false };
  try {
    const data = load(split.value.yaml, { schema: CORE_SCHEMA }) as {
      updates?: unknown;
      postmortem_published?: unknown;
    };
    const updates: unknown[] = Array.isArray(data?.updates) ? data.updates : [];
    const last = updates.at(-1) as { status?: unknown } | undefined;
    return {
      updates: updates.length,
      postmortem: data?.postmortem_published !== undefined && data?.postmortem_published !== null,
      closed: isClosingStatus(last?.status),
    };
  } catch {
    return { updates: 0, postmortem: false, closed: false };
  }
}

/** Every blob in one `git cat-file --batch` call. */
function readBlobFacts(root: string, blobs: Set<string>): Map<string, BlobFacts> {
  const facts = new Map<string, BlobFacts>();
  for (const [id, blob] of readBlobs(root, [...blobs])) facts.set(id, readFacts(blob.toString('utf8')));
  return facts;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * When each update and postmortem reached `ref`: the committer date of the first-parent commit
 * that added it (the merge of a pull request, or the squash). Updates are append-only, so the
 * commit that raises a file's update count from n to m published updates n…m-1. Times git cannot
 * vouch for are left out (the report falls back to `at` and says why): commits at the boundary of
 * a shallow clone, and commits dated in the future or before the commit they follow.
 */
export function readPublicationTimes(root: string, now: number, ref = 'HEAD'): PublicationTimes {
  const byFile = new Map<string, Publication>();
  let prefix: string;
  let shallow: boolean;
  let commits: Commit[];
  try {
    prefix = git(root, ['rev-parse', '--show-prefix']).toString().trim();
    shallow = git(root, ['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
    commits = readCommits(root, ref, prefix);
  } catch {
    return {
      byFile,
      notes: [
        `No git history of "${ref}" here, so every time is the "at" typed in the files: run the report in a clone of the repository with its full history.`,
      ],
    };
  }
  const facts = readBlobFacts(root, new Set(commits.flatMap((commit) => commit.changes.flatMap((c) => c.blob ?? []))));
  const state = new Map<string, BlobFacts>();
  const odd: string[] = [];
  let boundaryUpdates = 0;
  const backfilled = new Set<string>();
  let latest = -Infinity;
  for (const commit of commits) {
    const boundary = shallow && commit.parents === 0;
    const trusted = !boundary && commit.time >= latest && commit.time <= now;
    if (!boundary && !trusted) odd.push(commit.id.slice(0, 7));
    latest = Math.max(latest, commit.time);
    for (const { file, blob } of commit.changes) {
      const none = { updates: 0, postmortem: false, closed: false };
      const before = state.get(file) ?? none;
      const after = blob === undefined ? none : (facts.get(blob) ?? before);
      const firstSeen = !state.has(file);
      state.set(file, after);
      // An incident that reaches the branch already over was written down afterwards (an import or
      // a backfill): it was never public while open, so its commit says nothing about its updates.
      if (firstSeen && trusted && after.closed) {
        backfilled.add(file);
        continue;
      }
      if (after.updates <= before.updates && (before.postmortem || !after.postmortem)) continue;
      const times = byFile.get(file) ?? { updates: [] as (number | undefined)[], postmortem: undefined };
      const updates = times.updates as (number | undefined)[];
      for (let index = before.updates; index < after.updates; index++) {
        if (boundary && updates[index] === undefined) boundaryUpdates++;
        // The first commit that published an update is when it went public, whatever came later.
        if (updates[index] === undefined && trusted) updates[index] = commit.time;
      }
      if (!before.postmortem && after.postmortem && times.postmortem === undefined && trusted)
        times.postmortem = commit.time;
      byFile.set(file, times);
    }
  }
  const notes: string[] = [];
  if (boundaryUpdates > 0)
    notes.push(
      `This is a shallow clone: ${plural(boundaryUpdates, 'update', 'updates')} already present in its oldest commit (${isoTime(commits[0]!.time)}) cannot be dated from git and use "at". Fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0).`,
    );
  // Only the files still there: a sample deleted by an import is not history.
  const arrivedOver = [...backfilled].filter((file) => (state.get(file)?.updates ?? 0) > 0).length;
  if (arrivedOver > 0)
    notes.push(
      `${plural(arrivedOver, 'incident', 'incidents')} reached the branch already resolved (imported or written down afterwards), so ${arrivedOver === 1 ? 'its' : 'their'} updates use "at".`,
    );
  if (odd.length > 0)
    notes.push(
      `${plural(odd.length, 'commit has', 'commits have')} a committer date in the future or earlier than the commit before it (rebased or re-dated history), so the updates they added use "at": ${odd.slice(0, 5).join(', ')}${odd.length > 5 ? ', …' : ''}.`,
    );
  return { byFile, notes };
}

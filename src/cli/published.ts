import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { loadRepository } from '../node/load-repository.ts';
import { escapeForLog } from '../domain/text-safety.ts';
import { isOptionError, parseOptions } from './options.ts';
import { runValidation, validateOptions } from './validate.ts';
import { finishNextRebuild } from '../node/dist-content.ts';
import { nextRebuildFile } from '../domain/rebuild-decision.ts';

/** Published with the site: which commit the live page was built from. */
export const deployedRecordFile = 'deployed.json';

export type PublishedCommit =
  | { kind: 'found'; commit: string; recordUrl: string }
  | { kind: 'nothing-published'; recordUrl: string }
  | { kind: 'unknown'; recordUrl: string; reason: string };

const commitPattern = /^[0-9a-f]{40}$/;

/**
 * Asks the live site which commit it was built from. Only "the record and the
 * home page are both 404" counts as nothing published yet (the first deploy);
 * anything else that does not yield a commit is `unknown`, and the deploy stops.
 */
export async function findPublishedCommit(siteRoot: string, fetchImpl: typeof fetch = fetch): Promise<PublishedCommit> {
  const recordUrl = new URL(deployedRecordFile, siteRoot).href;
  // GitHub Pages' CDN caches for minutes; a unique query asks the origin.
  const fresh = (url: string) =>
    fetchImpl(`${url}?nocache=${Date.now()}`, { cache: 'no-store', signal: AbortSignal.timeout(30_000) });
  try {
    const record = await fresh(recordUrl);
    if (record.ok) {
      const body = (await record.json().catch(() => undefined)) as { commit?: unknown } | undefined;
      const commit = body?.commit;
      if (typeof commit === 'string' && commitPattern.test(commit)) return { kind: 'found', commit, recordUrl };
      return { kind: 'unknown', recordUrl, reason: 'it does not hold a 40-character commit id' };
    }
    if (record.status === 404) {
      const home = await fresh(siteRoot);
      if (home.status === 404) return { kind: 'nothing-published', recordUrl };
      return {
        kind: 'unknown',
        recordUrl,
        reason: `it is missing (404) while the site answers ${home.status}: the live site was not published by this deploy workflow`,
      };
    }
    return { kind: 'unknown', recordUrl, reason: `the server answered ${record.status}` };
  } catch (error) {
    return { kind: 'unknown', recordUrl, reason: `it could not be fetched (${(error as Error).message})` };
  }
}

function hasCommit(root: string, commit: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A force-pushed-away commit is no longer on any branch, but GitHub still serves it by id. */
function fetchCommit(root: string, commit: string): boolean {
  try {
    execFileSync('git', ['fetch', '--quiet', '--no-tags', 'origin', commit], { cwd: root, stdio: 'ignore' });
  } catch {
    // reported by the caller
  }
  return hasCommit(root, commit);
}

interface Io {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

const usage = `Usage: node scripts/published.ts validate [--first-deploy] [validate options]
       node scripts/published.ts record <dist-dir> <commit>
  validate  validate with --base set to the commit the live site was built from
  record    write <dist-dir>/${deployedRecordFile} naming <commit>, and add the commit and
            the site's content hash to <dist-dir>/${nextRebuildFile}`;

/** `record`: names the commit in the site about to be published. */
function recordDeployedCommit(args: readonly string[], io: Io): number {
  const parsed = parseOptions(args, {}, { command: 'node scripts/published.ts record' });
  if (isOptionError(parsed)) {
    io.out(`${escapeForLog(parsed.message)}\n${usage}`);
    return 2;
  }
  const [outDir, commit] = parsed.positionals;
  if (!outDir || !commit || !commitPattern.test(commit)) {
    io.out(usage);
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, deployedRecordFile), `${JSON.stringify({ commit })}\n`);
  io.out(`Recorded commit ${commit} in ${join(outDir, deployedRecordFile)}.`);
  const content = finishNextRebuild(outDir, commit);
  if (content) io.out(`Content ${content} recorded in ${join(outDir, nextRebuildFile)}.`);
  return 0;
}

/** `validate`: the history check against what is live, whatever happened to the branch since. */
async function validateAgainstPublished(args: readonly string[], io: Io, fetchImpl: typeof fetch): Promise<number> {
  const parsed = parseOptions(
    args,
    { ...validateOptions, 'first-deploy': { type: 'boolean' } },
    { command: 'node scripts/published.ts validate', positionals: false },
  );
  if (isOptionError(parsed)) {
    io.out(`${escapeForLog(`${parsed.message} ${parsed.takes}`)}\n${usage}`);
    return 2;
  }
  const { 'first-deploy': firstDeploy, ...passThrough } = parsed.values;
  if (passThrough.help) return runValidation(passThrough, io);
  const root = readContentRoot(io.env);
  const page = loadRepository(root, readBuildClock(io.env)).snapshot.components?.value.page;
  // Without a readable components.yml there is no site URL; validate reports why.
  if (!page) return runValidation(passThrough, io);
  const published = await findPublishedCommit(new URL(page.base_path, page.url).href, fetchImpl);
  if (published.kind === 'found') {
    if (!hasCommit(root, published.commit) && !fetchCommit(root, published.commit)) {
      if (firstDeploy) {
        io.out(`--first-deploy: the published commit ${published.commit} is gone; skipping the history check.`);
        return runValidation(passThrough, io);
      }
      io.out(
        `The live site was built from commit ${published.commit} (${published.recordUrl}), but that commit cannot be found or fetched, so the history check cannot run. Nothing was deployed.\n` +
          '    hint: Check out with fetch-depth: 0. If the commit was deleted on purpose, run the Deploy workflow by hand with "first deploy" ticked to publish without the history check.',
      );
      return 1;
    }
    io.out(`Checking history against the published commit ${published.commit} (${published.recordUrl}).`);
    return runValidation({ ...passThrough, base: published.commit }, io);
  }
  if (published.kind === 'nothing-published') {
    io.out(`Nothing is published at ${published.recordUrl} yet: first deploy, so there is no history to check.`);
    return runValidation(passThrough, io);
  }
  if (firstDeploy) {
    io.out(`--first-deploy: skipping the history check (${published.recordUrl}: ${escapeForLog(published.reason)}).`);
    return runValidation(passThrough, io);
  }
  io.out(
    `Cannot tell which commit the live site was built from: ${published.recordUrl}: ${escapeForLog(published.reason)}. Nothing was deployed.\n` +
      '    hint: Check that page.url and page.base_path in components.yml are where the site is served. For the first deploy of a site that is already live (for example after moving to Statusmark), run the Deploy workflow by hand with "first deploy" ticked once.',
  );
  return 1;
}

export function runPublishedCommand(args: readonly string[], io: Io, fetchImpl: typeof fetch = fetch): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'record') return Promise.resolve(recordDeployedCommit(rest, io));
  if (command === 'validate') return validateAgainstPublished(rest, io, fetchImpl);
  io.out(usage);
  return Promise.resolve(command === '--help' ? 0 : 2);
}

import { execFileSync } from 'node:child_process';

/**
 * The identity the web form and alerts commit as: GitHub's own Actions bot,
 * so the commit is clearly not a person's, and the pull request's reviewer is.
 */
export const botIdentity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
} as const;

/** Runs git in `root`; arguments are passed as a list, never through a shell. */
export function runGit(root: string, args: readonly string[], env: Record<string, string | undefined> = {}): string {
  return execFileSync('git', args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/** Whether `origin` has `branch`; if so, fetches it to `refs/remotes/origin/<branch>`. */
export function fetchBranch(root: string, branch: string): boolean {
  const listed = runGit(root, ['ls-remote', '--heads', 'origin', `refs/heads/${branch}`]).trim();
  if (!listed) return false;
  runGit(root, ['fetch', '--quiet', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
  return true;
}

/** Whether `ref` is already contained in `HEAD`: a branch whose pull request was merged. */
export function isMergedInto(root: string, ref: string, into = 'HEAD'): boolean {
  try {
    runGit(root, ['merge-base', '--is-ancestor', ref, into]);
    return true;
  } catch {
    return false;
  }
}

/** The value of `trailer` in the newest commit of `ref` whose `match` trailer is `value`. */
export function findTrailer(
  root: string,
  ref: string,
  match: string,
  value: string,
  trailer: string,
): string | undefined {
  const log = runGit(root, [
    'log',
    ref,
    '--format=%(trailers:key=' +
      match +
      ',valueonly,separator=)%x1f%(trailers:key=' +
      trailer +
      ',valueonly,separator=)%x1e',
  ]);
  for (const entry of log.split('\x1e')) {
    const [found, wanted] = entry.split('\x1f').map((part) => part.trim());
    if (found === value && wanted) return wanted;
  }
  return undefined;
}

/** Commits `file` as the bot with `message` (a fixed sentence plus trailers; never author text). */
export function commitAs(root: string, file: string, message: string, date: string | undefined): void {
  const env = {
    GIT_AUTHOR_NAME: botIdentity.name,
    GIT_AUTHOR_EMAIL: botIdentity.email,
    GIT_COMMITTER_NAME: botIdentity.name,
    GIT_COMMITTER_EMAIL: botIdentity.email,
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  runGit(root, ['add', '--', file]);
  runGit(root, ['commit', '--quiet', '--no-verify', '-m', message, '--', file], env);
}

/**
 * Pushes `HEAD` to `origin` as `branch` without forcing: false when origin
 * refused it because the branch moved; any other failure (credentials,
 * network) throws with git's message.
 */
export function pushBranch(root: string, branch: string): boolean {
  try {
    runGit(root, ['push', '--quiet', '--porcelain', 'origin', `HEAD:refs/heads/${branch}`]);
    return true;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    // A non-fast-forward, or a ref another push updated between advertisement and update, is a
    // race; a hook or branch protection refusal is reported as it is.
    if (/\[rejected\]|cannot lock ref/.test(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`)) return false;
    throw error;
  }
}

import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { emptyLedger, parseLedger, serializeLedger, type Ledger } from '../../domain/notify/ledger.ts';

const run = promisify(execFile);

export interface StoredLedger {
  ledger: Ledger;
  /** Whether a ledger existed (a missing one means: first run for every channel). */
  found: boolean;
  /** Opaque version for compare-and-swap: a commit id, or a content hash. */
  version: string;
}

/** Where the delivered-ids ledger lives. `write` is compare-and-swap: false when someone wrote first. */
export interface LedgerStore {
  description: string;
  read(): Promise<StoredLedger>;
  write(ledger: Ledger, expectedVersion: string): Promise<boolean>;
}

const ledgerFile = 'ledger.json';

/**
 * The ledger as `ledger.json` on a dedicated branch of the content repository's remote. Writes
 * push a new commit with `--force-with-lease=<branch>:<version read>`: the remote accepts it only
 * if nobody pushed in between, so two overlapping runs cannot both claim the same update.
 */
export function gitBranchLedgerStore(root: string, branch: string, remote = 'origin'): LedgerStore {
  const ref = `refs/heads/${branch}`;
  const git = async (args: string[], input?: string) => {
    const child = run('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024, env: gitEnv() });
    if (input !== undefined) {
      child.child.stdin!.end(input);
    }
    return (await child).stdout.trim();
  };
  const remoteVersion = async () => (await git(['ls-remote', remote, ref])).split(/\s/)[0] ?? '';
  return {
    description: `branch ${branch} on ${remote}`,
    async read() {
      // Runs sharing a checkout can still trip over each other's git housekeeping: a failed
      // fetch is tried again before the run gives up.
      for (let attempt = 1; ; attempt++) {
        try {
          const version = await remoteVersion();
          if (!version) return { ledger: emptyLedger(), found: false, version: '' };
          // A ref of its own per read, and no FETCH_HEAD: runs sharing a checkout never contend for one file.
          const local = `refs/statusmark/notify-ledger-${randomUUID()}`;
          await git(['fetch', '-q', '--no-tags', '--no-write-fetch-head', remote, `+${ref}:${local}`]);
          const fetched = await git(['rev-parse', local]);
          await git(['update-ref', '-d', local]);
          const text = await git(['show', `${fetched}:${ledgerFile}`]);
          return { ledger: parseLedger(text), found: true, version: fetched };
        } catch (error) {
          if (attempt === 3) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        }
      }
    },
    async write(ledger, expectedVersion) {
      const blob = await git(['hash-object', '-w', '--stdin'], serializeLedger(ledger));
      const tree = await git(['mktree'], `100644 blob ${blob}\t${ledgerFile}\n`);
      const parents = expectedVersion ? ['-p', expectedVersion] : [];
      // A unique message makes every write a new commit: two runs writing the same ledger in the same
      // second would otherwise push the same commit id, and git reports "up to date" instead of a lost race.
      const message = `Record notification deliveries\n\nRun ${randomUUID()}`;
      const commit = await git(['commit-tree', tree, ...parents, '-m', message]);
      try {
        await git(['push', '-q', `--force-with-lease=${ref}:${expectedVersion}`, remote, `${commit}:${ref}`]);
        return true;
      } catch (error) {
        if ((await remoteVersion()) !== expectedVersion) return false;
        throw error;
      }
    },
  };
}

function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? 'statusmark',
    GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? 'statusmark@users.noreply.github.com',
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? 'statusmark',
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? 'statusmark@users.noreply.github.com',
  };
}

/** The ledger in a local file (single machine: local trials, self-hosted runners with a persistent disk). */
export function fileLedgerStore(path: string): LedgerStore {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const readText = () =>
    readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  return {
    description: path,
    async read() {
      const text = await readText();
      if (text === undefined) return { ledger: emptyLedger(), found: false, version: '' };
      return { ledger: parseLedger(text), found: true, version: hash(text) };
    },
    async write(ledger, expectedVersion) {
      const text = await readText();
      if ((text === undefined ? '' : hash(text)) !== expectedVersion) return false;
      await writeFile(`${path}.tmp`, serializeLedger(ledger));
      await rename(`${path}.tmp`, path);
      return true;
    },
  };
}

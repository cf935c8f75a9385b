import { execFileSync } from 'node:child_process';
import type { Problem } from '../domain/problems.ts';
import type { Snapshot } from '../domain/history.ts';
import type { LocatedIncident } from '../domain/rules/index.ts';
import { componentsFileName, incidentsDirName, isIncidentFileName } from './load-repository.ts';
import { parseComponentsFile, parseIncidentFile } from './parse-files.ts';

/** Runs git in `root` and returns its output; throws with git's stderr when it fails. */
export function git(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, {
    cwd: root,
    input,
    // A --raw log of forty thousand commits, or ten thousand files at once, fits.
    maxBuffer: 4 * 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Reads many blobs in one `git cat-file --batch` call: fast for ten thousand files. */
export function readBlobs(root: string, specs: string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (specs.length === 0) return blobs;
  const output = git(root, ['cat-file', '--batch'], specs.join('\n') + '\n');
  let offset = 0;
  for (const spec of specs) {
    const headerEnd = output.indexOf(10, offset);
    const header = output.subarray(offset, headerEnd).toString();
    offset = headerEnd + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    blobs.set(spec, output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

/**
 * The content as published at `ref`: components.yml and incidents/*.md read
 * straight from git. Files that did not parse at `ref` are left out.
 */
export function readSnapshotAtRef(
  root: string,
  ref: string,
): { ok: true; snapshot: Snapshot } | { ok: false; problem: Problem } {
  let commit: string;
  let prefix: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString()
      .trim();
    prefix = git(root, ['rev-parse', '--show-prefix']).toString().trim();
  } catch {
    return {
      ok: false,
      problem: {
        file: componentsFileName,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'BaseRefNotFound',
        message: `The git ref "${ref}" does not exist here, so history cannot be compared.`,
        hint: 'Fetch it first (git fetch origin main, or actions/checkout with fetch-depth: 0) or pass another ref.',
      },
    };
  }
  let listing = '';
  try {
    listing = git(root, ['ls-tree', '-z', `${commit}:${prefix}${incidentsDirName}`]).toString();
  } catch {
    // No incidents folder at that ref: nothing was published yet.
  }
  // Only regular files (mode 100644 or 100755) are incidents: for a symbolic link git stores the link text.
  const files = listing
    .split('\0')
    .filter((entry) => /^100(644|755) blob /.test(entry))
    .map((entry) => entry.slice(entry.indexOf('\t') + 1))
    .filter(isIncidentFileName);
  const specs = [
    `${commit}:${prefix}${componentsFileName}`,
    ...files.map((name) => `${commit}:${prefix}${incidentsDirName}/${name}`),
  ];
  let blobs: Map<string, Buffer>;
  try {
    blobs = readBlobs(root, specs);
  } catch {
    blobs = new Map();
  }
  const componentsBlob = blobs.get(specs[0]!);
  const components = componentsBlob ? parseComponentsFile(componentsFileName, componentsBlob) : undefined;
  const incidents: LocatedIncident[] = [];
  files.forEach((name, index) => {
    const blob = blobs.get(specs[index + 1]!);
    if (!blob) return;
    const parsed = parseIncidentFile(`${incidentsDirName}/${name}`, blob);
    if (parsed.ok) incidents.push(parsed.value);
  });
  return {
    ok: true,
    snapshot: {
      components: components?.ok ? components.value : undefined,
      incidents,
      slugs: new Set(files.map((name) => name.replace(/\.md$/, ''))),
    },
  };
}

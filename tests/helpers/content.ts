import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const projectRoot = join(fixturesDir, '..', '..');
export const fixtureComponents = readFileSync(join(fixturesDir, 'components.yml'), 'utf8');
/**
 * The fixture's components.yml with every commitment switched off: for tests of other rules whose
 * incidents stay open for days (tests/cli/commitments.test.ts checks the commitment warnings).
 */
export const commitmentsOff = 'commitments:\n  first_update: {}\n  update_every: {}\n  postmortem: {}\n';
export const componentsWithoutCommitments = `${fixtureComponents}${commitmentsOff}`;

/** A fresh content root in a temp dir: components.yml plus `incidents/<name>` files. */
export function makeContentRoot(
  incidents: Record<string, string | Uint8Array>,
  components = fixtureComponents,
): string {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-'));
  mkdirSync(join(root, 'incidents'));
  writeFileSync(join(root, 'components.yml'), components);
  for (const [name, content] of Object.entries(incidents)) {
    mkdirSync(dirname(join(root, 'incidents', name)), { recursive: true });
    writeFileSync(join(root, 'incidents', name), content);
  }
  return root;
}

/** An incident file from front matter lines, for readable tests. */
export function incidentFile(frontMatter: string, body = ''): string {
  return `---\n${frontMatter.replace(/^\n/, '')}---\n${body}`;
}

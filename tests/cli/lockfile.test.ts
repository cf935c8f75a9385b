import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../helpers/content.ts';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

test('issue 22: package-lock.json lists every optional platform package, so npm ci works on any machine', () => {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      // npm resolves a dependency in the package's own node_modules first, then in each folder above.
      const folders = path.split('/node_modules/');
      const found = folders.some((_, index) =>
        Boolean(
          lock.packages[`${folders.slice(0, folders.length - index).join('/node_modules/')}/node_modules/${name}`],
        ),
      );
      if (!found && !lock.packages[`node_modules/${name}`]) missing.push(`${name} (for ${path || 'the project'})`);
    }
  }
  expect(missing).toEqual([]);
});

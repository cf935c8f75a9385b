import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/content.ts';

const srcDir = join(projectRoot, 'src');

/** What each layer may import from src/, lowest first; pages and components sit on top of everything. */
const allowed: Record<string, readonly string[]> = {
  domain: ['domain'],
  serialize: ['domain', 'serialize'],
  node: ['domain', 'node', 'serialize'],
  cli: ['domain', 'node', 'serialize', 'cli'],
  site: ['domain', 'node', 'serialize', 'site'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.(ts|astro)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = /^\s*(?:import|export)\b[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  return [...text.matchAll(statements)].map((match) => (match[1] ?? match[2])!);
}

describe('layers: shared code lives below everything that uses it', () => {
  test('no import climbs a layer, and the domain imports nothing but zod and itself', () => {
    const climbing: string[] = [];
    for (const [layer, may] of Object.entries(allowed)) {
      for (const file of sourceFiles(join(srcDir, layer))) {
        for (const specifier of importsOf(file)) {
          if (!specifier.startsWith('.')) {
            if (layer === 'domain' && specifier !== 'zod') climbing.push(`${relative(srcDir, file)} → ${specifier}`);
            continue;
          }
          const target = relative(srcDir, resolve(dirname(file), specifier)).split('/')[0]!;
          if (!may.includes(target)) climbing.push(`${relative(srcDir, file)} → ${specifier}`);
        }
      }
    }
    expect(climbing).toEqual([]);
  });
});

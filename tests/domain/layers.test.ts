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

/** Every source file in src/ with the src/ files it imports (relative paths from src/). */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles(srcDir);
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      relative(srcDir, file),
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolve(dirname(file), specifier))
        .filter((target) => known.has(target))
        .map((target) => relative(srcDir, target)),
    ]),
  );
}

/** Tarjan's strongly connected components: each group of files that import each other, directly or round about. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    lowest.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (onStack.has(target)) lowest.set(file, Math.min(lowest.get(file)!, index.get(target)!));
    }
    if (lowest.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
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

  test('no import cycle in src/ (issue 26)', () => {
    expect(importCycles(importGraph())).toEqual([]);
  });

  test('the cycle check finds a cycle through several files, and a file importing itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});

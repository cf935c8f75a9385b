/**
 * A map shared by every copy of the calling module in this process, found by `name`. A build
 * loads these modules more than once (astro.config.ts's module graph and the prerender bundle
 * each have their own copy), and what one copy rendered, or what a build's worker thread handed
 * over, must reach the others (issue 26).
 */
export function processMap<Value>(name: string): Map<string, Value> {
  const shared = globalThis as unknown as Record<symbol, Map<string, Value> | undefined>;
  return (shared[Symbol.for(`statusmark.${name}`)] ??= new Map<string, Value>());
}

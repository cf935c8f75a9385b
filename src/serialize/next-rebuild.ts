import type { NextChange } from '../domain/next-change.ts';

/**
 * next-rebuild.json as the build writes it: `{ built, due, reasons }`. Publishing adds `commit` and
 * `content` (see src/node/dist-content.ts). Keys in a fixed order, so a build is byte-identical.
 */
export function renderNextRebuild(change: NextChange, builtAt: number): string {
  const record = {
    built: new Date(builtAt).toISOString(),
    due: new Date(change.due).toISOString(),
    reasons: change.reasons,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

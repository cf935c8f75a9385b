import type { Snapshot } from '../domain/history.ts';
import type { Incident } from '../domain/schema.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { readSnapshotAtRef } from '../node/git.ts';
import { loadRepository } from '../node/load-repository.ts';
import { summarizeNotifications } from './notify-preview.ts';

function componentList(incident: Incident): string {
  const ids = new Set(incident.components.map((component) => component.id));
  for (const update of incident.updates) for (const component of update.components ?? []) ids.add(component.id);
  return ids.size ? [...ids].map((id) => `\`${id}\``).join(', ') : 'none';
}

/** Markdown for the pull request's job summary: what merging it will publish. */
export function summarizePublication(base: Snapshot, head: Snapshot): string {
  const published = new Map(base.incidents.map((incident) => [incident.value.slug, incident.value]));
  const lines: string[] = ['## What this pull request publishes', ''];
  const rows: string[] = [];
  for (const { value: incident } of head.incidents) {
    const old = published.get(incident.slug);
    const added = incident.updates.slice(old?.updates.length ?? 0);
    const impactChanged = old && old.impact !== incident.impact;
    if (old && added.length === 0 && !impactChanged) continue;
    const what = old ? `${added.length} new update${added.length === 1 ? '' : 's'}` : `**new ${incident.kind}**`;
    const statuses = added.map((update) => update.status).join(' → ') || '—';
    const impact = impactChanged
      ? `${old.impact ?? 'none'} → **${incident.impact ?? 'none'}**`
      : (incident.impact ?? (incident.kind === 'maintenance' ? 'maintenance' : 'none'));
    rows.push(
      `| \`${incident.slug}\` | ${incident.title.replace(/\|/g, '\\|')} | ${what} | ${statuses} | ${impact} | ${componentList(incident)} |`,
    );
  }
  if (rows.length === 0) {
    lines.push('No new incidents or updates: nothing customers see changes.');
  } else {
    lines.push(
      '| incident | title | change | statuses | impact | components |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    );
  }
  return lines.join('\n') + '\n';
}

/** `node scripts/pr-summary.ts <base-ref>`: prints the summary for the working tree. */
export function runPrSummaryCommand(
  args: readonly string[],
  io: { out: (text: string) => void; env: Record<string, string | undefined> },
): number {
  const root = readContentRoot(io.env);
  const now = readBuildClock(io.env);
  const head = loadRepository(root, now).snapshot;
  const base = args[0] ? readSnapshotAtRef(root, args[0]) : undefined;
  const published = base?.ok ? base.snapshot : { incidents: [], slugs: new Set<string>() };
  io.out(summarizePublication(published, head));
  io.out(summarizeNotifications(published, head, now));
  return 0;
}

import type { Incident, IncidentInput } from '../../src/domain/schema/index.ts';
import { parseYamlWithPositions } from '../../src/node/yaml-source.ts';
import { incidentFile } from './content.ts';
import { makeIncident } from './model.ts';

export interface DatabaseUpgradeWindow {
  start: string;
  end: string;
  /** When the maintenance was announced: its one `scheduled` update. */
  announced?: string;
}

/** The scheduled database upgrade the history and next-change tests share, as its author writes `incidents/db-upgrade.md`. */
export function databaseUpgradeFile({ start, end, announced = '2026-11-20T10:00:00Z' }: DatabaseUpgradeWindow): string {
  return incidentFile(`
kind: maintenance
title: Database upgrade
components:
  - database
window:
  start: ${start}
  end: ${end}
updates:
  - at: ${announced}
    status: scheduled
    message: We will upgrade the database.
`);
}

/** The same maintenance as the model reads it from that file. */
export function databaseUpgrade(window: DatabaseUpgradeWindow): Incident {
  const frontMatter = databaseUpgradeFile(window).split('---\n')[1]!;
  const parsed = parseYamlWithPositions('incidents/db-upgrade.md', frontMatter, 0);
  return makeIncident('db-upgrade', (parsed as { ok: true; value: { data: IncidentInput } }).value.data);
}

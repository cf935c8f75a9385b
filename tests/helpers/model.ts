import {
  ComponentsFileSchema,
  IncidentSchema,
  type ComponentsFile,
  type Incident,
  type IncidentInput,
} from '../../src/domain/schema/index.ts';
import { parseYamlWithPositions } from '../../src/node/yaml-source.ts';
import { fixtureComponents } from './content.ts';

export const fixtureComponentsFile: ComponentsFile = ComponentsFileSchema.parse(
  (parseYamlWithPositions('components.yml', fixtureComponents, 0) as { ok: true; value: { data: unknown } }).value.data,
);

/** A model incident from what an author would write, for derived-state tests. */
export function makeIncident(slug: string, input: IncidentInput, body = ''): Incident {
  return { ...IncidentSchema.parse(input), slug, file: `incidents/${slug}.md`, body };
}

export const t = (iso: string): number => Date.parse(iso);

import { z } from 'zod';
import { describeCharacter } from '../characters.ts';
import { controlCharacterPattern } from '../text-safety.ts';
import { sourceIdPattern } from '../schema/index.ts';
import { componentStatuses } from '../vocabulary.ts';

/**
 * What we read from a Statuspage page: the public API v2 (`summary.json`, `components.json`,
 * `incidents.json`, `scheduled-maintenances.json`) or the Manage API v1, which share these shapes.
 * Unknown keys are ignored; every text is bounded and free of control characters, every id is
 * safe in a URL and a file name, so a hostile document stops with the record named.
 */
const id = z.string().regex(sourceIdPattern, 'is not a Statuspage id (letters, digits, "_" and "-")');

const text = (maxLength: number) =>
  z
    .string()
    .max(maxLength, `is longer than ${maxLength.toLocaleString('en')} characters`)
    .superRefine((value, ctx) => {
      const char = controlCharacterPattern.exec(value)?.[0];
      if (char) ctx.addIssue({ code: 'custom', message: `contains the control character ${describeCharacter(char)}` });
    });

const time = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/, 'is not an ISO 8601 time')
  .transform((value) => Date.parse(value))
  .refine((value) => !Number.isNaN(value), 'is not a real time');
const optionalTime = time.nullable().optional();

export const SourcePageSchema = z.object({
  id: id.optional(),
  name: text(500),
  url: z.string().max(2000).optional().nullable(),
  time_zone: z.string().max(100).nullable().optional(),
  /** Manage API pages have no `url`: their address is the domain or subdomain. */
  domain: z.string().max(500).nullable().optional(),
  subdomain: z.string().max(200).nullable().optional(),
});

export const SourceComponentSchema = z.object({
  id,
  name: text(500),
  description: text(10_000).nullable().optional(),
  created_at: optionalTime,
  position: z.number().nullable().optional(),
  showcase: z.boolean().nullable().optional(),
  group_id: id.nullable().optional(),
  group: z.boolean().nullable().optional(),
  components: z.array(id).max(10_000).nullable().optional(),
  only_show_if_degraded: z.boolean().nullable().optional(),
});

/** The Manage API's `component-groups`: a group with its members' ids. */
export const SourceGroupSchema = z.object({
  id,
  name: text(500),
  description: text(10_000).nullable().optional(),
  components: z.array(id).max(10_000).nullable().optional(),
  position: z.number().nullable().optional(),
});

const SourceAffectedSchema = z.object({
  code: id,
  name: text(500).nullable().optional(),
  new_status: z.enum(componentStatuses),
});

const SourceUpdateSchema = z.object({
  id,
  status: z.string().max(40),
  body: text(200_000).nullable().optional(),
  created_at: time,
  display_at: optionalTime,
  affected_components: z.array(SourceAffectedSchema).max(10_000).nullable().optional(),
});

export const SourceIncidentSchema = z.object({
  id,
  name: text(1000),
  impact: z.string().max(40),
  impact_override: z.string().max(40).nullable().optional(),
  created_at: time,
  started_at: optionalTime,
  incident_updates: z.array(SourceUpdateSchema).max(10_000),
  components: z
    .array(z.object({ id, name: text(500) }))
    .max(10_000)
    .nullable()
    .optional(),
  postmortem_body: text(1_000_000).nullable().optional(),
  postmortem_published_at: optionalTime,
  scheduled_for: optionalTime,
  scheduled_until: optionalTime,
});

export type SourcePageJson = z.output<typeof SourcePageSchema>;
export type SourceComponentJson = z.output<typeof SourceComponentSchema>;
export type SourceGroupJson = z.output<typeof SourceGroupSchema>;
export type SourceIncidentJson = z.output<typeof SourceIncidentSchema>;

/** `incident_updates[2].body`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
}

import { z } from 'zod';

/**
 * Atlassian Statuspage public API v2, as documented publicly and summarised in
 * shared/reference/statuspage-api-v2.md. Used by tests to check every file we
 * emit; strict so an extra or misspelt key is caught.
 */
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
const nullableTimestamp = timestamp.nullable();
const componentStatus = z.enum([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);

export const StatuspagePageSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  url: z.string().url(),
  time_zone: z.string(),
  updated_at: timestamp,
});

export const StatuspageStatusSchema = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  description: z.string(),
});

export const StatuspageComponentSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  status: componentStatus,
  created_at: timestamp,
  updated_at: timestamp,
  position: z.number().int().positive(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  components: z.array(z.string()).optional(),
});

export const StatuspageIncidentUpdateSchema = z.strictObject({
  id: z.string(),
  status: z.enum([
    'investigating',
    'identified',
    'monitoring',
    'resolved',
    'postmortem',
    'scheduled',
    'in_progress',
    'verifying',
    'completed',
  ]),
  body: z.string(),
  incident_id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  display_at: timestamp,
  affected_components: z
    .array(
      z.strictObject({ code: z.string(), name: z.string(), old_status: componentStatus, new_status: componentStatus }),
    )
    .nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.string().nullable(),
  tweet_id: z.number().nullable(),
});

const incidentFields = {
  id: z.string(),
  name: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  started_at: timestamp,
  monitoring_at: nullableTimestamp,
  resolved_at: nullableTimestamp,
  shortlink: z.string().url(),
  page_id: z.string(),
  incident_updates: z.array(StatuspageIncidentUpdateSchema),
  components: z.array(StatuspageComponentSchema),
  reminder_intervals: z.string().nullable(),
  /** The published postmortem as plain text; null until it is published. */
  postmortem_body: z.string().nullable(),
  postmortem_published_at: nullableTimestamp,
};

export const StatuspageIncidentSchema = z.strictObject({
  ...incidentFields,
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']),
  impact: z.enum(['none', 'minor', 'major', 'critical']),
});

export const StatuspageMaintenanceSchema = z.strictObject({
  ...incidentFields,
  status: z.enum(['scheduled', 'in_progress', 'verifying', 'completed']),
  impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  scheduled_for: timestamp,
  scheduled_until: timestamp,
});

const page = { page: StatuspagePageSchema };

export const StatuspageFileSchemas = {
  'summary.json': z.strictObject({
    ...page,
    components: z.array(StatuspageComponentSchema),
    incidents: z.array(StatuspageIncidentSchema),
    scheduled_maintenances: z.array(StatuspageMaintenanceSchema),
    status: StatuspageStatusSchema,
  }),
  'status.json': z.strictObject({ ...page, status: StatuspageStatusSchema }),
  'components.json': z.strictObject({ ...page, components: z.array(StatuspageComponentSchema) }),
  'incidents.json': z.strictObject({ ...page, incidents: z.array(StatuspageIncidentSchema) }),
  'incidents/unresolved.json': z.strictObject({ ...page, incidents: z.array(StatuspageIncidentSchema) }),
  'incidents/resolved.json': z.strictObject({ ...page, incidents: z.array(StatuspageIncidentSchema) }),
  'scheduled-maintenances.json': z.strictObject({
    ...page,
    scheduled_maintenances: z.array(StatuspageMaintenanceSchema),
  }),
  'scheduled-maintenances/upcoming.json': z.strictObject({
    ...page,
    scheduled_maintenances: z.array(StatuspageMaintenanceSchema),
  }),
  'scheduled-maintenances/active.json': z.strictObject({
    ...page,
    scheduled_maintenances: z.array(StatuspageMaintenanceSchema),
  }),
};

export type StatuspageFile = keyof typeof StatuspageFileSchemas;

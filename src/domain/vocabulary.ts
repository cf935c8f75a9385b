/** The words of the domain, in severity or workflow order. Shared by schema, rules, site and API. */
export const impacts = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof impacts)[number];

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export const updateStatuses = [...incidentStatuses, ...maintenanceStatuses] as const;
export type UpdateStatus = (typeof updateStatuses)[number];

/** The status closes what it is posted to: `resolved` an incident, `completed` a maintenance. */
export function isClosingStatus(status: unknown): status is 'resolved' | 'completed' {
  return status === 'resolved' || status === 'completed';
}

/** Component statuses, least severe first: the worst active one wins. */
export const componentStatuses = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** What an author may set on an affected component. */
export const affectedStatuses = [
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;

export const kinds = ['incident', 'maintenance'] as const;
export type Kind = (typeof kinds)[number];

export const indicators = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type Indicator = (typeof indicators)[number];

export function severityOf(status: ComponentStatus): number {
  return componentStatuses.indexOf(status);
}

export function worseStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return severityOf(a) >= severityOf(b) ? a : b;
}

/** The component status an incident's impact implies when the author names none. */
export function statusForImpact(impact: Impact): ComponentStatus {
  const map: Record<Impact, ComponentStatus> = {
    none: 'operational',
    minor: 'degraded_performance',
    major: 'partial_outage',
    critical: 'major_outage',
  };
  return map[impact];
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The nearest valid slug to some text: lowercase, runs of anything else become one hyphen. */
export function toSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

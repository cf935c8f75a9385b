import type { Component, Group, Incident, Page } from '../domain/schema/index.ts';
import { stableId } from './ids.ts';

/**
 * The ids the Statuspage-compatible API serves: the one kept from Statuspage (`statuspage_id`)
 * when the record was imported, so clients of the old page keep working; otherwise the stable
 * generated one.
 */
export const apiPageId = (page: Pick<Page, 'url' | 'statuspage_id'>) =>
  page.statuspage_id ?? stableId('page', page.url);

export const apiGroupId = (group: Pick<Group, 'id' | 'statuspage_id'>) =>
  group.statuspage_id ?? stableId('group', group.id);

export const apiComponentId = (component: Pick<Component, 'id' | 'statuspage_id'>) =>
  component.statuspage_id ?? stableId('component', component.id);

export const apiIncidentId = (incident: Pick<Incident, 'slug' | 'statuspage_id'>) =>
  incident.statuspage_id ?? stableId('incident', incident.slug);

/** `index`: the update's position, oldest first. */
export const apiUpdateId = (incident: Pick<Incident, 'slug' | 'updates'>, index: number) =>
  incident.updates[index]?.statuspage_id ?? stableId('update', `${incident.slug}#${index + 1}`);

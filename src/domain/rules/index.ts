/**
 * The rules a file must meet beyond its schema, one file per concept: components.yml's lists,
 * an incident's shape and kind, its updates and transitions, references to components, the
 * postmortem, translations, slugs, Statuspage ids, and the same rules on files that failed the schema.
 */
export { checkIncidentAudiences } from './audiences.ts';
export { checkComponentsFile } from './components-file.ts';
export { checkIncident } from './incident.ts';
export type { LocatedComponentsFile, LocatedIncident } from './report.ts';
export { checkSlugs } from './slugs.ts';
export { checkComponentStatuspageIds, checkIncidentStatuspageIds } from './statuspage-ids.ts';
export { checkUnparsedComponentsFile, checkUnparsedIncident } from './unparsed.ts';

/**
 * The schemas of what authors write, one file per concept (as Starlight keeps its `schemas/`):
 * primitives (times, dates, ids, URLs, durations, environment names, Statuspage ids), the page
 * and its `strings`, components and groups (`components.yml`), notification channels, and
 * incidents. Types derive from the schemas: `z.input` for what authors write, `z.output` for the model.
 */
export { DateSchema, SlugSchema, StatuspageIdSchema, TimestampSchema, sourceIdPattern } from './primitives.ts';
export { NameTranslationSchema, PageSchema, type Page } from './page.ts';
export { CommitmentsSchema, commitmentDefaults, defaultCommitments, type Commitments } from './commitments.ts';
export {
  ComponentSchema,
  ComponentsFileSchema,
  GroupSchema,
  type Component,
  type ComponentsFile,
  type ComponentsFileInput,
  type Group,
} from './components.ts';
export {
  NotificationChannelSchema,
  NotificationsSchema,
  checkNotificationChannels,
  type NotificationChannel,
  type Notifications,
} from './notifications.ts';
export {
  AffectedComponentSchema,
  IncidentSchema,
  IncidentTranslationSchema,
  TitleSchema,
  UpdateComponentSchema,
  UpdateSchema,
  maxTitleLength,
  type Incident,
  type IncidentFrontMatter,
  type IncidentInput,
  type Update,
} from './incident.ts';

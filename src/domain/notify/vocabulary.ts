/** Where a notification channel delivers. */
export const notificationKinds = ['slack', 'discord', 'teams', 'webhook', 'email'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * What a channel can be told. `incident_update`: any incident update; maintenance: `scheduled`
 * updates announce, `in_progress` (or the window opening) starts, `verifying` updates, `completed`
 * (or the window closing) completes; reminders fire `remind_before` the window. `component_status`:
 * a component's status changed (Statuspage's component webhook), opt-in. `build_failed`: operator
 * only, never in the defaults — the scheduled rebuild failed (`npm run notify -- --build-failed`).
 */
export const notificationEvents = [
  'incident_update',
  'maintenance_announced',
  'maintenance_started',
  'maintenance_update',
  'maintenance_completed',
  'maintenance_reminder',
  'component_status',
  'build_failed',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/** Events only the operators hear: public subscriber channels (no `events`) never get them. */
export const operatorNotificationEvents: readonly NotificationEvent[] = ['build_failed'];

/** What a channel gets when it names no `events` (reminders too when it sets `remind_before`). */
export const defaultNotificationEvents: readonly NotificationEvent[] = notificationEvents.filter(
  (event) =>
    event !== 'maintenance_reminder' && event !== 'component_status' && !operatorNotificationEvents.includes(event),
);

/** `30m`, `1h`, `2d` → milliseconds. */
export function parseLeadTime(text: string): number {
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[text.slice(-1) as 'm' | 'h' | 'd'];
  return Number(text.slice(0, -1)) * unit;
}

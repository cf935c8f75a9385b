const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * A span in the words of a warning, to the minute: `45 minutes`, `72 hours`, `3 hours 5 minutes`,
 * `5 days 2 hours`. Below two hours in minutes, below four days in hours, as procedures write them.
 */
export function describeDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 96)
    return minutes % 60 ? `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}` : plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${plural(days, 'day')} ${plural(hours % 24, 'hour')}` : plural(days, 'day');
}

/** Milliseconds as minutes to one decimal, the unit of every figure in the report. */
export function toMinutes(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}

/** An instant as the warnings and the report write it: `2026-11-20T14:05:00Z`. */
export function isoTime(instant: number): string {
  return new Date(instant).toISOString().replace(/\.000Z$/, 'Z');
}

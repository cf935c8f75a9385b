/**
 * Timestamps authors write: ISO 8601 date and time with an explicit offset or
 * `Z`. A zone-less time is refused rather than silently read as UTC.
 */
export const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})$/;
export const zonelessPattern = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
export const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of a checked timestamp, or NaN for an impossible date such as 31 February. */
export function parseTimestamp(text: string): number {
  const match = timestampPattern.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = match;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const local = Date.UTC(...fields, Number(frac.padEnd(3, '0')));
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  ) {
    return Number.NaN;
  }
  if (zone === 'Z' || zone === undefined) return local;
  const offsetMinutes = offsetMinutesOf(zone);
  return Number.isNaN(offsetMinutes) ? Number.NaN : local - offsetMinutes * 60_000;
}

/** Offsets in use on Earth run from -12:00 to +14:00; anything past ±14:00 is a typo. */
export const maxOffsetMinutes = 14 * 60;

/** `+05:30` → 330, `-0800` → -480; NaN for an offset no clock shows, such as `+99:99` or `-24:00`. */
export function offsetMinutesOf(zone: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return Number.NaN;
  const [, sign, hours, minutes] = match;
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) > 59 || total > maxOffsetMinutes) return Number.NaN;
  return sign === '-' ? -total : total;
}

/** The offset part of a timestamp the pattern accepts (`Z`, `+01:00`), or undefined. */
export function timestampZone(text: string): string | undefined {
  return timestampPattern.exec(text)?.[8];
}

/** A calendar date (`2026-01-31`) checked for existence. */
export function isCalendarDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The zone Intl resolves a name to (case-insensitive, aliases followed), or undefined when it knows none. */
function resolveTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let zoneSpellings: Map<string, string> | undefined;

/** Lowercase name → spelling, for every zone Intl lists plus `UTC`, which it leaves out. */
function knownZoneSpellings(): Map<string, string> {
  zoneSpellings ??= new Map([...Intl.supportedValuesOf('timeZone'), 'UTC'].map((name) => [name.toLowerCase(), name]));
  return zoneSpellings;
}

/**
 * Why a page time zone is not an IANA name, with the fix; undefined when it
 * is one. Intl alone is not enough: it accepts offsets such as `+05:30` and
 * any capitalisation (`utc`), and its list leaves out `UTC` and newer
 * spellings such as `Asia/Kolkata`, which it still resolves.
 */
export function timeZoneProblem(name: string): { message: string; hint: string } | undefined {
  const examples = 'a name such as "UTC", "Europe/Berlin" or "America/New_York"';
  if (/^[+\-\u2212\d]/.test(name)) {
    return {
      message: `"${name}" is a UTC offset, not an IANA time zone name; an offset cannot follow daylight saving time.`,
      hint: `Use the name of a place in that zone, for example "Asia/Kolkata" for +05:30, or ${examples}.`,
    };
  }
  const resolved = resolveTimeZone(name);
  if (resolved === undefined) {
    return { message: `"${name}" is not an IANA time zone name.`, hint: `Use ${examples}.` };
  }
  const known = knownZoneSpellings();
  if (known.get(name.toLowerCase()) === name) return undefined;
  const spelling = known.get(name.toLowerCase());
  // An alias Intl follows (Asia/Kolkata, Etc/GMT+5, US/Eastern) is fine when spelled as IANA spells names.
  if (spelling === undefined && /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name)) return undefined;
  const fixed = spelling ?? resolved;
  return {
    message: `"${name}" is not spelled as the IANA time zone name.`,
    hint: `Write "timezone: ${fixed}".`,
  };
}

export function isTimeZone(name: string): boolean {
  return timeZoneProblem(name) === undefined;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset from UTC at `instant` in milliseconds, read from one `GMT+01:00` (or
 * `GMT+00:53:28`) name: a third of the cost of formatToParts, which a build of 10,000 incidents
 * called for every update's time (issue 26). Undefined if the name is not in that form.
 */
function offsetAt(instant: number, timeZone: string): number | undefined {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const match = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(formatter.format(instant));
  if (!match) return undefined;
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = match;
  return (sign === '-' ? -1 : 1) * ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

export function wallClockAt(instant: number, timeZone: string): WallClock {
  const offset = offsetAt(instant, timeZone);
  const wall = offset === undefined ? undefined : new Date(instant + offset);
  // Four-digit years only: formatToParts counts years before 1 AD by era, not below zero.
  if (wall && wall.getUTCFullYear() >= 1000 && wall.getUTCFullYear() <= 9999)
    return {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    };
  return wallClockFromParts(instant, timeZone);
}

/** The wall clock as the zone's formatter writes it, part by part. */
export function wallClockFromParts(instant: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year!,
    month: values.month!,
    day: values.day!,
    hour: values.hour! % 24,
    minute: values.minute!,
    second: values.second!,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  return offsetOfWallClock(wallClockAt(instant, timeZone), instant);
}

/** The zone's offset at `instant`, given its wall clock there (formatToParts is slow: read it once). */
function offsetOfWallClock(wall: WallClock, instant: number): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a calendar day begins in a zone (first instant whose wall date is that day). */
export function startOfZonedDay(year: number, month: number, day: number, timeZone: string): number {
  const midnightUtc = Date.UTC(year, month - 1, day);
  let guess = midnightUtc - zoneOffsetMinutes(midnightUtc, timeZone) * 60_000;
  guess = midnightUtc - zoneOffsetMinutes(guess, timeZone) * 60_000;
  const wall = wallClockAt(guess, timeZone);
  // A zone that skips midnight (DST at 00:00) starts the day at the first existing instant.
  if (wall.day !== day) guess += (24 - wall.hour) * 3_600_000 - wall.minute * 60_000;
  return guess;
}

/** The instant a `YYYY-MM-DD` calendar date begins in a zone. */
export function startOfCalendarDate(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return startOfZonedDay(year, month, day, timeZone);
}

export interface ZonedDay {
  /** `2026-11-14`, the day's name in the page's zone. */
  date: string;
  start: number;
  end: number;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The last `count` calendar days in the zone, oldest first, the last one containing `now`. */
export function lastZonedDays(now: number, count: number, timeZone: string): ZonedDay[] {
  const today = wallClockAt(now, timeZone);
  const days: ZonedDay[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const civil = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const [y, m, d] = [civil.getUTCFullYear(), civil.getUTCMonth() + 1, civil.getUTCDate()];
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    days.push({
      date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
      start: startOfZonedDay(y, m, d, timeZone),
      end: startOfZonedDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
    });
  }
  return days;
}

/** ISO 8601 with milliseconds in the zone's offset, as Statuspage writes: `2026-11-23T02:05:00.000-08:00`. */
export function formatZonedIso(instant: number, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const offset = offsetOfWallClock(wall, instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const ms = ((instant % 1000) + 1000) % 1000;
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `.${pad(ms, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export const dayMs = 86_400_000;

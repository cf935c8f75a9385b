import { zoneOffsetMinutes } from '../time.ts';

/**
 * cState dates as real sites write them: `2020-06-01 09:00:00`, `2020-06-01 9:00`, `2020-06-01T9:00`,
 * `2021-06-01T09:00:00-00:00`, a bare date. Most carry no offset: those are read in `zone`.
 */
const cstateDate =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface CstateInstant {
  instant: number;
  /** True when the text had no offset and was read in the zone. */
  zoneless: boolean;
}

/** The instant a wall-clock time in `zone` stands for (the earlier one when clocks go back). */
export function wallTimeToInstant(parts: number[], zone: string): number {
  const utc = Date.UTC(parts[0]!, parts[1]! - 1, parts[2], parts[3], parts[4], parts[5], parts[6]);
  const first = utc - zoneOffsetMinutes(utc, zone) * 60_000;
  return utc - zoneOffsetMinutes(first, zone) * 60_000;
}

/** A cState date as an instant; undefined for text that is not a date. */
export function parseCstateDate(value: unknown, zone: string): CstateInstant | undefined {
  // YAML readers may already have turned an unquoted date into a Date.
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : { instant: value.getTime(), zoneless: false };
  if (typeof value !== 'string') return undefined;
  const match = cstateDate.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const ms = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = match[8];
  if (!offset)
    return { instant: wallTimeToInstant([year!, month!, day!, hour, minute, second, ms], zone), zoneless: true };
  const utc = Date.UTC(year!, month! - 1, day, hour, minute, second, ms);
  if (offset.toUpperCase() === 'Z') return { instant: utc, zoneless: false };
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
  return { instant: utc - (offset[0] === '-' ? -minutes : minutes) * 60_000, zoneless: false };
}

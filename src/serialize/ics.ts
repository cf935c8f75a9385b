import type { StatusState } from '../domain/derive.ts';
import { pageStrings } from '../domain/languages.ts';
import type { Permalinks } from '../domain/permalinks.ts';
import { markdownToText } from './plain-text.ts';
import { stripControlCharacters } from '../domain/text-safety.ts';

function utc(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * RFC 5545 §3.3.11 text escaping. Any line break (CRLF, LF or a bare CR) becomes `\n`; other
 * controls are dropped (§3.1: CONTROL), C1 controls too.
 */
export function escapeText(text: string): string {
  return stripControlCharacters(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

/** How many octets a code point takes in UTF-8 (a lone surrogate is written as U+FFFD: three). */
const utf8Octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** RFC 5545 §3.1 folding: lines of at most 75 octets, continued with a space, never splitting a character. */
export function foldLine(line: string): string {
  // A UTF-16 code unit is at most three octets: 25 of them always fit.
  if (line.length <= 25) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = utf8Octets(char.codePointAt(0)!);
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Scheduled maintenance as an iCalendar feed customers can subscribe to. */
export function renderMaintenanceCalendar(state: StatusState, links: Permalinks): string {
  const host = new URL(state.page.url).host;
  const strings = pageStrings(state.page);
  const names = new Map(state.components.map((component) => [component.component.id, component.component.name]));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Statusmark//${escapeText(state.page.name)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(strings.calendarName(state.page.name))}`,
  ];
  for (const incident of state.incidents) {
    const { incident: source } = incident;
    if (source.kind !== 'maintenance' || !source.window) continue;
    const published = source.updates.filter((update) => update.at <= state.now);
    const latest = published[published.length - 1];
    const stamp = latest?.at ?? source.window.start;
    // A component whose `since` date is still ahead does not exist yet, so it is not named.
    const affected = incident.componentIds.flatMap((id) => names.get(id) ?? []).join(', ');
    const description = [
      latest ? markdownToText(latest.message) : '',
      affected ? `${strings.affected}: ${affected}` : '',
      links.absolute(links.incident(source.slug)),
    ]
      .filter(Boolean)
      .join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${source.slug}@${host}`,
      `DTSTAMP:${utc(stamp)}`,
      `DTSTART:${utc(source.window.start)}`,
      `DTEND:${utc(source.window.end)}`,
      `SUMMARY:${escapeText(source.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `URL:${links.absolute(links.incident(source.slug))}`,
      `STATUS:CONFIRMED`,
      `SEQUENCE:${published.length}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

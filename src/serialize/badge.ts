import type { Indicator } from '../domain/vocabulary.ts';
import { escapeHtml, stripIllegalXmlCharacters } from '../domain/text-safety.ts';

/** Rough Verdana 11px advance widths, enough to size a shields-style badge deterministically. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u2e80-\ud7ff\uf900-\uffdc]/.test(char)
      ? 11
      : /[ il.,:;|!'1]/.test(char)
        ? 3.5
        : /[mwMW]/.test(char)
          ? 10
          : /[A-Z0-9]/.test(char)
            ? 7.5
            : 6.5;
  return Math.round(width);
}

export const badgeColors = {
  operational: '#1a7f37',
  under_maintenance: '#0969da',
  degraded_performance: '#9a6700',
  partial_outage: '#bc4c00',
  major_outage: '#cf222e',
} as const;

/** The overall status's colour: the badge's colour for the matching component status. */
export const indicatorColors: Record<Indicator, string> = {
  none: badgeColors.operational,
  minor: badgeColors.degraded_performance,
  major: badgeColors.partial_outage,
  critical: badgeColors.major_outage,
  maintenance: badgeColors.under_maintenance,
};

/** A small flat badge: grey label, coloured message; `<title>` names both for screen readers. */
export function renderBadge(labelText: string, messageText: string, color: string): string {
  const label = stripIllegalXmlCharacters(labelText);
  const message = stripIllegalXmlCharacters(messageText);
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const width = left + right;
  const title = escapeHtml(`${label}: ${message}`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">` +
    `<text x="${left / 2}" y="14">${escapeHtml(label)}</text><text x="${left + right / 2}" y="14">${escapeHtml(message)}</text></g></svg>`
  );
}

import type { Indicator } from '../domain/vocabulary.ts';
import { indicatorColors } from './badge.ts';
import { escapeHtml } from './feed-entries.ts';
import { renderStatusMark } from './favicon.ts';
import { stripIllegalXmlCharacters } from './xml-characters.ts';

export const previewWidth = 1200;
export const previewHeight = 630;
/** The embedded font's family name (Noto Sans, see src/assets/fonts/). */
export const previewFontFamily = 'Noto Sans';

/** What a link-preview card shows. All text is author text: it is escaped, never markup. */
export interface PreviewCard {
  /** The page's name, small, at the top. */
  siteName: string;
  /** The overall status, or an incident's title. */
  headline: string;
  /** Up to two smaller lines under the headline, e.g. "Investigating · Major impact". */
  details: string[];
  indicator: Indicator;
}

/** Rough advance widths of Noto Sans in ems, enough to wrap lines without measuring glyphs. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text)
    width += /[ il.,:;|!'1ftrjI]/.test(char) ? 0.3 : /[mwMW@]/.test(char) ? 0.9 : /[A-Z0-9]/.test(char) ? 0.66 : 0.56;
  return width * size;
}

/** Greedy word wrap into at most `maxLines`, the last one ending in "…" when text is left over. */
export function wrapText(text: string, size: number, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    let word = words[index]!;
    // A word wider than a line is cut to fit.
    while (textWidth(word, size) > maxWidth) {
      const chars = [...word];
      let cut = chars.length - 1;
      while (cut > 1 && textWidth(chars.slice(0, cut).join(''), size) > maxWidth) cut--;
      if (current) lines.push(current);
      lines.push(chars.slice(0, cut).join(''));
      current = '';
      word = chars.slice(cut).join('');
    }
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`, size) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

const text = (value: string) => escapeHtml(stripIllegalXmlCharacters(value));

/** The 1200×630 link-preview card as SVG, rendered to PNG at build time. */
export function renderPreviewCard(card: PreviewCard): string {
  const color = indicatorColors[card.indicator];
  const left = 96;
  const width = previewWidth - left - 96;
  const headlineSize = 68;
  const headline = wrapText(card.headline, headlineSize, width, 3);
  const headlineTop = 250;
  const detailTop = headlineTop + headline.length * headlineSize * 1.2 + 30;
  const details = card.details.slice(0, 2).flatMap((line) => wrapText(line, 36, width, 1));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${previewWidth}" height="${previewHeight}" viewBox="0 0 ${previewWidth} ${previewHeight}">` +
    `<rect width="${previewWidth}" height="${previewHeight}" fill="#ffffff"/>` +
    `<rect width="${previewWidth}" height="24" fill="${color}"/>` +
    `<g transform="translate(${left} 84) scale(2.5)">${renderStatusMark(card.indicator)}</g>` +
    `<g font-family="${previewFontFamily}" fill="#1b1f24">` +
    `<text x="${left + 104}" y="145" font-size="40" fill="#57606a">${text(card.siteName)}</text>` +
    headline
      .map(
        (line, index) =>
          `<text x="${left}" y="${headlineTop + index * headlineSize * 1.2}" font-size="${headlineSize}" font-weight="700">${text(line)}</text>`,
      )
      .join('') +
    details
      .map((line, index) => `<text x="${left}" y="${detailTop + index * 52}" font-size="36">${text(line)}</text>`)
      .join('') +
    `</g></svg>`
  );
}

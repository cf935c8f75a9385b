import { textDirection } from '../domain/languages.ts';
import type { Indicator } from '../domain/vocabulary.ts';
import { indicatorColors } from './badge.ts';
import { renderStatusMark } from './favicon.ts';
import { cjkFamilyFor, previewFontFamily } from './preview-fonts.ts';
import { escapeHtml, stripIllegalXmlCharacters } from '../domain/text-safety.ts';

export const previewWidth = 1200;
export const previewHeight = 630;

/** What a link-preview card shows. All text is author text: it is escaped, never markup. */
export interface PreviewCard {
  /** The page's name, small, at the top. */
  siteName: string;
  /** The overall status, or an incident's title. */
  headline: string;
  /** Up to two smaller lines under the headline, e.g. "Investigating · Major impact". */
  details: string[];
  indicator: Indicator;
  /** The page language (BCP 47): a right-to-left one mirrors the card; it picks CJK glyph forms. */
  language: string;
}

const fullWidth = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;

/** Rough advance width of one character in ems (CJK characters are square), enough to wrap lines without measuring glyphs. */
export function charAdvance(char: string): number {
  if (fullWidth.test(char)) return 1;
  if (/[ il.,:;|!'1ftrjI]/.test(char)) return 0.3;
  if (/[mwMW@]/.test(char)) return 0.9;
  return /[A-Z0-9]/.test(char) ? 0.66 : 0.56;
}

/** How wide `text` is at font `size`, in pixels. */
export function textWidth(text: string, size: number, advance = charAdvance): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return width * size;
}

/**
 * Greedy word wrap into at most `maxLines`, the last one ending in "…" when text is left over.
 * Each character is measured once: a word wider than a line is cut by width in the same pass
 * (re-measuring the rest of the word for every cut took minutes for a title of one long word).
 */
export function wrapText(
  text: string,
  size: number,
  maxWidth: number,
  maxLines: number,
  advance = charAdvance,
): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const space = advance(' ') * size;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const chars = [...word];
    const widths = chars.map((char) => advance(char) * size);
    const wordWidth = widths.reduce((sum, width) => sum + width, 0);
    if (line && lineWidth + space + wordWidth <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    lineWidth = 0;
    // A word wider than a line is cut to fit, each piece as long as the line allows (at least one character).
    chars.forEach((char, index) => {
      if (line && lineWidth + widths[index]! > maxWidth) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += char;
      lineWidth += widths[index]!;
    });
    if (lines.length > maxLines) break;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = [...kept[maxLines - 1]!];
  let lastWidth = last.reduce((sum, char) => sum + advance(char) * size, advance('…') * size);
  while (last.length > 0 && lastWidth > maxWidth) lastWidth -= advance(last.pop()!) * size;
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

const escaped = (value: string) => escapeHtml(stripIllegalXmlCharacters(value));

/** The 1200×630 link-preview card as SVG, rendered to PNG at build time. */
export function renderPreviewCard(card: PreviewCard): string {
  const color = indicatorColors[card.indicator];
  const margin = 96;
  const width = previewWidth - 2 * margin;
  const headlineSize = 68;
  const headline = wrapText(card.headline, headlineSize, width, 3);
  const headlineTop = 250;
  const detailTop = headlineTop + headline.length * headlineSize * 1.2 + 30;
  const details = card.details.slice(0, 2).flatMap((line) => wrapText(line, 36, width, 1));
  const cjkFamily = cjkFamilyFor([card.siteName, card.headline, ...card.details].join(' '), card.language);
  // resvg lays every line out left to right and ignores `direction`; a right-to-left isolate
  // (RLI … PDI) gives the bidi algorithm the paragraph direction instead, and the card mirrors.
  const rtl = textDirection(card.language) === 'rtl';
  const x = (inset: number) => (rtl ? previewWidth - inset : inset);
  const text = (line: string, inset: number, y: number, attributes: string) =>
    `<text x="${x(inset)}" y="${y}" font-family="${previewFontFamily(line, cjkFamily)}"${rtl ? ' text-anchor="end"' : ''} ${attributes}>` +
    `${escaped(rtl ? `\u2067${line}\u2069` : line)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${previewWidth}" height="${previewHeight}" viewBox="0 0 ${previewWidth} ${previewHeight}">` +
    `<rect width="${previewWidth}" height="${previewHeight}" fill="#ffffff"/>` +
    `<rect width="${previewWidth}" height="24" fill="${color}"/>` +
    // The status mark is 32 units scaled 2.5 times: 80 px wide.
    `<g transform="translate(${rtl ? previewWidth - margin - 80 : margin} 84) scale(2.5)">${renderStatusMark(card.indicator)}</g>` +
    `<g fill="#1b1f24">` +
    text(card.siteName, margin + 104, 145, 'font-size="40" fill="#57606a"') +
    headline
      .map((line, index) =>
        text(line, margin, headlineTop + index * headlineSize * 1.2, `font-size="${headlineSize}" font-weight="700"`),
      )
      .join('') +
    details.map((line, index) => text(line, margin, detailTop + index * 52, 'font-size="36"')).join('') +
    `</g></svg>`
  );
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, test } from 'vitest';
import { createDateFormat } from '../../src/domain/date-format.ts';
import { bundledLanguages, defaultLocaleFor, pageStrings } from '../../src/domain/languages.ts';
import { fontFiles } from '../../src/node/render-png.ts';
import { renderFavicon } from '../../src/serialize/favicon.ts';
import { renderPreviewCard, type PreviewCard } from '../../src/serialize/preview-card.ts';
import { previewFonts } from '../../src/serialize/preview-fonts.ts';
import { otherScriptTitles, sampleTitles } from '../helpers/sample-titles.ts';

const fontsDir = join(import.meta.dirname, '..', '..', 'src', 'assets', 'fonts');
/** What each committed font file has a glyph for, read from its cmap. */
const coverage = new Map(
  previewFonts.map((font) => {
    const face = new Face(new Blob(readFileSync(join(fontsDir, font.file))), 0);
    return [font, new Set(face.collectUnicodes())] as const;
  }),
);

/** Every line a card draws, with the font resvg draws it with: the first family, at the nearest weight. */
function drawnLines(card: PreviewCard): { line: string; font: string; missing: string[] }[] {
  const svg = renderPreviewCard(card);
  return [
    ...svg.matchAll(/<text [^>]*font-family="([^",]+)[^"]*"[^>]*?(?:font-weight="(\d+)")?[^>]*>([^<]*)<\/text>/g),
  ].map(([, family, weight, escaped]) => {
    const line = escaped!.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (entity) => entitites[entity]!);
    const faces = previewFonts.filter((font) => font.family === family);
    const font = faces.find((face) => face.weight === Number(weight ?? 400)) ?? faces[0]!;
    const cmap = coverage.get(font)!;
    // Format characters (the bidi isolates, joiners) shape to nothing and need no glyph.
    const missing = [...new Set(line)].filter((char) => !/\p{Cf}/u.test(char) && !cmap.has(char.codePointAt(0)!));
    return { line, font: font.file, missing };
  });
}
const entitites: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

const now = Date.parse('2026-11-23T12:00:00Z');

describe('the committed fonts cover what cards say', () => {
  test.each(bundledLanguages)('every card text of a %s page has a glyph in the font that draws it', (language) => {
    const strings = pageStrings({ language, locale: defaultLocaleFor(language) });
    const date = createDateFormat('Asia/Tokyo', defaultLocaleFor(language)).dateTime(now);
    const cards: PreviewCard[] = [
      ...Object.values(strings.indicator).map((headline) => ({
        siteName: 'Acme',
        headline,
        details: [`${strings.builtAt} ${date}`],
        indicator: 'none' as const,
        language,
      })),
      ...Object.values(strings.updateStatus).flatMap((status) =>
        Object.values(strings.impact).map((impact) => ({
          siteName: sampleTitles[language],
          headline: sampleTitles[language],
          details: [`${status} · ${impact}`, strings.lastUpdateAt(date)],
          indicator: 'major' as const,
          language,
        })),
      ),
      { siteName: 'Acme', headline: strings.degradedService, details: [], indicator: 'minor', language },
    ];
    const gaps = cards.flatMap(drawnLines).filter((line) => line.missing.length > 0);
    expect(gaps).toEqual([]);
  });

  test('Greek, Cyrillic and Vietnamese titles are covered too', () => {
    const cards = otherScriptTitles.map((headline) => ({
      siteName: 'Acme',
      headline,
      details: [],
      indicator: 'none' as const,
      language: 'en',
    }));
    expect(cards.flatMap(drawnLines).filter((line) => line.missing.length > 0)).toEqual([]);
  });

  test('a Han title takes the page language’s glyph forms', () => {
    const family = (language: string) =>
      drawnLines({ siteName: 'Acme', headline: '直接', details: [], indicator: 'none', language })[1]!.font;
    expect([family('ja'), family('zh-Hans'), family('ko'), family('en')]).toEqual([
      'noto-sans-jp-700.ttf',
      'noto-sans-sc-700.ttf',
      'noto-sans-kr-700.ttf',
      'noto-sans-sc-700.ttf',
    ]);
  });

  test('an icon reads no font file and a Latin card only Noto Sans', () => {
    const latin = renderPreviewCard({
      siteName: 'Acme',
      headline: 'API down',
      details: [],
      indicator: 'none',
      language: 'en',
    });
    expect(fontFiles(renderFavicon('none'))).toEqual([]);
    expect(fontFiles(latin).map((file) => file.split('/').at(-1))).toEqual(['noto-sans-700.ttf', 'noto-sans-400.ttf']);
  });
});

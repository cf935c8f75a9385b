import { describe, expect, test } from 'vitest';
import { renderPng } from '../../src/node/render-png.ts';
import { previewWidth, renderPreviewCard, type PreviewCard } from '../../src/serialize/preview-card.ts';
import { decodePng } from '../helpers/png.ts';
import { sampleTitles } from '../helpers/sample-titles.ts';

// Issue #13: letters beyond Western European Latin were missing (tofu or blank) on the PNG cards.

/** The headline's band of the card (no details below it): three lines of 68 px bold from y = 250. */
const band = { top: 170, bottom: 430 };

function render(language: string, headline: string, width = previewWidth): ReturnType<typeof decodePng> {
  const card: PreviewCard = {
    siteName: 'Acme',
    headline,
    details: [],
    indicator: 'major',
    language,
  };
  return decodePng(renderPng(renderPreviewCard(card), width));
}

/** The rows of the headline band in an image rendered at any width. */
const bandRows = (image: ReturnType<typeof decodePng>) => {
  const scale = image.width / previewWidth;
  return { top: Math.floor(band.top * scale), bottom: Math.ceil(band.bottom * scale) };
};

/** The column of every dark pixel in the headline band. */
function darkPixels(image: ReturnType<typeof decodePng>): number[] {
  const columns: number[] = [];
  const { top, bottom } = bandRows(image);
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * image.channels;
      if (image.pixels[at]! + image.pixels[at + 1]! + image.pixels[at + 2]! < 384) columns.push(x);
    }
  return columns;
}

function differingPixels(a: ReturnType<typeof decodePng>, b: ReturnType<typeof decodePng>): number {
  let count = 0;
  const { top, bottom } = bandRows(a);
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < a.width; x++) {
      const at = (y * a.width + x) * a.channels;
      if (Math.abs(a.pixels[at]! - b.pixels[at]!) > 64) count++;
    }
  return count;
}

describe('link-preview cards draw every bundled script', () => {
  test.each(['pl', 'tr', 'ja', 'ko', 'zh-Hans', 'ar'] as const)('draws a %s title with real glyphs', (language) => {
    const title = sampleTitles[language];
    const ink = darkPixels(render(language, title)).length;
    expect(ink).toBeGreaterThan(darkPixels(render(language, title.replace(/\S/gu, ' '))).length + 5000);
    // Each letter alone: a missing one is drawn as its font's missing-glyph box (or nothing), the
    // same picture for every missing letter and for a private-use character no font has.
    const letters = [...new Set(title.replace(/[\s\p{P}]/gu, ''))];
    const pictures = [...letters, '\uE000'].map((letter) => {
      const image = render(language, letter, previewWidth / 2);
      expect(darkPixels(image).length, `ink of ${letter}`).toBeGreaterThan(0);
      return image.pixels.toString('base64');
    });
    const missing = letters.filter(
      (_, index) => pictures.indexOf(pictures[index]!) !== index || pictures[index] === pictures.at(-1),
    );
    expect(missing).toEqual([]);
  });

  test('an Arabic card reads from the right: the title starts at the right margin, the first word rightmost', () => {
    const words = render('ar', 'عطل');
    const mixed = render('ar', 'عطل API');
    const wordColumns = darkPixels(words);
    const right = Math.max(...wordColumns);
    expect(right).toBeGreaterThan(previewWidth - 96 - 12);
    // The Arabic word keeps its place at the reading start; "API" is added to its left.
    const from = Math.min(...wordColumns);
    expect(differingPixels(decodeBand(words, from), decodeBand(mixed, from))).toBe(0);
    expect(Math.min(...darkPixels(mixed))).toBeLessThan(from - 60);
  });

  test('a left-to-right card keeps the title at the left margin', () => {
    expect(Math.min(...darkPixels(render('pl', sampleTitles.pl)))).toBeLessThan(96 + 12);
  });

  test('renders a card mixing Arabic, Japanese, Korean and Chinese to the same bytes every time', () => {
    const card: PreviewCard = {
      siteName: `${sampleTitles.ko} ${sampleTitles.ar}`,
      headline: `${sampleTitles['zh-Hans']} ${sampleTitles.ja}`,
      details: [sampleTitles.tr, sampleTitles.pl],
      indicator: 'critical',
      language: 'ja',
    };
    expect(Buffer.from(renderPng(renderPreviewCard(card), previewWidth))).toEqual(
      Buffer.from(renderPng(renderPreviewCard(card), previewWidth)),
    );
  });
});

/** The image with every column left of `from` painted white, to compare only what lies right of it. */
function decodeBand(image: ReturnType<typeof decodePng>, from: number): ReturnType<typeof decodePng> {
  const pixels = Buffer.from(image.pixels);
  for (let y = 0; y < image.height; y++)
    pixels.fill(255, y * image.width * image.channels, (y * image.width + from) * image.channels);
  return { ...image, pixels };
}

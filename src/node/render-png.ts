import { Resvg } from '@resvg/resvg-js';
import { join } from 'node:path';
import { latinFamily, namedFamilies, previewFonts } from '../serialize/preview-fonts.ts';

/**
 * The committed fonts under src/assets/fonts/ (the directory is set by astro.config.ts) of the
 * families an SVG names, in `previewFonts` order. System fonts are never read, so every machine
 * renders the same pixels; and since the SVG alone decides, the same SVG gives the same PNG.
 * resvg reads and parses every font file on each render (resvg-js 2.6 cannot share a font
 * database between renders), so a Latin card skips the 8.5 MB of CJK fonts and an icon
 * without text loads none.
 */
export function fontFiles(svg: string, env: Record<string, string | undefined> = process.env): string[] {
  if (!svg.includes('<text')) return [];
  const directory = env.STATUSMARK_FONT_DIR ?? join(process.cwd(), 'src', 'assets', 'fonts');
  const families = namedFamilies(svg);
  return previewFonts.filter((font) => families.has(font.family)).map((font) => join(directory, font.file));
}

/** Renders an SVG to PNG, scaled to `width` pixels wide. */
export function renderPng(svg: string, width: number): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: fontFiles(svg), loadSystemFonts: false, defaultFontFamily: latinFamily },
  });
  return new Uint8Array(resvg.render().asPng());
}

import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
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

function renderOptions(svg: string, width: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: fontFiles(svg), loadSystemFonts: false, defaultFontFamily: latinFamily },
  };
}

/** Renders an SVG to PNG, scaled to `width` pixels wide. */
export function renderPng(svg: string, width: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new Resvg(svg, renderOptions(svg, width)).render().asPng());
}

/**
 * The same PNG, byte for byte, rendered on libuv's thread pool: the build renders other pages
 * on the main thread meanwhile (issue 26; a link-preview card takes about 40 ms).
 */
export async function renderPngAsync(svg: string, width: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await renderAsync(svg, renderOptions(svg, width))).asPng());
}

import { Resvg } from '@resvg/resvg-js';
import { join } from 'node:path';
import { previewFontFamily } from '../serialize/preview-card.ts';

/**
 * The fonts committed under src/assets/fonts/, set by astro.config.ts; system
 * fonts are never read, so every machine renders the same pixels.
 */
function fontFiles(env: Record<string, string | undefined> = process.env): string[] {
  const directory = env.STATUSMARK_FONT_DIR ?? join(process.cwd(), 'src', 'assets', 'fonts');
  return [join(directory, 'noto-sans-latin-400.ttf'), join(directory, 'noto-sans-latin-700.ttf')];
}

/** Renders an SVG to PNG, scaled to `width` pixels wide. */
export function renderPng(svg: string, width: number): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: previewFontFamily },
  });
  return new Uint8Array(resvg.render().asPng());
}

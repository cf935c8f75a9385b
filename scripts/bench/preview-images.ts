import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderPng } from '../../src/node/render-png.ts';
import { previewWidth, renderPreviewCard } from '../../src/serialize/preview-card.ts';

export interface PreviewFigures {
  images: number;
  largestKb: number;
  /** Rendering that many cards again in this process: the build time the cards cost. */
  seconds: number;
}

/** Counts a build's link-preview cards and times rendering as many again (issue 17). */
export function measurePreviewImages(outDir: string): PreviewFigures {
  const dir = join(outDir, 'og', 'incidents');
  const files = [join(outDir, 'og', 'home.png'), ...readdirSync(dir).map((name) => join(dir, name))];
  const started = performance.now();
  for (let index = 0; index < files.length; index++)
    renderPng(
      renderPreviewCard({
        siteName: 'Benchmark Status',
        headline: `Elevated error rates on component ${index} in several regions`,
        details: ['Investigating · Major impact', 'Last update 23 Nov 2026, 12:00 CET'],
        indicator: 'major',
      }),
      previewWidth,
    );
  return {
    images: files.length,
    largestKb: Math.max(...files.map((file) => statSync(file).size)) / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}

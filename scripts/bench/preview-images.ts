import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderPng } from '../../src/node/render-png.ts';
import { previewWidth, renderPreviewCard, type PreviewCard } from '../../src/serialize/preview-card.ts';

export interface PreviewFigures {
  images: number;
  largestKb: number;
  /** Rendering that many cards again in this process: the build time the cards cost. */
  seconds: number;
  /** CPU milliseconds per card with a title in each script the fonts carry (issue 13). */
  perScriptMs: Record<string, number>;
  /** Milliseconds for one card whose title is a single 9,000-letter word (issue 22: minutes before). */
  longWordMs: number;
}

const scriptCards: Record<string, Omit<PreviewCard, 'indicator'>> = {
  Latin: { siteName: 'Acme', headline: 'Błąd płatności w Łodzi', details: ['Badanie · Poważny wpływ'], language: 'pl' },
  Arabic: {
    siteName: 'Acme',
    headline: 'عطل في خدمة الدفع منذ ساعة',
    details: ['قيد التحقيق · تأثير كبير'],
    language: 'ar',
  },
  Japanese: {
    siteName: 'Acme',
    headline: '決済APIで障害が発生しています',
    details: ['調査中 · 重大な影響'],
    language: 'ja',
  },
  Korean: {
    siteName: 'Acme',
    headline: '결제 API 장애가 발생했습니다',
    details: ['조사 중 · 주요 영향'],
    language: 'ko',
  },
  Chinese: {
    siteName: 'Acme',
    headline: '支付接口出现故障，直接影响结账',
    details: ['调查中 · 重大影响'],
    language: 'zh-Hans',
  },
};

function cpuMsPerCard(card: PreviewCard, count = 20): number {
  const svg = renderPreviewCard(card);
  const started = process.cpuUsage();
  for (let index = 0; index < count; index++) renderPng(svg, previewWidth);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / count;
}

function longWordCardMs(): number {
  const started = performance.now();
  renderPng(
    renderPreviewCard({
      siteName: 'Acme',
      headline: 'W'.repeat(9000),
      details: ['Investigating · Major impact'],
      indicator: 'major',
      language: 'en',
    }),
    previewWidth,
  );
  return performance.now() - started;
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
        language: 'en',
      }),
      previewWidth,
    );
  return {
    images: files.length,
    largestKb: Math.max(...files.map((file) => statSync(file).size)) / 1024,
    seconds: (performance.now() - started) / 1000,
    perScriptMs: Object.fromEntries(
      Object.entries(scriptCards).map(([script, card]) => [script, cpuMsPerCard({ ...card, indicator: 'major' })]),
    ),
    longWordMs: longWordCardMs(),
  };
}

import type { Indicator } from '../domain/vocabulary.ts';
import { renderPngAsync } from '../node/render-png.ts';
import { renderFavicon } from '../serialize/favicon.ts';
import { previewWidth, renderPreviewCard } from '../serialize/preview-card.ts';
import type { IconFile } from '../domain/permalinks.ts';
import type { IncidentView } from './views.ts';
import { loadSiteData } from './site-data.ts';
import { pathsInEveryLanguage, siteDataFor, type LanguageParams } from './languages.ts';

const iconWidths: Record<Exclude<IconFile, 'favicon.svg'>, number> = {
  'favicon-32x32.png': 32,
  'apple-touch-icon.png': 180,
};

const png = async (body: Promise<Uint8Array<ArrayBuffer>>) =>
  new Response(await body, { headers: { 'content-type': 'image/png' } });

/** The status icons public/ does not supply. */
export function iconPaths() {
  return loadSiteData().model.assets.generatedIcons.map((icon) => ({ params: { icon } }));
}

export async function iconResponse(icon: IconFile): Promise<Response> {
  const svg = renderFavicon(loadSiteData().model.overall.indicator);
  if (icon === 'favicon.svg') return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
  return png(renderPngAsync(svg, iconWidths[icon]));
}

export function homePreviewResponse(params: Partial<LanguageParams>): Promise<Response> {
  const { model } = siteDataFor(params);
  const details = [
    `${model.strings.builtAt} ${model.builtAt.text}`,
    ...(model.page.description ? [model.page.description] : []),
  ];
  return png(
    renderPngAsync(
      renderPreviewCard({
        siteName: model.page.name,
        headline: model.overall.description,
        details,
        indicator: model.overall.indicator,
        language: model.page.language,
      }),
      previewWidth,
    ),
  );
}

/** Only incidents the home page and feeds show get a card of their own (in each language). */
export function incidentPreviewPaths() {
  return pathsInEveryLanguage(({ model }) => [...model.previewSlugs].map((slug) => ({ params: { slug } })));
}

function incidentIndicator(incident: IncidentView): Indicator {
  if (incident.kind === 'maintenance')
    return incident.active || incident.status === 'scheduled' ? 'maintenance' : 'none';
  if (!incident.active) return 'none';
  return incident.impact === 'critical' ? 'critical' : incident.impact === 'major' ? 'major' : 'minor';
}

export function incidentPreviewResponse(
  params: Partial<LanguageParams> & { slug?: string | undefined },
): Promise<Response> {
  const { model } = siteDataFor(params);
  const incident = model.incidentBySlug.get(params.slug!)!;
  const latest = incident.latest;
  return png(
    renderPngAsync(
      renderPreviewCard({
        siteName: model.page.name,
        headline: incident.title,
        details: [
          `${incident.statusLabel} · ${incident.impactLabel}`,
          ...(latest ? [model.strings.lastUpdateAt(latest.at.text)] : []),
        ],
        indicator: incidentIndicator(incident),
        language: model.page.language,
      }),
      previewWidth,
    ),
  );
}

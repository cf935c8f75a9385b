import { languageFolder } from './languages.ts';
import { nextRebuildFile } from './rebuild-decision.ts';

/** The page's feed formats, each at its own URL (see `feed`). */
export type FeedKind = 'rss' | 'atom' | 'json';

/** The status icons, generated unless public/ supplies a file of that name. */
export const iconFiles = ['favicon.svg', 'favicon-32x32.png', 'apple-touch-icon.png'] as const;
export type IconFile = (typeof iconFiles)[number];

/**
 * Every URL the site emits, in one place. `base` is the page's base path
 * (`/` or `/status/`); all paths end with `/` or a file name.
 */
export function createPermalinks(base: string, siteUrl: string, languageSegment?: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  /** Files every language shares: the API, icons, the sitemap, public/. */
  const shared = (relative = '') => `${root}${relative}`;
  /** Pages, feeds, calendar and badges of this language: its folder below the base path (none for the first). */
  const languageRoot = languageSegment ? `${root}${languageSegment}/` : root;
  const path = (relative = '') => `${languageRoot}${relative}`;
  const permalinks = {
    home: () => path(),
    incident: (slug: string) => path(`incidents/${slug}/`),
    /** Updates are append-only, so their position is a permanent anchor. */
    updateAnchor: (index: number) => `update-${index + 1}`,
    update: (slug: string, index: number) => `${permalinks.incident(slug)}#${permalinks.updateAnchor(index)}`,
    component: (id: string, page = 1) => path(`components/${id}/${page > 1 ? `${page}/` : ''}`),
    /** A day in a component page's list of days with incidents (`date` is YYYY-MM-DD). */
    dayAnchor: (date: string) => `day-${date}`,
    componentDay: (id: string, date: string) => `${permalinks.component(id)}#${permalinks.dayAnchor(date)}`,
    /** The list of days with incidents on a component page. */
    componentDays: (id: string) => `${permalinks.component(id)}#days`,
    history: (month?: string) => path(`history/${month ? `${month}/` : ''}`),
    maintenance: () => path('maintenance/'),
    feed: (kind: FeedKind, componentId?: string) =>
      path(`${componentId ? `components/${componentId}/` : ''}${kind === 'json' ? 'feed.json' : `${kind}.xml`}`),
    badge: (componentId?: string) => path(`${componentId ? `components/${componentId}/` : ''}badge.svg`),
    calendar: () => path('maintenance.ics'),
    /** The maintenance calendar for calendar apps: `webcal://` opens a subscription instead of a download. */
    webcal: () => new URL(path('maintenance.ics'), siteUrl).href.replace(/^https?:/, 'webcal:'),
    /** Generated when public/ has no file of that name. */
    icon: (file: IconFile) => shared(file),
    /** Link-preview image: the page's banner, or one incident's card. */
    previewImage: (slug?: string) => path(slug ? `og/incidents/${slug}.png` : 'og/home.png'),
    sitemap: () => shared('sitemap.xml'),
    /** Generated when public/ has no robots.txt. */
    robots: () => shared('robots.txt'),
    /** The page servers show for an unknown address. */
    notFound: () => shared('404.html'),
    /** When the output next changes by time alone (see next-change.ts); the scheduled check reads it. */
    nextRebuild: () => shared(nextRebuildFile),
    /** What the embeddable notice reads: this language's open incidents and maintenance (see serialize/embed.ts). */
    embedData: () => path('embed.json'),
    /** The embeddable notice's script, one for every language (`data-lang` picks one). */
    embedScript: () => shared('embed.js'),
    /** The Statuspage-compatible API is one, in the first language, whatever page links to it. */
    api: (file: string) => shared(`api/v2/${file}`),
    /** A file from public/ (such as the logo): kept as is when absolute, else placed under the base path. */
    asset: (file: string) => (/^(https?:)?\/\//.test(file) ? file : shared(file.replace(/^\/+/, ''))),
    /** The same page in another language (`undefined`: the first, at the root), from one of this language's paths. */
    inLanguage: (pathname: string, segment: string | undefined) =>
      `${root}${segment ? `${segment}/` : ''}${pathname.startsWith(languageRoot) ? pathname.slice(languageRoot.length) : ''}`,
    /** Absolute URL for canonical links, feeds and the API. */
    absolute: (pathname: string) => new URL(pathname, siteUrl).href,
  };
  return permalinks;
}

export type Permalinks = ReturnType<typeof createPermalinks>;

/** The links of a page as its language sees it (see `pageInLanguage`): that language's folder, or the root. */
export function pagePermalinks(page: {
  base_path: string;
  url: string;
  language: string;
  languages: readonly string[];
}): Permalinks {
  return createPermalinks(page.base_path, page.url, languageFolder(page, page.language));
}

/** Stands for any slug, component id, month, page number or API file name in a route. */
const anyName = '\u0000';

/** Routes public/ may supply instead of the build, as documented in the README. */
const overridable = (links: Permalinks) => [...iconFiles.map((file) => links.icon(file)), links.robots()];

/** Every route the build writes, with `anyName` where a slug, id, month or page number goes. */
function generatedRoutes(links: Permalinks, withShared: boolean): string[] {
  const kinds: readonly FeedKind[] = ['rss', 'atom', 'json'];
  return [
    links.home(),
    links.incident(anyName),
    links.component(anyName),
    links.history(),
    links.history(anyName),
    links.maintenance(),
    ...kinds.flatMap((kind) => [links.feed(kind), links.feed(kind, anyName)]),
    links.badge(),
    links.badge(anyName),
    links.calendar(),
    links.previewImage(),
    links.previewImage(anyName),
    links.embedData(),
    ...(withShared
      ? [links.sitemap(), links.api(anyName), links.notFound(), links.nextRebuild(), links.embedScript()]
      : []),
  ];
}

/**
 * What a path in public/ (relative to it, with `/`) would replace in the built site: the route
 * it collides with (`/rss.xml`, `/incidents/…/index.html`), or undefined. A page's route is its
 * folder's `index.html`; a name placeholder matches any name (any slug or id today or later, and
 * a component's further pages below it). The icons and robots.txt are meant to be replaced.
 */
export function generatedRouteAt(page: { languages: readonly string[] }, publicPath: string): string | undefined {
  const file = `/${publicPath}`;
  const firstLinks = createPermalinks('/', 'https://status.invalid/');
  if (overridable(firstLinks).includes(file)) return undefined;
  for (const [index, language] of page.languages.entries()) {
    const links = createPermalinks('/', 'https://status.invalid/', languageFolder(page, language));
    for (const route of generatedRoutes(links, index === 0)) {
      const path = route.endsWith('/') ? `${route}index.html` : route;
      const pattern = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(anyName, '.+');
      if (new RegExp(`^${pattern}$`).test(file)) return path.replaceAll(anyName, '…');
    }
  }
  return undefined;
}

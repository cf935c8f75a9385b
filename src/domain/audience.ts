import { publicAudience } from './schema/audiences.ts';
import type { ComponentsFile, Incident } from './schema/index.ts';
import { quoteList, suggestClosest } from './suggest.ts';

export { publicAudience };

/** What a site is built from: components.yml and the incidents, as validated. */
export interface Content {
  components: ComponentsFile;
  incidents: Incident[];
}

/** An item's own audience: `public` unless it says otherwise. */
export function audienceOf(item: { audience?: string | undefined }): string {
  return item.audience ?? publicAudience;
}

/** Whether an audience's site shows the item: public items show everywhere, others only on their own site. */
export function isVisibleTo(item: { audience?: string | undefined }, audience: string): boolean {
  const own = audienceOf(item);
  return own === publicAudience || own === audience;
}

/** The audiences a repository builds a site for: the public one first, then those declared, in order. */
export function audienceNames(components: Pick<ComponentsFile, 'audiences'>): string[] {
  return [publicAudience, ...Object.keys(components.audiences)];
}

/** Why `audience` cannot be built from this repository, or undefined when it can. */
export function audienceProblem(
  components: Pick<ComponentsFile, 'audiences'>,
  audience: string,
): { message: string; hint: string } | undefined {
  const known = audienceNames(components);
  if (known.includes(audience)) return undefined;
  const suggestion = suggestClosest(audience, known);
  return {
    message: `The audience "${audience}" is not declared in components.yml.`,
    hint: suggestion
      ? `Did you mean "${suggestion}"? Audiences are ${quoteList(known)}.`
      : known.length > 1
        ? `Use one of ${quoteList(known)}, or add "${audience}" to "audiences" in components.yml.`
        : `Declare it at the top of components.yml, for example "audiences: [${audience}]".`,
  };
}

/** A copy without the `audience` key: the output then matches a repository that never had it. */
function withoutAudience<T extends { audience?: string | undefined }>(item: T): T {
  const copy = { ...item };
  delete copy.audience;
  return copy;
}

function visibleCopies<T extends { audience?: string | undefined }>(items: readonly T[], audience: string): T[] {
  return items.filter((item) => isVisibleTo(item, audience)).map(withoutAudience);
}

/**
 * The repository's content exactly as if every item not meant for `audience` had been deleted
 * from the files: groups, components, incidents and updates of other audiences, and channels
 * for other audiences, gone; the `audience` keys and declarations gone; for another audience
 * than the public, its own `url` and `base_path` (when given) in place of the page's. Everything
 * built from the result (ids, update numbers, counts, uptime, overall status) is then what the
 * smaller repository would give, so nothing of a hidden item can show. `audience` must be one of
 * `audienceNames` (see `audienceProblem`).
 */
export function contentForAudience(content: Content, audience: string): Content {
  const file = content.components;
  const site = audience === publicAudience ? {} : (file.audiences[audience] ?? {});
  const components: ComponentsFile = {
    ...file,
    page: { ...file.page, url: site.url ?? file.page.url, base_path: site.base_path ?? file.page.base_path },
    audiences: {},
    groups: visibleCopies(file.groups, audience),
    components: visibleCopies(file.components, audience),
    notifications: { ...file.notifications, channels: visibleCopies(file.notifications.channels, audience) },
  };
  const incidents = content.incidents
    .filter((incident) => isVisibleTo(incident, audience))
    .map((incident) => ({ ...withoutAudience(incident), updates: visibleCopies(incident.updates, audience) }));
  return { components, incidents };
}

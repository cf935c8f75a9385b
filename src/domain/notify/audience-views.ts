import { contentForAudience, type Content } from '../audience.ts';
import { deriveStatusState, type StatusState } from '../derive.ts';
import { createPermalinks, type Permalinks } from '../permalinks.ts';

/** The site one audience sees, as its build derives it: what its channels are told about, and its links. */
export interface AudienceView {
  state: StatusState;
  links: Permalinks;
}

/**
 * Each audience's site at `now`, derived on first use from the content as that audience's build
 * sees it (see `contentForAudience`): a public channel is planned from a repository without the
 * internal items, so it can never be told about one, and its ids are the public page's.
 */
export function audienceViews(content: Content, now: number): (audience: string) => AudienceView {
  const views = new Map<string, AudienceView>();
  return (audience) => {
    let view = views.get(audience);
    if (!view) {
      const { components, incidents } = contentForAudience(content, audience);
      view = {
        state: deriveStatusState(components, incidents, now),
        links: createPermalinks(components.page.base_path, components.page.url),
      };
      views.set(audience, view);
    }
    return view;
  };
}

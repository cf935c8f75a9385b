import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';
import type { PlannedComponents } from '../../domain/import/components.ts';
import type { PlannedFile } from '../../domain/import/plan.ts';

/** How authors write YAML here: two-space indent, list items indented, long lines never folded. */
const style = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 } as const;

/** An incident file as an author writes it: front matter, then the postmortem or details. */
export function renderIncidentFile(file: PlannedFile): string {
  return `---\n${stringify(file.frontMatter, style)}---\n${file.body ? `\n${file.body}\n` : ''}`;
}

const componentsHeader = `# The page and what it reports on, written by npm run import. Ids are permanent: they
# appear in URLs, feeds and the API. Retire a component instead of deleting it.
`;

export function renderComponentsFile(data: Record<string, unknown>): string {
  return componentsHeader + stringify(data, style).replace(/\n(groups|components):\n/g, '\n\n$1:\n');
}

/** The list items of `updates:` for new updates, to go at the end of the list. */
export function renderUpdateItems(updates: readonly Record<string, unknown>[]): string {
  return stringify({ updates }, style).replace(/^updates:\n/, '');
}

/**
 * The existing components.yml with new groups and components added at the end of their lists and
 * `since` dates moved earlier; comments and everything else stay as written.
 */
export function editComponentsFile(text: string, changes: PlannedComponents): string {
  const document: Document = parseDocument(text);
  const list = (key: 'groups' | 'components') => {
    let node = document.get(key);
    if (!isSeq(node)) {
      document.set(key, document.createNode([]));
      node = document.get(key);
    }
    return node as ReturnType<Document['createNode']> & { items: unknown[] };
  };
  for (const key of ['groups', 'components'] as const)
    for (const item of changes.additions[key])
      (list(key) as { items: unknown[] }).items.push(document.createNode(item));
  const components = document.get('components');
  if (isSeq(components))
    for (const change of changes.sinceChanges)
      for (const item of components.items)
        if (isMap(item) && isScalar(item.get('id', true)) && item.get('id') === change.id)
          item.set('since', change.since);
  return document.toString(style);
}

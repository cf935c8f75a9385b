import type { Locate, Problem } from './problems.ts';
import type { ComponentsFile } from './schema.ts';
import { quoteList, suggestClosest } from './suggest.ts';

/** Channel ids are unique (the ledger is kept per id) and component filters name real components. */
export function checkNotificationChannels(file: string, value: ComponentsFile, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const known = value.components.map((component) => component.id);
  const seen = new Set<string>();
  value.notifications.channels.forEach((channel, index) => {
    const at = (...path: (string | number)[]) => ({
      file,
      severity: 'error' as const,
      ...locate(['notifications', 'channels', index, ...path]),
    });
    if (seen.has(channel.id))
      problems.push({
        ...at('id'),
        code: 'DuplicateChannel',
        message: `The notification channel id "${channel.id}" is used twice.`,
        hint: 'Give each channel its own id: the delivery ledger is kept per channel id.',
      });
    seen.add(channel.id);
    channel.components?.forEach((id, position) => {
      if (known.includes(id)) return;
      const suggestion = suggestClosest(id, known);
      problems.push({
        ...at('components', position),
        code: 'UnknownComponent',
        message: `The component "${id}" in the channel "${channel.id}" is not in components.yml.`,
        hint: suggestion ? `Did you mean "${suggestion}"? Write "${suggestion}".` : `Use one of: ${quoteList(known)}.`,
      });
    });
  });
  return problems;
}

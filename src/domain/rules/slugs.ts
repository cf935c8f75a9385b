import type { Problem } from '../problems.ts';
import { slugPattern, toSlug } from '../vocabulary.ts';

/** File names are permanent slugs: lowercase, hyphenated, and unique even on case-insensitive disks. */
export function checkSlugs(files: readonly { file: string; slug: string }[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { file, slug } of files) {
    if (!slugPattern.test(slug)) {
      const fixed = toSlug(slug);
      problems.push({
        file,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'InvalidSlug',
        message: `The file name "${slug}.md" is not a valid slug: it becomes the incident's permanent URL.`,
        hint: `Rename the file to "${fixed || 'incident'}.md" (lowercase letters, digits and hyphens).`,
      });
    }
    const other = seen.get(slug.toLowerCase());
    if (other) {
      problems.push({
        file,
        severity: 'error',
        line: 1,
        column: 1,
        code: 'DuplicateSlug',
        message: `The slug "${slug}" is also used by ${other}.`,
        hint: 'Give each incident file its own name.',
      });
    }
    seen.set(slug.toLowerCase(), file);
  }
  return problems;
}

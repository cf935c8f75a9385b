import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { quoteList } from '../domain/suggest.ts';
import { TemplateSchema, type Template } from '../domain/template.ts';
import { slugPattern } from '../domain/vocabulary.ts';
import { incidentsDirName } from '../node/load-repository.ts';
import { splitFrontMatter } from '../node/source-file.ts';
import { parseYamlWithPositions } from '../node/yaml-source.ts';
import { UsageError, type AuthoringContext } from './incident-context.ts';

function parseTemplate(root: string, name: string): Template {
  if (!slugPattern.test(name))
    throw new UsageError(
      `"${name}" is not a template name; use one of the file names in incidents/templates/ without .md.`,
    );
  const file = join(root, incidentsDirName, 'templates', `${name}.md`);
  if (!existsSync(file)) {
    const available = readdirSync(join(root, incidentsDirName, 'templates'))
      .filter((n) => n.endsWith('.md'))
      .map((n) => n.slice(0, -3));
    throw new UsageError(`There is no template "${name}". Available: ${available.join(', ')}.`);
  }
  const split = splitFrontMatter(file, readFileSync(file, 'utf8'));
  const yaml = split.ok ? parseYamlWithPositions(file, split.value.yaml, 1) : undefined;
  const parsed = yaml?.ok ? TemplateSchema.safeParse(yaml.value.data) : undefined;
  if (!parsed?.success) throw new UsageError(`The template ${file} is not valid; see docs/authoring.md.`);
  return parsed.data;
}

/** `incidents/templates/<name>.md`, whose translations must be in the page's other languages. */
export function readTemplate(context: AuthoringContext, name: string): Template {
  const template = parseTemplate(context.root, name);
  const others = context.languages.slice(1);
  const stray = Object.keys(template.translations).find((language) => !others.includes(language));
  if (stray !== undefined)
    throw new UsageError(
      `The template "${name}" has a "${stray}" translation, which is not one of the page's other languages (${others.length ? quoteList(others) : 'it has none'}); fix incidents/templates/${name}.md or page.languages in components.yml.`,
    );
  return template;
}

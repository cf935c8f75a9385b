import { DomUtils, parseDocument } from 'htmlparser2';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { pagePermalinks } from '../../src/domain/permalinks.ts';
import { ComponentsFileSchema } from '../../src/domain/schema/index.ts';
import { stateInLanguage } from '../../src/domain/translated-text.ts';
import { renderAtom, renderJsonFeed, renderRss } from '../../src/serialize/feeds.ts';
import { makeIncident } from '../helpers/model.ts';

const hostileWords = ['<img src=x onerror=alert(1)>', '</title>', ']]>'];
const languages = ['en', 'de'];

/** A page whose operator wrote `word` into every label a feed entry shows, in both its languages. */
function pageWithWords(word: string) {
  const words = {
    impactLabel: `${word} impact label`,
    affected: `${word} affected`,
    impact: { major: `${word} major` },
    maintenance: `${word} maintenance`,
  };
  const components = ComponentsFileSchema.parse({
    page: {
      name: 'Fixture Status',
      url: 'https://status.fixture.example',
      timezone: 'Europe/Berlin',
      languages,
      strings: words,
      language_strings: { de: words },
    },
    components: [{ id: 'api', name: 'API' }],
  });
  const incidents = [
    makeIncident('api-errors', {
      title: 'API errors',
      impact: 'major',
      components: ['api'],
      updates: [{ at: '2026-11-23T10:00:00Z', status: 'investigating', message: 'Looking.' }],
    }),
    makeIncident('api-upgrade', {
      kind: 'maintenance',
      title: 'API upgrade',
      components: ['api'],
      window: { start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' },
      updates: [{ at: '2026-11-22T08:00:00Z', status: 'scheduled', message: 'Planned.' }],
    }),
  ];
  return deriveStatusState(components, incidents, Date.parse('2026-11-23T12:00:00Z'));
}

/** What a reader sees of an entry's HTML, read by a real HTML parser: its elements and its text. */
function readHtml(html: string) {
  const document = parseDocument(html);
  return {
    elements: [...new Set(DomUtils.findAll(() => true, document.children).map((element) => element.name))].sort(),
    text: DomUtils.textContent(document),
  };
}

/** Every entry's HTML in RSS, Atom and JSON Feed, read with rss-parser (and JSON.parse). */
async function entryHtml(word: string, language: string): Promise<string[]> {
  const state = stateInLanguage(pageWithWords(word), language);
  const context = { state, links: pagePermalinks(state.page) };
  const parser = new Parser();
  const rss = await parser.parseString(await renderRss(context));
  const atom = await parser.parseString(renderAtom(context));
  const json = JSON.parse(renderJsonFeed(context)) as { items: { content_html: string }[] };
  return [
    ...rss.items.map((item) => (item as { 'content:encoded'?: string })['content:encoded'] ?? ''),
    ...atom.items.map((item) => item.content ?? ''),
    ...json.items.map((item) => item.content_html),
  ];
}

describe('operator words in feeds (issue 22)', () => {
  test.each(hostileWords.flatMap((word) => languages.map((language) => [word, language])))(
    'the configured label %s arrives as text in every feed entry (%s)',
    async (word, language) => {
      const entries = await entryHtml(word, language);
      // Per feed: the incident's update, the maintenance's, and its window opening and closing.
      expect(entries).toHaveLength(3 * 4);
      for (const html of entries) {
        const { elements, text } = readHtml(html);
        expect(elements.filter((name) => !['div', 'p', 'strong'].includes(name))).toEqual([]);
        expect(text).toContain(`${word} impact label:`);
        expect(text).toContain(`${word} affected:`);
        expect(text).toMatch(new RegExp(`${word.replace(/[[\]<>/=()]/g, '\\$&')} (major|maintenance)`));
      }
    },
  );
});

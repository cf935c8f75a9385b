import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { bundledLanguages } from '../../src/domain/languages.ts';
import type { ComponentsFile, Incident } from '../../src/domain/schema/index.ts';
import { renderEmbedScript } from '../../src/serialize/embed-script.ts';
import { markdownToText } from '../../src/serialize/plain-text.ts';
import { embedBudgetBytes, embedItemLimit, renderEmbedData, type EmbedData } from '../../src/site/embed-data.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { projectRoot } from '../helpers/content.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';
import { xssPayloads } from '../helpers/xss-payloads.ts';

const now = t('2026-11-23T12:00:00Z');

function embedData(incidents: Incident[], at = now, file: ComponentsFile = fixtureComponentsFile): string {
  const state = deriveStatusState(file, incidents, at);
  return renderEmbedData(state, buildSiteModel(state));
}

const parse = (json: string) => JSON.parse(json) as EmbedData;

const open = (slug: string, title: string, message: string, impact: 'minor' | 'critical' = 'minor') =>
  makeIncident(slug, {
    title,
    impact,
    components: ['api'],
    updates: [{ at: '2026-11-23T11:00:00Z', status: 'investigating', message }],
  });

describe('embed.json, what the embeddable notice reads (issue 27)', () => {
  test('an all-clear page lists nothing: resolved incidents and past maintenance stay out', () => {
    const resolved = makeIncident('2026-11-20-blip', {
      title: 'Blip',
      impact: 'minor',
      components: ['api'],
      updates: [
        { at: '2026-11-20T10:00:00Z', status: 'investigating', message: 'Looking.' },
        { at: '2026-11-20T11:00:00Z', status: 'resolved', message: 'Fixed.' },
      ],
    });
    expect(parse(embedData([resolved])).items).toEqual([]);
  });

  test('an open incident: its latest update’s id, status, first sentence in plain text, time, link and components', () => {
    const incident = open(
      '2026-11-23-api-down',
      'API unavailable',
      'The API is returning errors for **all** requests. <script>alert("x")</script> We are on it.',
    );
    expect(parse(embedData([incident])).items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-z]{13}$/) as string,
        kind: 'incident',
        title: 'API unavailable',
        url: '/incidents/2026-11-23-api-down/',
        status: 'investigating',
        text: 'The API is returning errors for all requests.',
        at: '2026-11-23T11:00:00.000Z',
        components: ['api'],
      },
    ]);
  });

  test('hostile author text arrives as the plain text the API serves, links as site paths', () => {
    for (const payload of xssPayloads) {
      const title = `Outage ${payload}`.slice(0, 200);
      const message = `Broken: ${payload}. Second sentence.\u2028[x](javascript:alert(1))`;
      const json = embedData([open('2026-11-23-hostile', title, message)]);
      const item = parse(json).items[0]!;
      // Text as it is: the script only ever sets it as textContent, never as markup.
      expect(item.title).toBe(title);
      expect(markdownToText(message).replace(/\s+/g, ' ')).toContain(item.text.replace(/…$/, ''));
      expect(item.text).not.toContain('Second sentence');
      expect(item.url).toBe('/incidents/2026-11-23-hostile/');
      expect(json).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
  });

  test('a long first sentence is cut with an ellipsis; the title never is', () => {
    const title = 'T'.repeat(200);
    const item = parse(embedData([open('2026-11-23-long', title, `${'word '.repeat(100)}end. Next.`)])).items[0]!;
    expect(item.title).toBe(title);
    expect(item.text.length).toBeLessThanOrEqual(160);
    expect(item.text.endsWith('…')).toBe(true);
  });

  test('worst impact first, then maintenance in progress, then upcoming maintenance soonest first', () => {
    const maintenance = (slug: string, title: string, start: string, end: string) =>
      makeIncident(slug, {
        kind: 'maintenance',
        title,
        components: ['database'],
        window: { start, end },
        updates: [{ at: '2026-11-20T10:00:00Z', status: 'scheduled', message: 'Planned.' }],
      });
    const items = parse(
      embedData([
        open('2026-11-23-minor', 'Minor one', 'Slow.'),
        open('2026-11-23-critical', 'Critical one', 'Down.', 'critical'),
        maintenance('2026-11-23-now', 'Now', '2026-11-23T11:00:00Z', '2026-11-23T13:00:00Z'),
        maintenance('2026-12-02-later', 'Later', '2026-12-02T02:00:00Z', '2026-12-02T04:00:00Z'),
        maintenance('2026-11-30-sooner', 'Sooner', '2026-11-30T02:00:00Z', '2026-11-30T04:00:00Z'),
      ]),
    ).items;
    expect(items.map((item) => [item.title, item.status ?? 'by window'])).toEqual([
      ['Critical one', 'investigating'],
      ['Minor one', 'investigating'],
      ['Now', 'by window'],
      ['Sooner', 'by window'],
      ['Later', 'by window'],
    ]);
    expect(items[3]!.window).toEqual({ start: '2026-11-30T02:00:00.000Z', end: '2026-11-30T04:00:00.000Z' });
  });

  test('does not change with the clock around a maintenance: the script decides when it shows, no rebuild needed', () => {
    const upgrade = makeIncident('2026-11-30-upgrade', {
      kind: 'maintenance',
      title: 'Upgrade',
      components: ['database'],
      window: { start: '2026-11-30T02:00:00Z', end: '2026-11-30T04:00:00Z' },
      updates: [{ at: '2026-11-20T10:00:00Z', status: 'scheduled', message: 'Planned.' }],
    });
    const at = (iso: string) => embedData([upgrade], t(iso));
    const before = at('2026-11-30T00:00:00Z');
    expect(at('2026-11-30T01:30:00Z')).toBe(before);
    expect(at('2026-11-30T02:10:00Z')).toBe(before);
    expect(at('2026-11-30T00:00:00Z')).toBe(before);
  });

  test('stays under 2 KB at any history: 1,000 open incidents with the longest titles on every component', () => {
    const incidents = Array.from({ length: 1_000 }, (_, index) =>
      makeIncident(`2026-11-23-open-${index}`, {
        title: `${'Ünïcödé 障害 '.repeat(20)}`.slice(0, 200),
        impact: 'major',
        components: ['api', 'webhooks', 'database'],
        updates: [{ at: '2026-11-23T11:00:00Z', status: 'identified', message: 'ある文。'.repeat(60) }],
      }),
    );
    const json = embedData(incidents);
    const data = parse(json);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(embedBudgetBytes);
    expect(data.items.length).toBeGreaterThan(0);
    expect(data.items.length).toBeLessThanOrEqual(embedItemLimit);
    expect(data.items.length + data.more).toBe(1_000);
  });

  test('carries the page’s words: page.strings overrides, plural forms for the count, direction', () => {
    const file: ComponentsFile = {
      ...fixtureComponentsFile,
      page: { ...fixtureComponentsFile.page, language: 'ar', locale: 'ar', strings: { dismissNotice: 'إخفاء' } },
    };
    const data = parse(embedData([], now, file));
    expect(data.dir).toBe('rtl');
    expect(data.strings.dismiss).toBe('إخفاء');
    expect(Object.keys(data.strings.more)).toContain('other');
    expect(data.strings.status.investigating).not.toBe('Investigating');
  });
});

describe('embed.js as served (issue 27)', () => {
  const source = readFileSync(join(projectRoot, 'src', 'embed', 'embed.js'), 'utf8');

  test('knows every language’s embed.json, the first at the root', () => {
    const script = renderEmbedScript(source, { languages: ['de', 'en', 'pt-BR'] });
    expect(script).toContain('{de:``,en:`en/`,"pt-BR":`pt-br/`}');
  });

  test('is under 3 KB gzipped, even with every bundled language', () => {
    const script = renderEmbedScript(source, { languages: bundledLanguages });
    expect(gzipSync(script, { level: 9 }).length).toBeLessThan(3 * 1024);
  });

  test('refuses a script that lost the marker where the languages go', () => {
    expect(() => renderEmbedScript('console.log(1)', { languages: ['en'] })).toThrowErrorMatchingInlineSnapshot(
      `[Error: src/embed/embed.js has lost its "/* languages */ {…}" marker.]`,
    );
  });
});

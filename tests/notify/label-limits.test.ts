import { expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { collectPublishedEvents } from '../../src/domain/notify/events.ts';
import { createMessageBuilder } from '../../src/serialize/notify/message.ts';
import { renderPayload } from '../../src/serialize/notify/render.ts';
import { truncate } from '../../src/domain/text-safety.ts';
import { DiscordMessageSchema, SlackMessageSchema, TeamsMessageSchema } from '../helpers/notify-shapes.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

// A family emoji is one grapheme of 8 UTF-16 units: a cut inside it would leave a stray person.
const family = '👨‍👩‍👧‍👦';
const long = (word: string) => `${word} ${family.repeat(700)}`;

/** One update rendered for Slack, Discord and Teams on a page whose `page.strings` labels are all over-long. */
function renderWithLongLabels() {
  const file = {
    ...fixtureComponentsFile,
    page: {
      ...fixtureComponentsFile.page,
      strings: {
        status: long('Status'),
        impactLabel: long('Impact'),
        affected: long('Affected'),
        nextUpdateBy: long('Next'),
        readFullUpdate: long('More'),
        viewOnStatusPage: long('View'),
        updateStatus: { investigating: long('Investigating') },
        impact: { critical: long('Critical') },
      },
    },
  };
  const incident = makeIncident('2026-11-23-api', {
    title: 'API errors',
    impact: 'critical',
    components: ['api'],
    updates: [
      {
        at: '2026-11-23T10:00:00Z',
        status: 'investigating',
        message: 'Looking. '.repeat(1000),
        next_update: '2026-11-23T10:30:00Z',
      },
    ],
  });
  const state = deriveStatusState(file, [incident], t('2026-11-23T10:05:00Z'));
  const links = createPermalinks('/', file.page.url);
  const [event] = collectPublishedEvents(state, links, []);
  const message = createMessageBuilder(state, links).fromEvent(event!);
  const json = (kind: 'slack' | 'discord' | 'teams') => {
    const payload = renderPayload(kind, message, state, links);
    if (payload.kind !== 'json') throw new Error('expected JSON');
    return { body: payload.body, data: JSON.parse(payload.body) as unknown };
  };
  return { json, link: event!.url };
}

/** A cut label is whole graphemes of the label, then an ellipsis. */
function expectCut(label: string, word: string, max: number) {
  expect(label.length).toBeLessThanOrEqual(max);
  expect(label.endsWith('…')).toBe(true);
  const kept = label.slice(0, -1);
  expect(long(word).startsWith(kept)).toBe(true);
  expect((kept.length - word.length - 1) % family.length).toBe(0);
}

test('Slack: over-long page.strings labels are cut to the button’s 75 characters and keep the read-more link whole (issue 22)', () => {
  const { json, link } = renderWithLongLabels();
  const slack = SlackMessageSchema.parse(json('slack').data);
  const actions = slack.blocks.find((block) => block.type === 'actions');
  expectCut(actions!.elements[0]!.text.text, 'View', 75);
  expect(JSON.stringify(slack.blocks)).toMatch(new RegExp(`<${link.replace(/[.?]/g, '\\$&')}\\|More [^>]*…>`));
});

test('Discord: over-long labels are cut to the field name’s 256 characters, the embed stays within 6000 and keeps its link (issue 22)', () => {
  const { json, link } = renderWithLongLabels();
  const discord = DiscordMessageSchema.parse(json('discord').data);
  const [embed] = discord.embeds;
  for (const [field, word] of embed!.fields.map(
    (item, index) => [item, ['Status', 'Impact', 'Affected', 'Next'][index]!] as const,
  ))
    expectCut(field.name, word, 256);
  expect(embed!.description.endsWith(`](${link})`)).toBe(true);
});

test('Teams: over-long labels are cut, so the card stays far below the 28 KB message limit (issue 22)', () => {
  const { json } = renderWithLongLabels();
  const { body, data } = json('teams');
  const teams = TeamsMessageSchema.parse(data);
  const card = teams.attachments[0]!.content;
  expectCut(card.actions[0]!.title, 'View', 256);
  expect(Buffer.byteLength(body)).toBeLessThan(21_000);
});

test('truncation never splits a grapheme: emoji sequences and accents stay whole (issue 22)', () => {
  expect(truncate(family.repeat(3), 20)).toBe(`${family}…`);
  expect(truncate('Cafe\u0301 Cafe\u0301', 6)).toBe('Cafe\u0301…');
});

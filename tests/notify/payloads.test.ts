import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { collectPublishedEvents } from '../../src/domain/notify/events.ts';
import { createMessageBuilder } from '../../src/serialize/notify/message.ts';
import { renderPayload } from '../../src/serialize/notify/render.ts';
import { truncate } from '../../src/domain/text-safety.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { NotificationChannelSchema } from '../../src/domain/schema/index.ts';
import { buildFailedMessage, renderBuildFailedPayload } from '../../src/serialize/notify/build-failed.ts';
import {
  DiscordMessageSchema,
  SlackMessageSchema,
  StatuspageIncidentWebhookSchema,
  TeamsMessageSchema,
} from '../helpers/notify-shapes.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const hostile = [
  '<script>alert(1)</script> @channel @here @everyone <!here> <!channel> <@U123> <!subteam^S1> <@&42>',
  '[click](javascript:alert(1)) [https://good.example](https://evil.example) <https://evil.example|Safe link>',
  '\\[fake\\](https://evil.example) **bold** `code` # heading',
  `lone surrogates: \ud800 and \udfff, a pair 😀, "quotes" and \\ backslashes`,
].join('\n\n');

function messageFor(message: string, title = 'Elevated <b>API</b> errors @channel') {
  const file = fixtureComponentsFile;
  const incident = makeIncident('2026-11-23-api', {
    title,
    impact: 'critical',
    components: ['api'],
    updates: [{ at: '2026-11-23T10:00:00Z', status: 'investigating', message, next_update: '2026-11-23T10:30:00Z' }],
  });
  const state = deriveStatusState(file, [incident], t('2026-11-23T10:05:00Z'));
  const links = createPermalinks('/', file.page.url);
  const [event] = collectPublishedEvents(state, links, []);
  const built = createMessageBuilder(state, links).fromEvent(event!);
  const json = (kind: 'slack' | 'discord' | 'teams' | 'webhook') => {
    const payload = renderPayload(kind, built, state, links);
    if (payload.kind !== 'json') throw new Error('expected JSON');
    expect(payload.body).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
    return JSON.parse(payload.body) as unknown;
  };
  const email = renderPayload('email', built, state, links);
  return { built, json, email: email.kind === 'email' ? email.email : undefined };
}

describe('every kind carries title, status, impact, components, text, next update and the anchor link', () => {
  const { json, email } = messageFor('Errors on **all** endpoints.', 'Elevated API errors');
  test('slack', () => {
    const slack = SlackMessageSchema.parse(json('slack'));
    const all = JSON.stringify(slack);
    for (const part of [
      'Elevated API errors',
      'Investigating',
      'Critical impact',
      'API',
      'Errors on all endpoints.',
      'Next update by',
    ])
      expect(all).toContain(part);
    expect(all).toContain('https://status.fixture.example/incidents/2026-11-23-api/#update-1');
  });
  test('discord, coloured by severity', () => {
    const discord = DiscordMessageSchema.parse(json('discord'));
    expect(discord.embeds[0]!.color).toBe(0xdc2626);
    expect(discord.embeds[0]!.url).toBe('https://status.fixture.example/incidents/2026-11-23-api/#update-1');
    expect(discord.embeds[0]!.fields.map((field) => field.name)).toEqual([
      'Status',
      'Impact',
      'Affected components',
      'Next update by',
    ]);
  });
  test('teams', () => {
    const teams = TeamsMessageSchema.parse(json('teams'));
    expect(teams.attachments[0]!.content.actions[0]!.url).toBe(
      'https://status.fixture.example/incidents/2026-11-23-api/#update-1',
    );
  });
  test('webhook', () => {
    const hook = StatuspageIncidentWebhookSchema.parse(json('webhook'));
    expect(hook.incident.incident_updates[0]!.body).toBe('Errors on all endpoints.');
    expect(hook.incident.incident_updates[0]!.affected_components).toEqual([
      expect.objectContaining({ name: 'API', old_status: 'operational', new_status: 'major_outage' }),
    ]);
  });
  test('email', () => {
    expect(email!.subject).toBe('[Fixture Status] [Investigating] Elevated API errors');
    expect(email!.html).toContain('<strong>all</strong>');
    expect(email!.text).toContain('Next update by: ');
  });
});

describe('hostile author text arrives escaped, never breaking the payload or pinging anyone', () => {
  const { json, email } = messageFor(hostile);

  test('slack: control characters escaped, so <!here>, <@U…> and <url|label> are inert', () => {
    const slack = SlackMessageSchema.parse(json('slack'));
    const texts = JSON.stringify(slack);
    expect(texts).not.toMatch(/<!(here|channel|everyone|subteam)|<@U|<https:\/\/evil/);
    expect(texts).not.toMatch(/@(channel|here|everyone)/);
    expect(texts).toContain('&lt;@U123&gt;');
    expect(texts).not.toContain('<script>');
    expect(texts).not.toContain('javascript:');
  });

  test('discord: no mentions parsed, markdown links escaped', () => {
    const discord = DiscordMessageSchema.parse(json('discord'));
    const description = discord.embeds[0]!.description;
    expect(description).not.toMatch(/(^|[^\\])\[[^\]]*\]\(https:\/\/evil/);
    expect(description).not.toMatch(/@(everyone|here)/);
    expect(discord.embeds[0]!.title).not.toMatch(/@channel/);
  });

  test('teams: no mention tags, no live markdown links', () => {
    const teams = TeamsMessageSchema.parse(json('teams'));
    const body = JSON.stringify(teams);
    expect(body).not.toContain('<at>');
    expect(body).not.toContain('msteams');
    expect(body).not.toMatch(/[^\\]\[fake[^\\]*\]\(https/);
  });

  test('webhook: plain text body, valid JSON, no lone surrogates', () => {
    const hook = StatuspageIncidentWebhookSchema.parse(json('webhook'));
    const body = hook.incident.incident_updates[0]!.body;
    expect(body).toContain('\ufffd');
    expect(body).toContain('😀');
    expect(body).not.toContain('javascript:');
    expect(body.isWellFormed()).toBe(true);
  });

  test('email: the HTML has no script, no javascript: link; the subject keeps its title but no markup runs', () => {
    expect(email!.html).not.toMatch(/<script|javascript:|<b>/);
    expect(email!.html).toContain('Elevated &lt;b&gt;API&lt;/b&gt; errors');
    expect(email!.text.isWellFormed()).toBe(true);
  });

  test('a 10,000-character update is cut with a link to the full text, within every limit', () => {
    const long = messageFor(`${'Long line of text. '.repeat(530)}😀`.slice(0, 10_000));
    const link = 'https://status.fixture.example/incidents/2026-11-23-api/#update-1';
    const slack = SlackMessageSchema.parse(long.json('slack'));
    expect(JSON.stringify(slack.blocks)).toContain(`<${link}|Read the full update>`);
    const discord = DiscordMessageSchema.parse(long.json('discord'));
    expect(discord.embeds[0]!.description).toMatch(
      /…\n\[Read the full update\]\(https:\/\/status\.fixture\.example\/incidents\/2026-11-23-api\/#update-1\)$/,
    );
    const teams = TeamsMessageSchema.parse(long.json('teams'));
    expect(JSON.stringify(teams).length).toBeLessThan(21_000);
    StatuspageIncidentWebhookSchema.parse(long.json('webhook'));
    expect(long.email!.text.length).toBeLessThan(21_000);
  });
});

test('truncation never splits a surrogate pair', () => {
  const text = '😀'.repeat(10);
  const cut = truncate(text, 8);
  expect(cut.isWellFormed()).toBe(true);
  expect(cut.length).toBeLessThanOrEqual(8);
});

test('an update with no text left after rendering (only an image without alt text) still makes valid payloads', () => {
  const { json } = messageFor('![](https://example.com/diagram.png)');
  expect(SlackMessageSchema.parse(json('slack')).blocks[2]).toEqual({
    type: 'section',
    text: { type: 'mrkdwn', text: '(no text)', verbatim: true },
  });
  DiscordMessageSchema.parse(json('discord'));
  TeamsMessageSchema.parse(json('teams'));
  StatuspageIncidentWebhookSchema.parse(json('webhook'));
});

describe('notifications speak the page language: reminders, burst summaries and operator alerts', () => {
  function inLanguage(language: string) {
    const file = {
      ...fixtureComponentsFile,
      page: { ...fixtureComponentsFile.page, language, locale: language },
    };
    const maintenance = makeIncident('2026-11-24-db', {
      kind: 'maintenance',
      title: 'DB',
      components: ['database'],
      window: { start: '2026-11-24T02:00:00Z', end: '2026-11-24T03:00:00Z' },
      updates: [{ at: '2026-11-20T09:00:00Z', status: 'scheduled', message: 'Upgrade.' }],
    });
    const state = deriveStatusState(file, [maintenance], t('2026-11-23T02:30:00Z'));
    const links = createPermalinks('/', file.page.url);
    const channel = NotificationChannelSchema.parse({
      id: 'ops',
      kind: 'slack',
      env: 'OPS_WEBHOOK_URL',
      remind_before: ['24h'],
    });
    const events = collectPublishedEvents(state, links, [channel]);
    const build = createMessageBuilder(state, links);
    return { events, build };
  }

  test('German: the reminder sentence, with the lead written by Intl, and the summary of a burst', () => {
    const { events, build } = inLanguage('de');
    const reminder = events.find((event) => event.event === 'maintenance_reminder')!;
    expect(build.fromEvent(reminder)).toMatchObject({
      statusLabel: 'Erinnerung',
      text: 'Erinnerung: Noch 24 Stunden bis zum Beginn dieser Wartung.',
    });
    expect(build.summary(events)).toMatchObject({
      title: '2 weitere Statusmeldungen',
      statusLabel: 'Zusammenfassung',
      text: '2 weitere Meldungen wurden veröffentlicht: DB. Details stehen auf der Statusseite.',
      labels: { status: 'Status', link: 'Auf der Statusseite ansehen', noText: '(kein Text)' },
    });
  });

  test('Arabic: the dual form for two updates', () => {
    const { events, build } = inLanguage('ar');
    expect(build.summary(events).title).toBe('تحديثان آخران للحالة');
  });

  test('the operator alert follows page.language; its webhook title stays English for machines', () => {
    const failure = { pageUrl: 'https://status.fixture.example', runUrl: 'https://ci.example/runs/1', at: 0 };
    const german = buildFailedMessage({ ...failure, pageName: undefined, language: 'de', reason: 'deploy' });
    expect(german.title).toBe('Die Statusseite konnte nicht neu erstellt werden');
    expect(german.text).toBe(
      [
        'Statusseite: Die Neuerstellung ist fehlgeschlagen; die Live-Seite zeigt weiterhin die vorherige Version, und Abonnenten wurden nicht benachrichtigt.',
        'Fehlgeschlagen: deploy.',
        'Workflow-Lauf: https://ci.example/runs/1',
      ].join('\n'),
    );
    const payload = renderBuildFailedPayload('webhook', german, 'deploy');
    expect(payload.kind === 'json' && JSON.parse(payload.body)).toMatchObject({
      build_failed: { title: 'The status page could not be rebuilt' },
    });
    const unknown = buildFailedMessage({ ...failure, pageName: 'Acme', language: 'xx-invalid', reason: undefined });
    expect(unknown.statusLabel).toBe('Build failed');
  });
});

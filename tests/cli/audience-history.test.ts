import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { commitmentsOff, fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

// The incident stays open for days: without commitments, these tests see the audience rules alone.
const components = fixtureComponents
  .replace('groups:\n', 'audiences: [internal]\ngroups:\n')
  .concat('  - id: queue\n    name: Job queue\n    audience: internal\n')
  .concat(commitmentsOff);

const incident = (audience: string, updateAudience = '') =>
  incidentFile(`
title: Elevated API error rates
impact: minor
${audience}components:
  - api
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: We are investigating.
  - at: 2026-11-20T14:30:00Z
    status: identified
${updateAudience}    message: We found the cause.
`);

/** Publishes `before`, then checks `after` against it, in a real git repository. */
function historyProblems(before: Record<string, string>, after: Record<string, string>): string[] {
  const root = makeContentRoot({}, components);
  for (const [path, text] of Object.entries(before)) writeFile(root, path, text);
  initRepository(root);
  commitAll(root, 'Publish');
  for (const [path, text] of Object.entries(after)) writeFile(root, path, text);
  return validate({ root, now, base: 'HEAD' }).problems.map(formatHuman);
}

describe('audiences in history (issue 28)', () => {
  test('publishing an internal incident (internal to public) is allowed', () => {
    const before = { 'incidents/api.md': incident('audience: internal\n') };
    expect(historyProblems(before, { 'incidents/api.md': incident('') })).toEqual([]);
  });

  test('hiding a published incident (public to internal) is a history rewrite', () => {
    const before = { 'incidents/api.md': incident('') };
    expect(historyProblems(before, { 'incidents/api.md': incident('audience: internal\n') })).toMatchInlineSnapshot(`
      [
        "incidents/api.md:2:8 error AudienceNarrowed The published incident was for the public and is now for "internal" only: it would vanish from pages, feeds and the API that already showed it.
          hint: Remove "audience: internal"; published items stay public (retire a component instead of hiding it).",
      ]
    `);
  });

  test('publishing an internal component is allowed; hiding a public one is a history rewrite', () => {
    const published = { 'components.yml': components };
    expect(
      historyProblems(published, { 'components.yml': components.replace('    audience: internal\n', '') }),
    ).toEqual([]);
    expect(
      historyProblems(published, {
        'components.yml': components.replace('    name: Webhooks\n', '    name: Webhooks\n    audience: internal\n'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "components.yml:15:15 error AudienceNarrowed The published component "webhooks" was for the public and is now for "internal" only: it would vanish from pages, feeds and the API that already showed it.
          hint: Remove "audience: internal"; published items stay public (retire a component instead of hiding it).",
      ]
    `);
  });

  test('a published internal update stays internal: to tell the public, add a new public update', () => {
    const before = { 'incidents/api.md': incident('', '    audience: internal\n') };
    expect(historyProblems(before, { 'incidents/api.md': incident('') })).toMatchInlineSnapshot(`
      [
        "incidents/api.md:11:13 error UpdateAudienceChanged The published update #2 (identified at 2026-11-20T14:30:00Z) is not on the public page and would appear there: update numbers and ids on a page count only the updates it shows, so every later one would change.
          hint: Restore "audience: internal". To tell the public, add a new update without "audience":
                  - at: 2026-11-23T12:00:00Z
                    status: identified
                    message: …",
      ]
    `);
  });

  test('a published public update cannot be made internal', () => {
    const before = { 'incidents/api.md': incident('') };
    expect(historyProblems(before, { 'incidents/api.md': incident('', '    audience: internal\n') }))
      .toMatchInlineSnapshot(`
      [
        "incidents/api.md:12:15 error UpdateAudienceChanged The published update #2 (identified at 2026-11-20T14:30:00Z) is on the public page and would vanish from it: update numbers and ids on a page count only the updates it shows, so every later one would change.
          hint: Remove "audience" again: a published update stays on the pages that showed it.",
      ]
    `);
  });

  test('a notification channel keeps its audience: moving it would resend and skip messages', () => {
    const channel = (audience: string) =>
      `notifications:\n  channels:\n    - id: ops-slack\n      kind: slack\n      env: SLACK_WEBHOOK_URL\n${audience}`;
    const published = { 'components.yml': components + channel('') };
    expect(historyProblems(published, { 'components.yml': components + channel('      audience: internal\n') }))
      .toMatchInlineSnapshot(`
        [
          "components.yml:31:17 error ChannelAudienceChanged The notification channel "ops-slack" was for the public and is now for "internal": its messages are numbered by what its audience sees, so it would send again messages it already sent and skip others.
            hint: Remove "audience" again. To tell "internal", add a channel with a new id (its first run records everything already published without sending it, and it is told of what comes after).",
        ]
      `);
    const internal = { 'components.yml': components + channel('      audience: internal\n') };
    expect(historyProblems(internal, { 'components.yml': components + channel('') })).toMatchInlineSnapshot(`
      [
        "components.yml:28:11 error ChannelAudienceChanged The notification channel "ops-slack" was for "internal" and is now for the public: its messages are numbered by what its audience sees, so it would send again messages it already sent and skip others.
          hint: Restore "audience: internal". To tell the public, add a channel with a new id (its first run records everything already published without sending it, and it is told of what comes after).",
      ]
    `);
    // A misspelt audience is UnknownAudience's alone.
    expect(
      historyProblems(published, { 'components.yml': components + channel('      audience: interal\n') }).map(
        (problem) => problem.split(' ')[2],
      ),
    ).toEqual(['UnknownAudience']);
    // Writing out the public audience changes nothing.
    expect(historyProblems(published, { 'components.yml': components + channel('      audience: public\n') })).toEqual(
      [],
    );
    // A new channel for the other audience is how to tell it.
    const added = `${channel('')}    - id: ops-internal\n      kind: slack\n      env: SLACK_INTERNAL_WEBHOOK_URL\n      audience: internal\n`;
    expect(historyProblems(published, { 'components.yml': components + added })).toEqual([]);
  });

  test('an internal incident keeps its updates as they were when it is published, marked or not', () => {
    const before = { 'incidents/api.md': incident('audience: internal\n') };
    expect(historyProblems(before, { 'incidents/api.md': incident('', '    audience: internal\n') })).toEqual([]);
  });
});

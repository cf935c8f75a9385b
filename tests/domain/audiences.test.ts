import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

/** The fixture's components.yml with an internal audience, an internal group and an internal component. */
const withInternal = fixtureComponents
  .replace('groups:\n', 'audiences: [internal]\ngroups:\n')
  .replace('components:\n', '  - id: ops\n    name: Operations\n    audience: internal\ncomponents:\n')
  .concat('  - id: queue\n    name: Job queue\n    group: ops\n    audience: internal\n');

function problemsOf(incidents: Record<string, string>, components = withInternal): string[] {
  const root = makeContentRoot(incidents, components);
  return validate({ root, now }).problems.map(formatHuman);
}

const update = (at: string, status: string, extra = '') =>
  `  - at: ${at}\n    status: ${status}\n    message: ${status}.\n${extra}`;

describe('audiences in components.yml and incidents (issue 28)', () => {
  test('accepts both forms of "audiences", items marked internal, and internal updates in a public incident', () => {
    const mapForm = withInternal.replace(
      'audiences: [internal]',
      'audiences:\n  internal:\n    url: https://status.internal.example\n    base_path: /ops/',
    );
    const incidents = {
      'queue-backlog.md': incidentFile(
        `title: Queue backlog\nimpact: minor\naudience: internal\ncomponents: [queue, api]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating')}`,
      ),
      'api-errors.md': incidentFile(
        `title: API errors\nimpact: minor\ncomponents: [api]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating')}${update('2026-11-20T10:10:00Z', 'identified', '    audience: internal\n    components:\n      - id: queue\n        status: degraded_performance\n')}${update('2026-11-20T10:30:00Z', 'resolved')}`,
      ),
    };
    expect(problemsOf(incidents)).toEqual([]);
    expect(problemsOf(incidents, mapForm)).toEqual([]);
  });

  test('refuses a public incident that names an internal component, with the fix', () => {
    const problems = problemsOf({
      'queue-down.md': incidentFile(
        `title: Queue down\nimpact: major\ncomponents: [queue]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating')}`,
      ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "incidents/queue-down.md:4:14 error ComponentOutsideAudience The component "queue" is for the "internal" audience only, but this public incident names it: it would show on the public page.
          hint: Mark the incident "audience: internal" to keep it off the public page, or name "queue" only in an update marked "audience: internal".",
      ]
    `);
  });

  test('refuses an internal component in a public update of a public incident', () => {
    const problems = problemsOf({
      'api-errors.md': incidentFile(
        `title: API errors\nimpact: major\ncomponents: [api]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating', '    components:\n      - id: queue\n        status: major_outage\n')}`,
      ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "incidents/api-errors.md:10:13 error ComponentOutsideAudience The component "queue" is for the "internal" audience only, but this public update names it: it would show on the public page.
          hint: Mark the incident "audience: internal" to keep it off the public page, or mark this update "audience: internal".",
      ]
    `);
  });

  test('refuses an undeclared audience on the line, with a did-you-mean', () => {
    const problems = problemsOf({
      'api-errors.md': incidentFile(
        `title: API errors\nimpact: major\naudience: internl\ncomponents: [api]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating')}`,
      ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "incidents/api-errors.md:4:11 error UnknownAudience The audience "internl" is not declared in components.yml.
          hint: Did you mean "internal"? Audiences are "public", "internal".",
      ]
    `);
  });

  test('refuses "public" in the list of audiences', () => {
    expect(problemsOf({}, withInternal.replace('audiences: [internal]', 'audiences: [internal, public]')))
      .toMatchInlineSnapshot(`
      [
        "components.yml:5:23 error ReservedAudience "public" is the audience every item without "audience" belongs to; it is never listed.
          hint: Remove "public" from "audiences"; list only the other audiences, for example "audiences: [internal]".",
      ]
    `);
  });

  test('refuses a public component in an internal group, and a public channel filtering on an internal component', () => {
    const components = withInternal
      .replace('    group: core\n  - id: webhooks', '    group: ops\n  - id: webhooks')
      .concat(
        'notifications:\n  channels:\n    - id: ops-chat\n      kind: slack\n      env: OPS_SLACK_URL\n      components: [queue]\n',
      );
    expect(problemsOf({}, components)).toMatchInlineSnapshot(`
      [
        "components.yml:15:12 error GroupOutsideAudience The component "api" is for the public audience, but its group "ops" is for the "internal" audience only: the public page has no such group.
          hint: Mark the component "audience: internal" too, or move it to a group without "audience".",
        "components.yml:31:20 error ComponentOutsideAudience The component "queue" is for the "internal" audience only, but this public channel names it: it would show on the public page.
          hint: Remove "queue" from its components, or, for a channel that has not sent anything yet, mark it "audience: internal" (a published channel keeps its audience: add a new channel for that audience instead).",
      ]
    `);
  });

  test('refuses an update for another audience inside an internal incident', () => {
    const components = withInternal.replace('audiences: [internal]', 'audiences: [internal, enterprise]');
    const problems = problemsOf(
      {
        'queue.md': incidentFile(
          `title: Queue\nimpact: minor\naudience: internal\ncomponents: [queue]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating', '    audience: enterprise\n')}`,
        ),
      },
      components,
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "incidents/queue.md:10:15 error AudienceOutsideIncident This update is for the "enterprise" audience, but its incident is for the "internal" audience only, so nobody else would ever see it.
          hint: Remove "audience: enterprise" from the update; it shows wherever the incident does.",
      ]
    `);
  });

  test('checks the public page on its own: a public incident whose only update is internal has none there', () => {
    const problems = problemsOf({
      'api-errors.md': incidentFile(
        `title: API errors\nimpact: major\ncomponents: [api]\nupdates:\n${update('2026-11-20T10:00:00Z', 'investigating', '    audience: internal\n')}`,
      ),
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "incidents/api-errors.md:2:1 error NoUpdates On the public page, which leaves out the updates for other audiences: An incident needs at least one update.
          hint: Add updates: with one item that has at, status: investigating and a message.",
      ]
    `);
  });
});

import { expect, test } from 'vitest';
import { incidentFile } from '../helpers/content.ts';
import { componentsWithChannels, makeNotifyRepository, runNotify } from '../helpers/notify.ts';

const germanPage = componentsWithChannels(`    - id: team-chat
      kind: slack
      env: SLACK_URL
`).replace('  timezone: Europe/Berlin\n', '  timezone: Europe/Berlin\n  language: de\n');

const outage = incidentFile(`title: Anmeldung schlägt fehl
impact: major
components: [api]
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: Wir prüfen das.
    next_update: 2026-11-23T11:00:00Z
`);

test('the dry run prints the labels the message carries, in the channel language (issue 26)', async () => {
  const repo = makeNotifyRepository({ '2026-11-23-login.md': outage }, germanPage);
  const { code, output } = await runNotify(repo.root, { STATUS_NOW: '2026-11-23T10:05:00Z' }, ['--dry-run']);
  expect(code).toBe(0);
  expect(output).toContain(`-- 2026-11-23-login#update-1
[Wird untersucht] Anmeldung schlägt fehl
Auswirkung: Erhebliche Auswirkungen
Betroffene Komponenten: API
Nächste Meldung bis: 23. Nov. 2026, 12:00 MEZ
Wir prüfen das.
https://status.fixture.example/incidents/2026-11-23-login/#update-1`);
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildResult } from './build.ts';

export const languageSiteNow = '2026-11-23T12:00:00Z';

/**
 * Every page type (an open incident that escalated, a resolved one with a postmortem, a maintenance
 * in progress and an upcoming one, a group, a component with a `since` date) whose author text is
 * made of words no language has, so any real word on the page is the interface's.
 */
const incidents: Record<string, string> = {
  '2026-11-23-qzx-down.md': `---
title: Qzxv vrk
impact: major
components:
  - api
  - id: web
    status: partial_outage
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: Vrkq zzx 1.
  - at: 2026-11-23T11:00:00Z
    status: identified
    impact: critical
    message: Vrkq zzx 2.
    next_update: 2026-11-23T13:00:00Z
---
`,
  '2026-11-18-qzx-old.md': `---
title: Qzxv drb
impact: minor
postmortem_published: 2026-11-19T15:00:00Z
components:
  - db
updates:
  - at: 2026-11-18T22:30:00Z
    status: investigating
    message: Drbq zzx 1.
  - at: 2026-11-19T00:20:00Z
    status: resolved
    message: Drbq zzx 2.
---
Drbq zzx 3.
`,
  '2026-11-23-qzx-window.md': `---
kind: maintenance
title: Qzxv wnd
components:
  - db
window:
  start: 2026-11-23T11:00:00Z
  end: 2026-11-23T13:00:00Z
updates:
  - at: 2026-11-20T10:00:00Z
    status: scheduled
    message: Wndq zzx 1.
---
`,
  '2026-11-30-qzx-later.md': `---
kind: maintenance
title: Qzxv ltr
components:
  - api
window:
  start: 2026-11-30T02:00:00Z
  end: 2026-11-30T04:00:00Z
updates:
  - at: 2026-11-21T10:00:00Z
    status: scheduled
    message: Ltrq zzx 1.
---
`,
};

export function languageComponents(pageLines: string): string {
  return `page:
  name: Qzxvk
  url: https://status.qzxvk.example
  timezone: Europe/Berlin
  support_url: https://qzxvk.example/help
${pageLines}
groups:
  - id: core
    name: Grpq
components:
  - id: api
    name: Qapi
    group: core
  - id: web
    name: Qweb
    group: core
    since: 2026-11-01
  - id: db
    name: Qdbx
`;
}

/**
 * Builds the site above in several languages (`page.languages`), the first at the root, into `outDir`;
 * `extraPage` adds lines under `page:`.
 */
export function buildLanguagesSite(languages: readonly string[], outDir: string, extraPage = ''): BuildResult {
  const root = mkdtempSync(join(tmpdir(), `statusmark-${languages.join('-')}-`));
  mkdirSync(join(root, 'incidents'));
  writeFileSync(
    join(root, 'components.yml'),
    languageComponents(`  languages: [${languages.join(', ')}]\n${extraPage}`),
  );
  for (const [name, text] of Object.entries(incidents)) writeFileSync(join(root, 'incidents', name), text);
  return buildSite(root, outDir, languageSiteNow);
}

/** Builds the site above with `page.language` set, into `outDir`. */
export function buildLanguageSite(language: string, outDir: string, extraPage = ''): BuildResult {
  const root = mkdtempSync(join(tmpdir(), `statusmark-${language}-`));
  mkdirSync(join(root, 'incidents'));
  writeFileSync(join(root, 'components.yml'), languageComponents(`  language: ${language}\n${extraPage}`));
  for (const [name, text] of Object.entries(incidents)) writeFileSync(join(root, 'incidents', name), text);
  return buildSite(root, outDir, languageSiteNow);
}

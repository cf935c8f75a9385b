import type { ComponentsFile, Incident } from '../schema/index.ts';
import type { Problem } from '../problems.ts';
import { checkPostmortem } from './postmortem.ts';
import { checkPostmortemOverdue } from '../commitments/warnings.ts';
import { commitmentDefaults } from '../schema/index.ts';
import { checkComponents, checkComponentsExist } from './references.ts';
import { reporter, type LocatedIncident, type Report } from './report.ts';
import { checkTranslatedPostmortem, checkTranslations } from './translations.ts';
import { checkNextUpdateOverdue, checkUpdates } from './updates.ts';

function checkKindFields(report: Report, incident: Incident): void {
  if (incident.kind === 'incident') {
    if (incident.impact === undefined) {
      report(
        [],
        'MissingField',
        'impact is required for an incident.',
        'Add "impact: minor" (or none, major, critical) to the front matter.',
      );
    }
    if (incident.window !== undefined) {
      report(
        ['window'],
        'WindowOnIncident',
        'Only maintenance has a window; this file is an incident.',
        'Add "kind: maintenance" or remove window.',
        { part: 'key' },
      );
    }
    if (incident.updates.length === 0) {
      report(
        [],
        'NoUpdates',
        'An incident needs at least one update.',
        'Add updates: with one item that has at, status: investigating and a message.',
      );
    }
  } else if (incident.window === undefined) {
    report(
      [],
      'MissingWindow',
      'A maintenance needs a window.',
      'Add "window:" with "start:" and "end:" times, for example start: 2026-12-01T02:00:00Z.',
    );
  } else if (incident.window.end <= incident.window.start) {
    report(
      ['window', 'end'],
      'WindowEndsBeforeStart',
      'The maintenance window ends before it starts.',
      'Make window.end later than window.start.',
    );
  }
}

function checkStarted(report: Report, incident: Incident): void {
  const first = incident.updates[0];
  if (incident.started !== undefined && first && incident.started > first.at) {
    report(
      ['started'],
      'StartedAfterFirstUpdate',
      'started is later than the first update.',
      'started is when impact began; it cannot be after the first update. Remove it or move it earlier.',
    );
  }
}

/** Every rule that looks at one incident on its own (plus the component list). */
export function checkIncident(
  located: LocatedIncident,
  knownComponents: ReadonlySet<string> | undefined,
  now: number,
  componentsFile?: ComponentsFile,
): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(located.value.file, located.locate, problems);
  checkKindFields(report, located.value);
  checkUpdates(report, located.value, now);
  checkComponents(report, located.value, knownComponents);
  if (componentsFile) {
    checkComponentsExist(report, located.value, componentsFile);
    checkTranslations(report, located.value, componentsFile.page.languages);
    checkTranslatedPostmortem(report, located.value, componentsFile.page.languages);
  }
  checkPostmortem(report, located.value, now);
  checkStarted(report, located.value);
  checkNextUpdateOverdue(report, located.value, now);
  checkPostmortemOverdue(report, located.value, now, componentsFile?.commitments ?? commitmentDefaults);
  return problems;
}

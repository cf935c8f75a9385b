import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyStatuspageFixture, emptyRoot, runImport, snapshotFiles } from '../helpers/import.ts';

/** The fixture page with its incidents.json replaced by `text`. */
function sourceWith(edit: (text: string) => string) {
  const folder = copyStatuspageFixture();
  const file = join(folder, 'api', 'v2', 'incidents.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return { folder, file };
}

async function refused(edit: (text: string) => string) {
  const { folder, file } = sourceWith(edit);
  const root = emptyRoot();
  const { code, output } = await runImport(['statuspage', folder, '--root', root]);
  expect(code).toBe(1);
  expect(output).toContain('Nothing was written.');
  expect(snapshotFiles(root)).toEqual({});
  return output.replaceAll(file, 'incidents.json').split('\n')[0];
}

describe('hostile or broken documents stop the import, naming the source and the record (issue 24)', () => {
  test('a huge string', async () => {
    expect(await refused((text) => text.replace('Nobody can sign in.', 'x'.repeat(300_000)))).toMatchInlineSnapshot(
      `"incidents.json (incidents):1:1 error ImportSourceInvalid Incident "incpm0000001" (number 2 in the list) incident_updates[2].body is longer than 200,000 characters."`,
    );
  });

  test('deep nesting', async () => {
    expect(
      await refused((text) =>
        text.replace('"reminder_intervals": null', `"x": ${'['.repeat(5000)}${']'.repeat(5000)}`),
      ),
    ).toMatchInlineSnapshot(
      `"incidents.json:1:1 error ImportSourceNotJson The document nests deeper than 64 levels, which no status page does."`,
    );
  });

  test('a control character', async () => {
    expect(await refused((text) => text.replace('Sign-in outage', 'Sign-in\\u0007outage'))).toMatchInlineSnapshot(
      `"incidents.json (incidents):1:1 error ImportSourceInvalid Incident "incpm0000001" (number 2 in the list) name contains the control character U+0007 (control character)."`,
    );
  });

  test('a __proto__ key', async () => {
    expect(
      await refused((text) => text.replace('"reminder_intervals": null', '"__proto__": { "polluted": true }')),
    ).toMatchInlineSnapshot(
      `"incidents.json:1:1 error ImportSourceHostile The record at incidents[0] (id "incopen00001") has the key "__proto__", which no status page writes."`,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an id with ../', async () => {
    expect(
      await refused((text) => text.replace('"id": "incold000001"', '"id": "../../etc/passwd"')),
    ).toMatchInlineSnapshot(
      `"incidents.json (incidents):1:1 error ImportSourceInvalid Incident "../../etc/passwd" (number 6 in the list) id is not a Statuspage id (letters, digits, "_" and "-")."`,
    );
  });

  test('a truncated document', async () => {
    expect(await refused((text) => text.slice(0, 2000))).toMatch(
      /^incidents\.json:1:1 error ImportSourceNotJson The document cannot be read as JSON \(.*\); it may be truncated\.$/,
    );
  });
});

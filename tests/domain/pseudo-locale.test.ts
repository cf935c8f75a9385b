import { describe, expect, test } from 'vitest';
import { pageStrings, translations } from '../../src/domain/languages.ts';
import { accentLetters, pseudoLocalize } from '../../src/domain/pseudo-locale.ts';
import { english, placeholdersOf } from '../../src/domain/strings.ts';
import { ComponentsFileSchema } from '../../src/domain/schema/index.ts';
import { parseYamlWithPositions } from '../../src/node/yaml-source.ts';
import { fixtureComponents } from '../helpers/content.ts';

function leaves(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  return Object.values(entry as Record<string, unknown>).flatMap(leaves);
}

describe('the en-XA pseudo-locale', () => {
  test('accents every Latin letter, brackets the text and pads it to about 140 %', () => {
    expect(pseudoLocalize('Status')).toMatchInlineSnapshot(`"[Šţáţûš öñé]"`);
    expect(pseudoLocalize('Incidents affecting {name}')).toMatchInlineSnapshot(
      `"[Îñçîðéñţš áƒƒéçţîñĝ {name} öñé ţŵö]"`,
    );
    expect(accentLetters('ABCxyz 0-9 {days}')).toBe('ÅƁÇẋýž 0-9 {days}');
  });

  test('every English text comes out accented, at least 40 % longer, with the same placeholders', () => {
    const englishTexts = leaves(english);
    const pseudoTexts = leaves(translations['en-XA']);
    expect(pseudoTexts).toHaveLength(englishTexts.length);
    englishTexts.forEach((text, index) => {
      const pseudo = pseudoTexts[index]!;
      const visible = (value: string) => value.replace(/\{\w+\}/g, '').length;
      expect(visible(pseudo)).toBeGreaterThanOrEqual(visible(text) * 1.4);
      expect(pseudo.replace(/\{\w+\}/g, '')).not.toMatch(/[A-Za-z]/);
      expect(placeholdersOf(pseudo)).toEqual(placeholdersOf(text));
    });
  });

  test('keeps plural forms and fills them as English does', () => {
    expect(Object.keys(translations['en-XA'].barDayCount)).toEqual(Object.keys(english.barDayCount));
    const strings = pageStrings({ language: 'en-XA', locale: 'en-GB' });
    expect(strings.dayLabel('1 Nov', 'X', 1)).toBe('[1 Nov: X, 1 îñçîðéñţ öñé]');
    expect(strings.dayLabel('1 Nov', 'X', 3)).toBe('[1 Nov: X, 3 îñçîðéñţš öñé]');
  });

  test('is a valid page language, with British English dates (Intl has no en-XA data)', () => {
    const yaml = fixtureComponents.replace(
      '  timezone: Europe/Berlin\n',
      '  timezone: Europe/Berlin\n  language: en-XA\n',
    );
    const parsed = parseYamlWithPositions('components.yml', yaml, 0);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const page = ComponentsFileSchema.parse(parsed.value.data).page;
    expect(page.language).toBe('en-XA');
    expect(page.locale).toBe('en-GB');
  });
});

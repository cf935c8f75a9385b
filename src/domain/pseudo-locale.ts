/**
 * Pseudo-localization: English made to look foreign and grow, so a page built with it shows at a
 * glance which words escaped the translation tables (they stay plain) and where longer languages
 * will be cut or overflow (the closing bracket goes missing, or the text runs off the screen).
 * The same idea as CLDR's `en-XA` and Android's "accented English" pseudo-locale.
 */

const accents: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][index]!,
  ]),
);

/** Words that pad a text to its pseudo length: about what German or Finnish add to English. */
const padding = ['öñé', 'ţŵö', 'ţĥŕéé', 'ƒöûŕ', 'ƒîṽé', 'šîẋ', 'šéṽéñ', 'éîĝĥţ', 'ñîñé', 'ţéñ'];

/** Every Latin letter of `text` with an accent; placeholders such as `{name}` are left as they are. */
export function accentLetters(text: string): string {
  return text
    .split(/(\{\w+\})/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (letter) => accents[letter]!)))
    .join('');
}

/**
 * `Status` → `[Šţáţûš öñé]`: accented, bracketed, and padded with words to about 140 % of the
 * original length (placeholders not counted, since their values are the same in every language).
 */
export function pseudoLocalize(text: string): string {
  const accented = accentLetters(text);
  const visible = text.replace(/\{\w+\}/g, '').length;
  const target = Math.ceil(visible * 1.4);
  let grown = accented;
  for (let index = 0; grown.replace(/\{\w+\}/g, '').length + 2 < target; index++)
    grown += ` ${padding[index % padding.length]}`;
  return `[${grown}]`;
}

/** A translation table with every text pseudo-localized and its shape (keys, plural forms) kept. */
export function pseudoLocalizeTable<T>(table: T): T {
  if (typeof table === 'string') return pseudoLocalize(table) as T;
  return Object.fromEntries(
    Object.entries(table as Record<string, unknown>).map(([key, value]) => [key, pseudoLocalizeTable(value)]),
  ) as T;
}

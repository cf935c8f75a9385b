/** One committed font file in src/assets/fonts/ (see its README for sources and coverage). */
export interface PreviewFont {
  family: string;
  weight: 400 | 700;
  file: string;
}

type CjkFamily = 'Noto Sans JP' | 'Noto Sans KR' | 'Noto Sans SC';

/**
 * Every font the cards may use, in the order resvg searches them for a character the chosen
 * font lacks: bold first, because the CJK fonts come in bold only (see the fonts README), so a
 * Latin letter missing from a CJK line is drawn in the same weight as the line.
 */
export const previewFonts: readonly PreviewFont[] = [
  { family: 'Noto Sans', weight: 700, file: 'noto-sans-700.ttf' },
  { family: 'Noto Sans', weight: 400, file: 'noto-sans-400.ttf' },
  { family: 'Noto Sans Arabic', weight: 700, file: 'noto-sans-arabic-700.ttf' },
  { family: 'Noto Sans Arabic', weight: 400, file: 'noto-sans-arabic-400.ttf' },
  { family: 'Noto Sans JP', weight: 700, file: 'noto-sans-jp-700.ttf' },
  { family: 'Noto Sans SC', weight: 700, file: 'noto-sans-sc-700.ttf' },
  { family: 'Noto Sans KR', weight: 700, file: 'noto-sans-kr-700.ttf' },
];

/** The family for text with nothing but Latin, Greek and Cyrillic, and resvg's default. */
export const latinFamily = 'Noto Sans';

/** Han, kana, and the CJK punctuation and full-width forms that only CJK fonts carry (ー, 。, ！). */
const cjk =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u2e80-\u2fff\u3000-\u30ff\u3190-\u31ff\uff00-\uffef]/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const hangul = /\p{Script=Hangul}/u;
const arabic = /\p{Script=Arabic}/u;

/**
 * Which CJK font draws a card's Han characters, so they take the glyph forms its readers
 * expect (直 differs between Japanese and Chinese): Japanese when the card has kana, Korean
 * when it has Hangul, else the page language's (Simplified Chinese for every other language).
 */
export function cjkFamilyFor(cardText: string, language: string): CjkFamily {
  if (kana.test(cardText)) return 'Noto Sans JP';
  if (hangul.test(cardText)) return 'Noto Sans KR';
  const base = language.toLowerCase().split('-')[0];
  return base === 'ja' ? 'Noto Sans JP' : base === 'ko' ? 'Noto Sans KR' : 'Noto Sans SC';
}

/**
 * Where a Han character missing from a CJK subset falls back: Japanese and Chinese to each
 * other (their character sets differ most), Korean to Japanese. Not to all three: every named
 * font is read on every render, and the Korean font alone is 4.6 MB.
 */
const hanFallback: Record<CjkFamily, CjkFamily> = {
  'Noto Sans JP': 'Noto Sans SC',
  'Noto Sans SC': 'Noto Sans JP',
  'Noto Sans KR': 'Noto Sans JP',
};

/**
 * The font-family list of one line of a card. resvg draws a line with its first family and,
 * when that font lacks a character, with the first font in `previewFonts` that has it — and
 * if that font has every character of the line, it redraws the whole line with it, whatever
 * its weight. So the first family must be one that covers the whole line: the line's script
 * decides, and Noto Sans JP/SC/KR and Noto Sans Arabic also carry Latin letters and digits.
 * The rest of the list names the fonts a character may fall back to: render-png.ts loads
 * only the families a card names.
 */
export function previewFontFamily(line: string, cjkFamily: CjkFamily): string {
  const first = hangul.test(line)
    ? 'Noto Sans KR'
    : cjk.test(line)
      ? cjkFamily
      : arabic.test(line)
        ? 'Noto Sans Arabic'
        : latinFamily;
  if (first === latinFamily) return latinFamily;
  if (first === 'Noto Sans Arabic') return `${first}, ${latinFamily}`;
  return `${first}, ${hanFallback[first]}, ${latinFamily}`;
}

/** The families an SVG names in its font-family attributes, plus the default; what it may draw with. */
export function namedFamilies(svg: string): Set<string> {
  const lists = [...svg.matchAll(/font-family="([^"]*)"/g)].map((match) => match[1]!);
  return new Set([latinFamily, ...lists.flatMap((list) => list.split(',').map((family) => family.trim()))]);
}

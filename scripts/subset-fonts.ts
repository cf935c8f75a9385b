import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { translations } from '../src/domain/languages.ts';
import { previewFonts, type PreviewFont } from '../src/serialize/preview-fonts.ts';

// npm run fonts: rebuilds src/assets/fonts/ from the pinned Google Fonts packages on npm, so
// the committed files can be checked and regenerated. `npm pack` fetches each package into a
// temp dir (they are not dependencies: together they unpack to ~250 MB of weights we never use).
const packages: Record<string, string> = {
  'Noto Sans': '@expo-google-fonts/noto-sans@0.4.2',
  'Noto Sans Arabic': '@expo-google-fonts/noto-sans-arabic@0.4.3',
  'Noto Sans JP': '@expo-google-fonts/noto-sans-jp@0.4.3',
  'Noto Sans KR': '@expo-google-fonts/noto-sans-kr@0.4.3',
  'Noto Sans SC': '@expo-google-fonts/noto-sans-sc@0.4.3',
};
const fontsDir = join(import.meta.dirname, '..', 'src', 'assets', 'fonts');
const workDir = mkdtempSync(join(tmpdir(), 'statusmark-fonts-'));

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index)).join('');

/** Every character of a double-byte legacy character set, decoded by the runtime's ICU. */
function legacyCharacters(encoding: string, lead: [number, number], trail: [number, number]): string {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let characters = '';
  for (let first = lead[0]; first <= lead[1]; first++)
    for (let second = trail[0]; second <= trail[1]; second++) {
      try {
        const character = decoder.decode(new Uint8Array([first, second]));
        if ([...character].length === 1) characters += character;
      } catch {
        // An unassigned code: nothing to keep.
      }
    }
  return characters;
}

/** Every word Statusmark itself writes, in every bundled language, so no interface text can miss. */
const interfaceText = JSON.stringify(Object.values(translations));
/** Latin, punctuation and full-width forms, so mixed lines stay in one font (and one weight). */
const shared =
  range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x2000, 0x206f) + range(0x3000, 0x30ff) + range(0xff00, 0xffef);

/**
 * The characters kept of each CJK font: everyday text, not the whole of Unicode. JIS X 0208
 * (6,355 kanji), GB 2312 (6,763 hanzi), KS X 1001 (4,888 hanja) and all 11,172 Hangul
 * syllables cover nearly all incident titles; a rarer character falls back to another CJK
 * font or stays blank.
 */
const cjkCharacters: Record<string, () => string> = {
  'Noto Sans JP': () => legacyCharacters('euc-jp', [0xa1, 0xfe], [0xa1, 0xfe]),
  'Noto Sans SC': () => legacyCharacters('gbk', [0xa1, 0xf7], [0xa1, 0xfe]),
  'Noto Sans KR': () =>
    legacyCharacters('euc-kr', [0xa1, 0xfe], [0xa1, 0xfe]) +
    range(0x1100, 0x11ff) +
    range(0x3130, 0x318f) +
    range(0xac00, 0xd7a3),
};

function unpack(spec: string): string {
  const packed = spawnSync('npm', ['pack', spec, '--silent'], { cwd: workDir, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack ${spec} failed:\n${packed.stderr}`);
  const target = join(workDir, packed.stdout.trim().replace(/\.tgz$/, ''));
  spawnSync('mkdir', ['-p', target]);
  const extracted = spawnSync('tar', ['xzf', join(workDir, packed.stdout.trim()), '-C', target]);
  if (extracted.status !== 0) throw new Error(`could not unpack ${spec}`);
  return join(target, 'package');
}

async function writeFont(font: PreviewFont, packageDir: string): Promise<void> {
  const weightDir = font.weight === 400 ? '400Regular' : '700Bold';
  const source = join(packageDir, weightDir, `${font.family.replaceAll(' ', '')}_${weightDir}.ttf`);
  const target = join(fontsDir, font.file);
  const characters = cjkCharacters[font.family];
  // Latin and Arabic are small: copied unchanged, every glyph and layout table kept.
  if (!characters) return copyFileSync(source, target);
  const subset = await subsetFont(readFileSync(source), characters() + shared + interfaceText, {
    targetFormat: 'sfnt',
    // Copyright, names, version, license description and URL, as the OFL asks.
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17],
  });
  writeFileSync(target, subset);
}

try {
  for (const [family, spec] of Object.entries(packages)) {
    const packageDir = unpack(spec);
    for (const font of previewFonts.filter((candidate) => candidate.family === family))
      await writeFont(font, packageDir);
    const license = family.toLowerCase().replaceAll(' ', '-');
    copyFileSync(join(packageDir, 'LICENSE_FONT'), join(fontsDir, `OFL-${license}.txt`));
    console.log(`${family}: ${spec}`);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

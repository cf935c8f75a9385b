import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { renderEmbedScript } from '../../src/serialize/embed-script.ts';
import { renderEmbedData } from '../../src/site/embed-data.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { generateRepository } from './generate.ts';

export interface EmbedFigures {
  /** embed.js as served, raw and gzipped bytes. */
  script: [number, number];
  /** embed.json of the generated history (all resolved), raw and gzipped. */
  history: [number, number];
  /** The same history with 20 open incidents (longest titles, every component) and 5 upcoming maintenances. */
  busy: [number, number];
}

const sizes = (text: string): [number, number] => [Buffer.byteLength(text), gzipSync(text, { level: 9 }).length];

/** embed.json from the model, as the build writes it, without a second Astro build. */
function embedDataAt(root: string, now: number): string {
  const { repository } = loadRepository(root, now);
  const state = deriveStatusState(repository!.components, repository!.incidents, now);
  return renderEmbedData(state, buildSiteModel(state));
}

/** Issue 27: the sizes of embed.js and of embed.json at `count` incidents. */
export function benchEmbed(root: string, count: number, now: string): EmbedFigures {
  const at = Date.parse(now);
  generateRepository(root, count, at);
  const history = embedDataAt(root, at);
  const components = Array.from({ length: 50 }, (_, index) => `  - component-${index + 1}\n`).join('');
  for (let index = 0; index < 20; index++)
    writeFileSync(
      join(root, 'incidents', `${now.slice(0, 10)}-open-${index}.md`),
      `---\ntitle: ${'Payments and logins fail for some customers in every region '.repeat(4).slice(0, 200).trim()}\nimpact: major\ncomponents:\n${components}updates:\n  - at: ${now}\n    status: investigating\n    message: ${'We are looking into errors on checkout and sign-in. '.repeat(6)}\n---\n`,
    );
  for (let index = 0; index < 5; index++) {
    const start = new Date(at + (index + 1) * 86_400_000).toISOString().replace('.000Z', 'Z');
    const end = new Date(at + (index + 1) * 86_400_000 + 7_200_000).toISOString().replace('.000Z', 'Z');
    writeFileSync(
      join(root, 'incidents', `${start.slice(0, 10)}-upcoming-${index}.md`),
      `---\nkind: maintenance\ntitle: Database upgrade ${index + 1}\ncomponents:\n  - component-${index + 1}\nwindow:\n  start: ${start}\n  end: ${end}\nupdates:\n  - at: ${now}\n    status: scheduled\n    message: Writes pause for a minute.\n---\n`,
    );
  }
  const busy = embedDataAt(root, at);
  rmSync(root, { recursive: true, force: true });
  const source = readFileSync('src/embed/embed.js', 'utf8');
  return {
    script: sizes(renderEmbedScript(source, { languages: ['en'] })),
    history: sizes(history),
    busy: sizes(busy),
  };
}

export function printEmbed(figures: EmbedFigures, count: number): void {
  const line = ([raw, gzip]: [number, number], limit: number, measured: number) =>
    `${raw} B raw, ${gzip} B gzip (target < ${limit} B: ${measured < limit ? 'pass' : 'FAIL'})`;
  console.log(`\nEmbeddable notice (issue 27):`);
  console.log(`  embed.js                                        ${line(figures.script, 3072, figures.script[1])}`);
  console.log(
    `  embed.json, ${count} incidents, none open          ${line(figures.history, 2048, figures.history[0])}`,
  );
  console.log(`  embed.json, ${count} + 20 open, 5 upcoming         ${line(figures.busy, 2048, figures.busy[0])}`);
  if (figures.script[1] >= 3072 || figures.busy[0] >= 2048) process.exitCode = 1;
}

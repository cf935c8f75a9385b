import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32), so every benchmark run builds the same repository. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const groupCount = 8;
const componentCount = 50;
const years = 3;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function componentsYml(): string {
  const groups = Array.from(
    { length: groupCount },
    (_, index) => `  - id: group-${index + 1}\n    name: Group ${index + 1}\n`,
  ).join('');
  const components = Array.from(
    { length: componentCount },
    (_, index) =>
      `  - id: component-${index + 1}\n    name: Component ${index + 1}\n    group: group-${(index % groupCount) + 1}\n`,
  ).join('');
  return `page:\n  name: Benchmark Status\n  url: https://status.bench.example\n  timezone: Europe/Berlin\ngroups:\n${groups}components:\n${components}`;
}

const incidentFlow = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
const impacts = ['none', 'minor', 'minor', 'major', 'major', 'critical'] as const;

function incidentText(next: () => number, start: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const components = [
    ...new Set(
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => `component-${1 + Math.floor(next() * componentCount)}`),
    ),
  ];
  const updateCount = 2 + Math.floor(next() * 7);
  const reopen = next() < 0.05 && updateCount >= 4;
  let at = start;
  const updates: string[] = [];
  for (let index = 0; index < updateCount; index++) {
    const last = index === updateCount - 1;
    let status: string = last ? 'resolved' : incidentFlow[Math.min(index, 2)]!;
    if (reopen && index === 1) status = 'resolved';
    if (reopen && index === 2) status = 'investigating';
    updates.push(
      // Each message its own text, as in a real history (the build renders each distinct text once).
      `  - at: ${iso(at)}\n    status: ${status}\n    message: Update ${index + 1} of ${iso(start)}. We are working on **this** and will post again soon.\n`,
    );
    at += (5 + Math.floor(next() * 55)) * 60_000;
  }
  return `---\ntitle: Synthetic incident on ${components[0]}\nimpact: ${pick(impacts)}\ncomponents:\n${components.map((id) => `  - ${id}\n`).join('')}updates:\n${updates.join('')}---\nSynthetic postmortem paragraph.\n`;
}

function maintenanceText(next: () => number, start: number): string {
  const component = `component-${1 + Math.floor(next() * componentCount)}`;
  const end = start + 2 * 3_600_000;
  return `---\nkind: maintenance\ntitle: Planned work on ${component}\ncomponents:\n  - ${component}\nwindow:\n  start: ${iso(start)}\n  end: ${iso(end)}\nupdates:\n  - at: ${iso(start - 86_400_000)}\n    status: scheduled\n    message: We will upgrade ${component}.\n---\n`;
}

/** Writes components.yml and `count` incident files spread over three years before `now`. */
export function generateRepository(root: string, count: number, now: number): void {
  mkdirSync(join(root, 'incidents'), { recursive: true });
  writeFileSync(join(root, 'components.yml'), componentsYml());
  const next = random(count);
  const span = years * 365 * 86_400_000;
  for (let index = 0; index < count; index++) {
    const start = now - span + Math.floor((index / count) * span) + Math.floor(next() * 3_600_000);
    const maintenance = next() < 0.1;
    const slug = `${iso(start).slice(0, 10)}-${maintenance ? 'maintenance' : 'incident'}-${index + 1}`;
    const end = now - 86_400_000 * 2;
    const text = maintenance ? maintenanceText(next, Math.min(start, end)) : incidentText(next, Math.min(start, end));
    writeFileSync(join(root, 'incidents', `${slug}.md`), text);
  }
}

import type { Indicator } from '../domain/vocabulary.ts';
import { indicatorColors } from './badge.ts';

const white = 'fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"';
const bang = (top: number, bottom: number) =>
  `<path d="M16 ${top}v${bottom - top}" ${white}/><circle cx="16" cy="${bottom + 5}" r="2.2" fill="#fff"/>`;

/**
 * One shape per overall status, so the tab tells the status apart without
 * colour too: a circle with a tick, a triangle with "!" (minor and major), an
 * octagon with "!" (critical), a rounded square with a clock (maintenance).
 */
const shapes: Record<Indicator, (color: string) => string> = {
  none: (color) => `<circle cx="16" cy="16" r="15" fill="${color}"/><path d="M9 16.5l5 5 9-10" ${white}/>`,
  minor: (color) =>
    `<path d="M16 2.5L30.5 28.5H1.5Z" fill="${color}" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>${bang(11, 19)}`,
  major: (color) =>
    `<path d="M16 2.5L30.5 28.5H1.5Z" fill="${color}" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>${bang(11, 19)}`,
  critical: (color) => `<path d="M10 1h12l9 9v12l-9 9H10l-9-9V10z" fill="${color}"/>${bang(8, 17)}`,
  maintenance: (color) =>
    `<rect x="1" y="1" width="30" height="30" rx="7" fill="${color}"/><circle cx="16" cy="16" r="9" ${white}/><path d="M16 11v5l3.5 3" ${white}/>`,
};

/** The status mark's SVG elements on a 32×32 grid, for the favicon and the preview cards. */
export function renderStatusMark(indicator: Indicator): string {
  return shapes[indicator](indicatorColors[indicator]);
}

/** The status favicon: 32×32 SVG in the overall status's colour and shape. */
export function renderFavicon(indicator: Indicator): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${renderStatusMark(indicator)}</svg>`;
}

import { describe, expect, test } from 'vitest';
import { indicators } from '../../src/domain/vocabulary.ts';
import { renderPng, renderPngAsync } from '../../src/node/render-png.ts';
import { indicatorColors } from '../../src/serialize/badge.ts';
import { renderFavicon } from '../../src/serialize/favicon.ts';
import { charAdvance, previewWidth, renderPreviewCard, textWidth, wrapText } from '../../src/serialize/preview-card.ts';
import { xssPayloads } from '../helpers/xss-payloads.ts';
import { pngSize } from '../helpers/png.ts';

const hostileTitle = '<b>Checkout</b> down 🔥 <script>alert(1)</script> & "quotes"';

describe('link-preview cards', () => {
  test('an incident title with HTML and emoji is text in the SVG, never markup', () => {
    const svg = renderPreviewCard({
      siteName: 'Acme <Status>',
      headline: hostileTitle,
      details: ['a & b'],
      indicator: 'major',
      language: 'en',
    });
    expect(svg).not.toMatch(/<(b|script)>/);
    expect(svg).toContain('&lt;b&gt;Checkout&lt;/b&gt;');
    expect(svg).toContain('🔥');
    expect(svg).toContain('Acme &lt;Status&gt;');
    // resvg refuses malformed XML, so a rendered card proves the escaping held.
    expect(pngSize(renderPng(svg, previewWidth))).toEqual({ width: 1200, height: 630 });
  });

  test.each(xssPayloads)('renders %s as text', (payload) => {
    const svg = renderPreviewCard({
      siteName: payload,
      headline: payload,
      details: [payload],
      indicator: 'none',
      language: 'en',
    });
    expect(svg).not.toMatch(/<(img|script|svg onload|iframe|a |details|math|noscript)/);
    expect(() => renderPng(svg, 120)).not.toThrow();
  });

  test('a long title wraps onto at most three lines and ends in an ellipsis', () => {
    const lines = wrapText('Elevated error rates '.repeat(20), 68, 1008, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
  });

  test('a word longer than a line is cut instead of overflowing the card', () => {
    const lines = wrapText('x'.repeat(200), 68, 1008, 3);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length < 200)).toBe(true);
  });

  test('a 9,000-letter word wraps in one pass, every line within the width (issue 22)', () => {
    // Re-measuring the rest of the word for every cut took minutes; one pass measures each letter about once.
    let measured = 0;
    const counting = (char: string) => {
      measured++;
      return charAdvance(char);
    };
    const word = 'W'.repeat(9000);
    const lines = wrapText(word, 68, 1008, 3, counting);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
    for (const line of lines) expect(textWidth(line, 68)).toBeLessThanOrEqual(1008);
    expect(measured).toBeGreaterThan(0);
    expect(measured).toBeLessThanOrEqual(2 * word.length);
  });

  test('a cut word keeps every letter and fills each line before it breaks', () => {
    const lines = wrapText(`API ${'x'.repeat(40)} down`, 68, 1008, 5);
    expect(lines).toEqual(['API', expect.stringMatching(/^x+$/), expect.stringMatching(/^x+ down$/)]);
    expect(lines.join('').replace(/[^x]/g, '')).toHaveLength(40);
    expect(textWidth(`${lines[1]}x`, 68)).toBeGreaterThan(1008);
  });

  test('renders the same bytes every time', () => {
    const card = {
      siteName: 'Acme',
      headline: 'API down',
      details: ['Investigating · Critical impact'],
      indicator: 'critical' as const,
      language: 'en',
    };
    expect(Buffer.from(renderPng(renderPreviewCard(card), previewWidth))).toEqual(
      Buffer.from(renderPng(renderPreviewCard(card), previewWidth)),
    );
  });

  test('the build renders cards off the main thread and gets the same bytes', async () => {
    const svg = renderPreviewCard({
      siteName: 'Acme 東京',
      headline: hostileTitle,
      details: ['Investigating · Critical impact'],
      indicator: 'major',
      language: 'ja',
    });
    const sync = renderPng(svg, previewWidth);
    expect(pngSize(sync)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.from(await renderPngAsync(svg, previewWidth))).toEqual(Buffer.from(sync));
  });
});

describe('status favicon', () => {
  test('each overall status has its own colour and shape', () => {
    const icons = indicators.map((indicator) => renderFavicon(indicator));
    expect(new Set(icons).size).toBe(indicators.length);
    indicators.forEach((indicator, index) => expect(icons[index]).toContain(indicatorColors[indicator]));
    // Minor and major share the warning triangle; only the colour tells them apart.
    const shape = (svg: string) => svg.replace(/#[0-9a-f]{6}/g, '');
    expect(new Set(icons.map(shape)).size).toBe(4);
  });
});

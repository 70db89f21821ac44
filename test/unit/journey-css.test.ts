import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOURNEY_METRICS as M } from '../../src-renderer/frames/journey/layout';

/**
 * The journey frame is positioned from `JOURNEY_METRICS` (layout.ts) but drawn by
 * journey.css: if the two disagree, cards overflow their cells and drops land in the wrong
 * slot. This reads the stylesheet itself (a Node test: the renderer's own tests may not read
 * files, and Vitest hands CSS imports to them empty).
 */

/**
 * The plain rules of a stylesheet: selector → property → value, later rules overriding
 * earlier ones as in the cascade (enough for journey.css's flat, class-only rules).
 */
function cssRules(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selectors, declarations] of body.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    for (const selector of selectors!.split(',').map((s) => s.trim().replace(/\s+/g, ' '))) {
      const rule = rules.get(selector) ?? new Map<string, string>();
      for (const declaration of declarations!.split(';')) {
        const colon = declaration.indexOf(':');
        if (colon > 0) rule.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
      }
      rules.set(selector, rule);
    }
  }
  return rules;
}

const css = cssRules(
  readFileSync(new URL('../../src-renderer/frames/journey/journey.css', import.meta.url), 'utf8'),
);

/** A `<n>px` value the stylesheet sets; fails naming the rule when it is missing or not pixels. */
function px(selector: string, property: string): number {
  const value = css.get(selector)?.get(property);
  if (value === undefined) throw new Error(`journey.css sets no ${property} on ${selector}`);
  const match = /^(\d+)px$/.exec(value);
  if (!match) throw new Error(`${selector} { ${property}: ${value} } is not one pixel length`);
  return Number(match[1]);
}

describe('journey.css and JOURNEY_METRICS', () => {
  it('size everything inside the frame as border boxes', () => {
    expect(css.get('.jm-frame *')?.get('box-sizing')).toBe('border-box');
  });

  it('agree on cells, lists, cards, moments and add buttons', () => {
    expect(px('.jm-cell', 'padding')).toBe(M.cellPadding);
    expect(px('.jm-cell', 'gap')).toBe(M.cellGap);
    expect(px('.jm-cell-list', 'gap')).toBe(M.cardGap);
    expect(px('.jm-moment-list', 'gap')).toBe(M.momentGap);
    expect(px('.jm-card', 'height')).toBe(M.cardHeight);
    expect(px('.jm-moment', 'height')).toBe(M.momentHeight);
    expect(px('.jm-add-card', 'height')).toBe(M.addButtonHeight);
  });
});

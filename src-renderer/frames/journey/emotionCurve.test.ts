import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChartBand,
  emotionPath,
  emotionToY,
  formatEmotion,
  snapEmotion,
  stepEmotion,
  yToEmotion,
} from './emotionCurve';

const band: ChartBand = { top: 18, height: 148 };

/** Numbers of an SVG path, in order. */
function numbers(d: string): number[] {
  return (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

describe('emotion scale', () => {
  it('snaps to halves and clamps to −2..+2', () => {
    expect(snapEmotion(0.26)).toBe(0.5);
    expect(snapEmotion(0.24)).toBe(0);
    expect(snapEmotion(-1.74)).toBe(-1.5);
    expect(snapEmotion(7)).toBe(2);
    expect(snapEmotion(-3)).toBe(-2);
    expect(Object.is(snapEmotion(-0.1), 0)).toBe(true); // never −0
    expect(snapEmotion(Number.NaN)).toBe(0);
  });

  it('puts +2 at the top of the band, −2 at the bottom, 0 in the middle', () => {
    expect(emotionToY(2, band)).toBe(band.top);
    expect(emotionToY(-2, band)).toBe(band.top + band.height);
    expect(emotionToY(0, band)).toBe(band.top + band.height / 2);
  });

  it('reads back every snapped value from its own y, and clamps pointers outside the band', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4, max: 4 }), (halves) => {
        const value = halves / 2;
        expect(yToEmotion(emotionToY(value, band), band)).toBe(value);
      }),
    );
    expect(yToEmotion(-500, band)).toBe(2);
    expect(yToEmotion(5000, band)).toBe(-2);
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (y) => {
        const v = yToEmotion(y, band);
        expect(v).toBeGreaterThanOrEqual(-2);
        expect(v).toBeLessThanOrEqual(2);
        expect(Number.isInteger(v * 2)).toBe(true);
      }),
    );
  });

  it('steps from the keyboard, starting an unset point at neutral', () => {
    expect(stepEmotion(null, 1)).toBe(0.5);
    expect(stepEmotion(null, -1)).toBe(-0.5);
    expect(stepEmotion(1.5, 1)).toBe(2);
    expect(stepEmotion(2, 1)).toBe(2);
    expect(stepEmotion(-2, -2)).toBe(-2);
    expect(stepEmotion(0, 2)).toBe(1);
  });

  it('formats signed values for people', () => {
    expect(formatEmotion(0)).toBe('0');
    expect(formatEmotion(1.5)).toBe('+1.5');
    expect(formatEmotion(-2)).toBe('−2');
  });
});

describe('emotion curve path', () => {
  it('draws nothing for no points or a lone point, a straight segment for two', () => {
    expect(emotionPath([])).toBe('');
    expect(emotionPath([{ x: 10, y: 10 }])).toBe('');
    expect(emotionPath([null, { x: 10, y: 10 }, null])).toBe('');
    const d = emotionPath([
      { x: 0, y: 0 },
      { x: 30, y: 30 },
    ]);
    expect(d).toBe('M0,0C10,10,20,20,30,30');
  });

  it('breaks the curve at unset stages instead of inventing values', () => {
    const d = emotionPath([{ x: 0, y: 0 }, { x: 10, y: 5 }, null, { x: 30, y: 5 }, { x: 40, y: 0 }]);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.startsWith('M0,0')).toBe(true);
    expect(d).toContain('M30,5');
  });

  it('keeps a flat stretch flat (no wobble between equal neighbours)', () => {
    const d = emotionPath([
      { x: 0, y: 50 },
      { x: 100, y: 50 },
      { x: 200, y: 50 },
    ]);
    const ys = numbers(d).filter((_, i) => i % 2 === 1);
    expect(new Set(ys)).toEqual(new Set([50]));
  });

  it('never overshoots: every control point lies between the two points it joins', () => {
    const values = fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(values, (halves) => {
        const points = halves.map((h, i) => ({ x: 120 + i * 240, y: emotionToY(h / 2, band) }));
        const n = numbers(emotionPath(points));
        // M x0 y0, then per segment: c1x c1y c2x c2y x y
        for (let s = 0; s < points.length - 1; s++) {
          const a = points[s]!;
          const b = points[s + 1]!;
          const [, c1y, , c2y, x, y] = n.slice(2 + s * 6, 8 + s * 6);
          const lo = Math.min(a.y, b.y) - 0.01;
          const hi = Math.max(a.y, b.y) + 0.01;
          expect(c1y).toBeGreaterThanOrEqual(lo);
          expect(c1y).toBeLessThanOrEqual(hi);
          expect(c2y).toBeGreaterThanOrEqual(lo);
          expect(c2y).toBeLessThanOrEqual(hi);
          expect(x).toBeCloseTo(b.x, 1);
          expect(y).toBeCloseTo(b.y, 1);
        }
      }),
    );
  });
});

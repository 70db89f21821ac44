import { describe, expect, it } from 'vitest';
import { borderPoint, fitViewport, intersects, snapPoint, unionRect } from './geometry';

describe('borderPoint', () => {
  const rect = { x: 0, y: 0, width: 200, height: 100 };

  it('leaves through the side facing the other point', () => {
    expect(borderPoint(rect, { x: 1000, y: 50 })).toEqual({ x: 200, y: 50 });
    expect(borderPoint(rect, { x: 100, y: -500 })).toEqual({ x: 100, y: 0 });
  });

  it('leaves through the nearer side on a diagonal', () => {
    const p = borderPoint(rect, { x: 300, y: 250 }); // direction (200, 200): hits the bottom first
    expect(p.y).toBeCloseTo(100);
    expect(p.x).toBeCloseTo(150);
  });

  it('returns the centre when the other point is the centre', () => {
    expect(borderPoint(rect, { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
  });
});

describe('helpers', () => {
  it('detects overlap', () => {
    expect(intersects({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(
      true,
    );
    expect(intersects({ x: 0, y: 0, width: 10, height: 10 }, { x: 11, y: 0, width: 10, height: 10 })).toBe(
      false,
    );
  });

  it('snaps to the grid only when asked', () => {
    expect(snapPoint({ x: 31, y: 49 }, 20)).toEqual({ x: 40, y: 40 });
    expect(snapPoint({ x: 31, y: 49 }, null)).toEqual({ x: 31, y: 49 });
  });
});

describe('fitViewport', () => {
  const options = { padding: 0.1, minZoom: 0.02, maxZoom: 1 };

  it('centres and scales a large board to fit inside the padding', () => {
    const v = fitViewport({ x: 0, y: 0, width: 10_000, height: 2_000 }, 1000, 800, options);
    expect(v.zoom).toBeCloseTo(0.08);
    // The board's centre lands in the canvas centre.
    expect(5000 * v.zoom + v.x).toBeCloseTo(500);
    expect(1000 * v.zoom + v.y).toBeCloseTo(400);
  });

  it('never zooms in past maxZoom or out past minZoom', () => {
    expect(fitViewport({ x: 10, y: 10, width: 50, height: 50 }, 1000, 800, options).zoom).toBe(1);
    expect(fitViewport({ x: 0, y: 0, width: 1e7, height: 1e7 }, 1000, 800, options).zoom).toBe(0.02);
  });

  it('measures the union of rectangles', () => {
    expect(
      unionRect([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: -5, y: 20, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 15, height: 30 });
    expect(unionRect([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { borderPoint, intersects, snapPoint } from './geometry';

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

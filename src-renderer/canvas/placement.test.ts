import { describe, expect, it } from 'vitest';
import { freeSpot, PLACEMENT_GAP } from './placement';
import type { Rect } from './viewModel';

const size = { width: 100, height: 50 };

function overlapsAny(p: { x: number; y: number }, obstacles: Rect[], gap = PLACEMENT_GAP): boolean {
  return obstacles.some(
    (o) =>
      p.x < o.x + o.width + gap &&
      o.x < p.x + size.width + gap &&
      p.y < o.y + o.height + gap &&
      o.y < p.y + size.height + gap,
  );
}

describe('freeSpot', () => {
  it('keeps the preferred corner when it is free', () => {
    expect(freeSpot(size, { x: 10.4, y: 20 }, [])).toEqual({ x: 10, y: 20 });
    expect(freeSpot(size, { x: 0, y: 0 }, [{ x: 500, y: 500, width: 10, height: 10 }])).toEqual({
      x: 0,
      y: 0,
    });
  });

  it('moves a box dropped on an obstacle to the nearest side, keeping the gap', () => {
    // The obstacle is wide, so its nearest free side is below (or above) rather than right.
    const wide: Rect = { x: 0, y: 0, width: 1000, height: 100 };
    const spot = freeSpot(size, { x: 400, y: 30 }, [wide]);
    expect(spot).toEqual({ x: 400, y: 100 + PLACEMENT_GAP });
    // A tall one: to the side.
    const tall: Rect = { x: 0, y: 0, width: 100, height: 1000 };
    expect(freeSpot(size, { x: 60, y: 400 }, [tall])).toEqual({ x: 100 + PLACEMENT_GAP, y: 400 });
  });

  it('a copy of a map placed on the original lands beside it, not 20 px over it', () => {
    const map: Rect = { x: 0, y: 0, width: 1200, height: 800 };
    const spot = freeSpot({ width: 1200, height: 800 }, { x: 20, y: 20 }, [map]);
    expect(overlapsAny(spot, [map])).toBe(false);
    // The nearest free place is directly below or to the right (below: 820 away, right: 1220).
    expect(spot).toEqual({ x: 20, y: 800 + PLACEMENT_GAP });
  });

  it('finds a gap between obstacles when one fits, and never overlaps anything', () => {
    const obstacles: Rect[] = [
      { x: 0, y: 0, width: 200, height: 200 },
      { x: 400, y: 0, width: 200, height: 200 },
    ];
    // 400 − 200 = 200 free across; the box (100 + 2 × 40 gap = 180) fits between them.
    const spot = freeSpot(size, { x: 150, y: 50 }, obstacles);
    expect(overlapsAny(spot, obstacles)).toBe(false);
    expect(spot.x).toBeGreaterThanOrEqual(200 + PLACEMENT_GAP);
    expect(spot.x + size.width + PLACEMENT_GAP).toBeLessThanOrEqual(400);
    expect(spot.y).toBe(50);
  });

  it('places in free space on a crowded random board (property)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const obstacles: Rect[] = Array.from({ length: 60 }, () => ({
        x: Math.round(random() * 3000),
        y: Math.round(random() * 2000),
        width: 50 + Math.round(random() * 400),
        height: 50 + Math.round(random() * 300),
      }));
      const preferred = { x: Math.round(random() * 3000), y: Math.round(random() * 2000) };
      const spot = freeSpot(size, preferred, obstacles);
      expect(overlapsAny(spot, obstacles)).toBe(false);
      expect(Number.isInteger(spot.x) && Number.isInteger(spot.y)).toBe(true);
    }
  });

  it('takes a few milliseconds for 3 000 obstacles', () => {
    const obstacles: Rect[] = [];
    for (let i = 0; i < 3000; i++) {
      obstacles.push({ x: (i % 60) * 250, y: Math.floor(i / 60) * 250, width: 200, height: 200 });
    }
    const started = performance.now();
    const spot = freeSpot({ width: 1200, height: 800 }, { x: 100, y: 100 }, obstacles);
    const elapsed = performance.now() - started;
    expect(overlapsAny(spot, obstacles)).toBe(false);
    expect(elapsed).toBeLessThan(2000);
  });
});

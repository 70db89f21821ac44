import { describe, expect, it } from 'vitest';
import { pageSize, planPages, TILE_OVERLAP } from './pdf';

describe('PDF pages', () => {
  it('fits a region on one page, centred, whatever its size', () => {
    const [pw, ph] = pageSize({ paper: 'a4', orientation: 'landscape' });
    expect(pw).toBeGreaterThan(ph);
    const [plan] = planPages(
      { x: 0, y: 0, width: 5000, height: 1000 },
      { paper: 'a4', orientation: 'landscape', layout: 'fit' },
    );
    expect(plan!.tile).toBeNull();
    expect(plan!.offset.x).toBeGreaterThan(0);
    expect(plan!.scale * 5000).toBeLessThanOrEqual(pw);
  });

  it('tiles a large region at print size; neighbouring tiles overlap', () => {
    const plans = planPages(
      { x: 0, y: 0, width: 3000, height: 1500 },
      { paper: 'a4', orientation: 'portrait', layout: 'tile' },
    );
    const columns = plans[0]!.tile!.columns;
    expect(plans.length).toBe(columns * plans[0]!.tile!.rows);
    expect(plans.length).toBeGreaterThan(4);
    const [a, b] = plans;
    const overlap = a!.area.x + a!.area.width - b!.area.x;
    expect(overlap * a!.scale).toBeCloseTo(TILE_OVERLAP, 3);
    // The last tiles reach the region's far edges.
    const last = plans.at(-1)!;
    expect(last.area.x + last.area.width).toBeGreaterThanOrEqual(3000);
    expect(last.area.y + last.area.height).toBeGreaterThanOrEqual(1500);
  });

  it('a small region tiled is one page at print size', () => {
    const plans = planPages(
      { x: 0, y: 0, width: 300, height: 200 },
      { paper: 'a3', orientation: 'landscape', layout: 'tile' },
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]!.scale).toBe(0.75);
  });
});

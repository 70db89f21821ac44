import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart';

const size = { width: 460, height: 160 };

describe('chartGeometry', () => {
  it('places readings by date and the target on the same value axis', () => {
    const g = chartGeometry(
      [
        { date: '2026-01-01', value: 50 },
        { date: '2026-01-11', value: 60 },
        { date: '2026-01-31', value: 70 },
      ],
      80,
      size,
    );
    const [a, b, c] = g.points as [(typeof g.points)[0], (typeof g.points)[0], (typeof g.points)[0]];
    expect(a.x).toBe(g.plot.left);
    expect(c.x).toBeCloseTo(g.plot.left + g.plot.width, 6);
    // 10 of 30 days.
    expect(b.x - a.x).toBeCloseTo(g.plot.width / 3, 6);
    // The target (80) is the top of the axis, the lowest reading (50) its bottom.
    expect(g.targetY).toBeCloseTo(g.plot.top, 6);
    expect(a.y).toBeCloseTo(g.plot.top + g.plot.height, 6);
    expect(g.path.startsWith('M')).toBe(true);
    expect(g.xLabels.map((l) => l.date)).toEqual(['2026-01-01', '2026-01-31']);
  });

  it('draws one reading, or none, without dividing by zero', () => {
    const one = chartGeometry([{ date: '2026-01-01', value: 5 }], null, size);
    expect(one.points[0]!.x).toBe(one.plot.left + one.plot.width / 2);
    expect(Number.isFinite(one.points[0]!.y)).toBe(true);
    expect(one.path).toBe('');
    expect(one.targetY).toBeNull();
    const none = chartGeometry([], 10, size);
    expect(none.points).toEqual([]);
    expect(Number.isFinite(none.targetY!)).toBe(true);
  });
});

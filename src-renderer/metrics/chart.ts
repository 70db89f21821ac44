import type { MetricReading } from '../../shared/board';

/** Where a history chart's parts go (pure, unit-tested). */
export interface ChartGeometry {
  plot: { left: number; top: number; width: number; height: number };
  points: { x: number; y: number; date: string; value: number; index: number }[];
  /** SVG path through the points, or '' with fewer than two. */
  path: string;
  targetY: number | null;
  yTicks: { value: number; y: number }[];
  /** First and last dates (one when they are the same). */
  xLabels: { date: string; x: number }[];
}

const DAY = 86_400_000;

/**
 * Lays out readings over time (x by date, so uneven gaps show) and the target (y), with the
 * value axis spanning both the readings and the target.
 */
export function chartGeometry(
  history: readonly MetricReading[],
  target: number | null,
  size: { width: number; height: number },
): ChartGeometry {
  const plot = { left: 44, top: 8, width: size.width - 52, height: size.height - 28 };
  const values = history.map((r) => r.value);
  if (target !== null) values.push(target);
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const y = (v: number) => plot.top + plot.height - ((v - min) / (max - min)) * plot.height;
  const times = history.map((r) => Date.parse(r.date));
  const first = times[0] ?? 0;
  const span = Math.max(DAY, (times.at(-1) ?? first) - first);
  const x = (time: number) =>
    history.length === 1 ? plot.left + plot.width / 2 : plot.left + ((time - first) / span) * plot.width;
  const points = history.map((r, index) => ({
    x: x(times[index]!),
    y: y(r.value),
    date: r.date,
    value: r.value,
    index,
  }));
  const path =
    points.length < 2
      ? ''
      : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const yTicks = [min, (min + max) / 2, max].map((value) => ({
    value: Number(value.toPrecision(3)),
    y: y(value),
  }));
  const xLabels =
    history.length === 0
      ? []
      : history.length === 1 || history[0]!.date === history.at(-1)!.date
        ? [{ date: history[0]!.date, x: points[0]!.x }]
        : [
            { date: history[0]!.date, x: plot.left + 30 },
            { date: history.at(-1)!.date, x: plot.left + plot.width - 30 },
          ];
  return { plot, points, path, targetY: target === null ? null : y(target), yTicks, xLabels };
}
